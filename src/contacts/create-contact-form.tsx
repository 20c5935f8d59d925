import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ModalDialog } from '@/ui/modal-dialog.tsx';
import { createFieldFor } from './create-contact-schemas.ts';

interface CreateContactFormProps {
  id: string;
  /** "person" or "organization": titles the dialog and its button. */
  noun: string;
  isSubmitting: boolean;
  /** A failure that belongs to no field, shown at the top of the dialog. */
  problem: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}

/** The shared frame of the inline create dialogs: its errors stay inside it, never in the lead form. */
export function CreateContactForm({
  id,
  noun,
  isSubmitting,
  problem,
  onSubmit,
  onClose,
  children,
}: CreateContactFormProps) {
  return (
    <ModalDialog id={id} title={`Create ${noun}`} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          // The dialog is portalled, but React still bubbles its submit to the lead form.
          event.stopPropagation();
          if (isSubmitting) event.preventDefault();
          else onSubmit(event);
        }}
      >
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        {children}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" aria-disabled={isSubmitting || undefined}>
            {isSubmitting ? `Creating ${noun}…` : `Create ${noun}`}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** A failed create as a message, and the dialog field it names when it names one. */
export function createProblemOf(error: unknown): {
  field: ReturnType<typeof createFieldFor>;
  message: string;
} {
  if (!(error instanceof ApiError)) {
    return {
      field: undefined,
      message: 'QuickLead could not reach Pipedrive. Check your connection and try again.',
    };
  }
  return { field: createFieldFor(error.reason), message: error.reason };
}
