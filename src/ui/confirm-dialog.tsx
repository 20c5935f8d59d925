import { type ReactNode, useRef, useState } from 'react';
import { ModalDialog } from './modal-dialog.tsx';

interface ConfirmDialogProps {
  id: string;
  title: string;
  /** What confirming does, in plain words: read out when the dialog opens. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button's text while `onConfirm` runs, e.g. "Disconnecting…". */
  busyLabel: string;
  /** Shown in the dialog when `onConfirm` rejects; the dialog stays open to try again or cancel. */
  failureMessage: string;
  onConfirm: () => Promise<void>;
  /** Cancelled, closed or Escape: nothing was done. */
  onClose: () => void;
}

/**
 * Asks before something that cannot be undone. Focus starts on Cancel, so an Enter pressed out of
 * habit does nothing harmful; the destructive action has to be chosen.
 */
export function ConfirmDialog({
  id,
  title,
  children,
  confirmLabel,
  busyLabel,
  failureMessage,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      id={id}
      title={title}
      onClose={onClose}
      alert={{ describedBy: `${id}-description` }}
      initialFocus={cancel}
    >
      <div id={`${id}-description`} className="dialog__body">
        {children}
      </div>
      {failed && (
        <div className="notice notice--error" role="alert">
          <p>{failureMessage}</p>
        </div>
      )}
      <div className="dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          aria-disabled={busy || undefined}
          onClick={() => void confirm()}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}
