import { useEffect, useState } from 'react';
import type { FillPlan } from './fill-plan.ts';
import type { PasteDialogProps } from './paste-dialog.tsx';
import { clearSharedText, peekSharedText } from './shared-text.ts';
import './paste-to-fill.css';

// The dialog, its reader and the phone library (about 45 kB gzip of metadata and code) load only
// when the rep opens it: none of it is in the JavaScript a lead form needs.
const loadPasteDialog = () => import('./paste-dialog.tsx');
type PasteDialogComponent = (props: PasteDialogProps) => React.ReactNode;

interface PasteToFillProps {
  locale: string | undefined;
  onAccept: (plan: FillPlan) => void;
}

/**
 * The "Paste contact details" button and its dialog. Text shared to QuickLead from another app
 * opens the dialog with that text as the form appears, once: it is cleared as soon as the dialog
 * holds it.
 */
export function PasteToFill({ locale, onAccept }: PasteToFillProps) {
  const [shared] = useState(peekSharedText);
  const [open, setOpen] = useState<{ initialText?: string } | undefined>(() =>
    shared ? { initialText: shared } : undefined,
  );
  const [dialog, setDialog] = useState<PasteDialogComponent>();
  const [problem, setProblem] = useState<string>();

  const wanted = open !== undefined;
  useEffect(() => {
    if (!wanted || dialog) return;
    let active = true;
    loadPasteDialog().then(
      (module) => active && setDialog(() => module.default),
      () => {
        if (!active) return;
        setOpen(undefined);
        setProblem('Paste to fill could not be loaded. Check your connection and try again.');
      },
    );
    return () => {
      active = false;
    };
  }, [wanted, dialog]);

  // The shared text is in the dialog now: it is not kept for another form.
  const holdsShared = dialog !== undefined && open?.initialText !== undefined;
  useEffect(() => {
    if (holdsShared) clearSharedText();
  }, [holdsShared]);

  const Dialog = dialog;
  return (
    <div className="paste-to-fill">
      <button
        type="button"
        className="button button--small"
        aria-haspopup="dialog"
        onClick={() => {
          setProblem(undefined);
          setOpen({});
        }}
      >
        {wanted && !dialog ? 'Opening…' : 'Paste contact details'}
      </button>
      <span className="field-hint paste-to-fill__hint">
        From a signature, a vCard or a profile: QuickLead proposes the person and organization.
      </span>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {open && Dialog && (
        <Dialog
          {...(open.initialText !== undefined ? { initialText: open.initialText } : {})}
          locale={locale}
          onClose={() => setOpen(undefined)}
          onAccept={(plan) => {
            setOpen(undefined);
            onAccept(plan);
          }}
        />
      )}
    </div>
  );
}
