import { type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ModalDialogProps {
  id: string;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** A question that needs an answer before anything else (role `alertdialog`), read out with this element. */
  alert?: { describedBy: string };
  /** Where focus starts; by default the browser's choice, the first control (the Close button). */
  initialFocus?: RefObject<HTMLElement | null>;
}

/**
 * A native modal `<dialog>`: the browser traps focus, closes it on Escape and returns focus to
 * where it was. Portalled to `<body>` so a form inside it is never nested in another form.
 */
export function ModalDialog({ id, title, onClose, children, alert, initialFocus }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const initialFocusRef = useRef(initialFocus);

  // A layout effect, so the dialog closes while still in the document and the browser returns focus.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    initialFocusRef.current?.current?.focus();
    // A `close` event is queued, not sent at once: the one from a close this effect's cleanup made
    // (StrictMode mounts twice in development) arrives after the dialog is open again; only a
    // dialog that is really closed is closed for its owner.
    const handleClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
    };
  }, []);

  return createPortal(
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      {...(alert ? { role: 'alertdialog', 'aria-describedby': alert.describedBy } : {})}
    >
      <div className="dialog__header">
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="button button--icon"
          aria-label="Close"
          onClick={() => ref.current?.close()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </dialog>,
    document.body,
  );
}
