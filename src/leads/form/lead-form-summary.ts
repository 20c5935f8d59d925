import type { FieldErrors } from 'react-hook-form';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import type { SummaryError } from '@/ui/error-summary.tsx';
import { customFieldControlId } from '../custom-fields/custom-field-inputs.tsx';
import { FOLLOW_UP_FIELD_IDS, FOLLOW_UP_FIELD_ORDER } from '../follow-up/follow-up-schema.ts';
import { LEAD_FIELD_IDS, type LeadFieldName, type LeadFormInput } from './lead-form-schema.ts';

const FIELD_ORDER = Object.keys(LEAD_FIELD_IDS) as LeadFieldName[];

/** One entry per distinct message, in page order: the person-or-organization rule is listed once. */
export function summaryErrors(
  errors: FieldErrors<LeadFormInput>,
  formProblem: string | undefined,
  customFields: readonly CustomField[],
): SummaryError[] {
  const list: SummaryError[] = [];
  const add = (fieldId: string, message: string | undefined) => {
    if (message && !list.some((entry) => entry.message === message)) list.push({ fieldId, message });
  };
  const followUp = errors.followUp as Record<string, unknown> | undefined;
  for (const name of FIELD_ORDER) {
    add(LEAD_FIELD_IDS[name], messageOf(errors[name]));
    // The follow-up section comes right after the note on the page.
    if (name === 'note') {
      for (const part of FOLLOW_UP_FIELD_ORDER) add(FOLLOW_UP_FIELD_IDS[part], messageOf(followUp?.[part]));
    }
  }
  const custom = errors.custom as Record<string, unknown> | undefined;
  for (const field of customFields) add(customFieldControlId(field.key), messageOf(custom?.[field.key]));
  if (formProblem) list.push({ message: formProblem });
  return list;
}

/** A field's message, also when the error sits on a part of it (`value.amount`). */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const record = error as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message !== '') return record.message;
  for (const part of Object.values(record)) {
    const message = messageOf(part);
    if (message) return message;
  }
  return undefined;
}
