import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ModalDialog } from '@/ui/modal-dialog.tsx';
import { createFieldFor } from './create-contact-schemas.ts';
import type { LookupResult } from './duplicate-lookup.ts';
import type { DuplicateCandidate } from './duplicate-matches.ts';
import { DuplicateOffer } from './duplicate-offer.tsx';
import type { CreateStep } from './use-create-contact.ts';

interface CreateContactFormProps {
  id: string;
  /** "person" or "organization": titles the dialog and its button. */
  noun: string;
  step: CreateStep;
  /** What the look before creating found (or that it could not look), shown until a searched field changes. */
  lookup: LookupResult | undefined;
  onUseExisting: (candidate: DuplicateCandidate) => void;
  /** A failure that belongs to no field, shown at the top of the dialog. */
  problem: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  children: ReactNode;
}

function submitLabel(step: CreateStep, noun: string): string {
  switch (step) {
    case 'checking':
      return `Checking Pipedrive for this ${noun}…`;
    case 'creating':
      return `Creating ${noun}…`;
    case 'offered':
      return `Create a new ${noun} anyway`;
    default:
      return `Create ${noun}`;
  }
}

/** The shared frame of the inline create dialogs: its errors stay inside it, never in the lead form. */
export function CreateContactForm({
  id,
  noun,
  step,
  lookup,
  onUseExisting,
  problem,
  onSubmit,
  onClose,
  children,
}: CreateContactFormProps) {
  const busy = step === 'checking' || step === 'creating';
  return (
    <ModalDialog id={id} title={`Create ${noun}`} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          // The dialog is portalled, but React still bubbles its submit to the lead form.
          event.stopPropagation();
          if (busy) event.preventDefault();
          else onSubmit(event);
        }}
      >
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        {children}
        {lookup && <DuplicateOffer id={`${id}-offer`} noun={noun} lookup={lookup} onUse={onUseExisting} />}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {submitLabel(step, noun)}
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
