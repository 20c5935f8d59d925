import { type CustomField, customFieldsOf, isMandatory } from '@/pipedrive/deal-fields.ts';
import type { CoreReferenceData, ListsNeeded } from '@/pipedrive/reference-data.ts';
import type { LeadFormInput } from './lead-form-schema.ts';

/**
 * Which of the on-demand lists the first form needs on screen: a field always shown that picks a
 * colleague or a currency, or a restored draft that already holds one (another owner, a value, a
 * custom user or monetary value). A plain new lead needs neither.
 */
export function listsNeededAtStart(
  core: CoreReferenceData,
  draft: Partial<LeadFormInput> | undefined,
): ListsNeeded {
  const fields = customFieldsOf(core.dealFields);
  const saved = (draft?.custom ?? {}) as Record<string, unknown>;
  const needs = (type: CustomField['field_type']) =>
    fields.some((field) => field.field_type === type && (isMandatory(field) || isSet(saved[field.key])));
  return {
    users: needs('user') || (typeof draft?.owner === 'string' && draft.owner !== String(core.me.id)),
    currencies: needs('monetary') || isSet(draft?.value),
  };
}

/**
 * Which on-demand lists a group of custom fields reads, e.g. when the rep opens the section
 * holding them.
 */
export function listsReadBy(fields: readonly CustomField[]): ListsNeeded {
  return {
    users: fields.some((field) => field.field_type === 'user'),
    currencies: fields.some((field) => field.field_type === 'monetary'),
  };
}

/** A drafted value the rep typed: a non-empty id, or an amount. */
function isSet(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'object' && value !== null && 'amount' in value) {
    return typeof value.amount === 'string' && value.amount.trim() !== '';
  }
  return false;
}
