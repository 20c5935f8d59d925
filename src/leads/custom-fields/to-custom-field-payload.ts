import type { ContactRef } from '@/contacts/contact-ref.ts';
import type { CustomField, EditableFieldType } from '@/pipedrive/deal-fields.ts';
import type { CustomFieldValue, CustomFieldValues, Money, Range } from './custom-field-values.ts';

export type CustomFieldPayload = Record<string, string | number>;

/** The second key a field writes besides its own, per Pipedrive's v1 format. */
const SUBFIELD_SUFFIX: Partial<Record<EditableFieldType, string>> = {
  monetary: '_currency',
  daterange: '_until',
  timerange: '_until',
};

/**
 * Parsed custom field values to the top-level keys of `POST /v1/leads` (v1 deal formats). A field
 * that is not set is left out: leads reject `null`, and `''` would clear nothing on a new lead.
 */
export function toCustomFieldPayload(
  fields: readonly CustomField[],
  values: CustomFieldValues,
): CustomFieldPayload {
  const payload: CustomFieldPayload = {};
  for (const field of fields) {
    const value = values[field.key];
    if (value !== undefined) Object.assign(payload, entriesOf(field, value));
  }
  return payload;
}

function entriesOf(field: CustomField, value: CustomFieldValue): CustomFieldPayload {
  const { key } = field;
  switch (field.field_type) {
    case 'monetary': {
      const money = value as Money;
      return { [key]: money.amount, [`${key}_currency`]: money.currency };
    }
    case 'daterange':
    case 'timerange': {
      const range = value as Range;
      return { [key]: range.from, [`${key}_until`]: range.until };
    }
    case 'set':
      // v1 takes the option ids of a multiple-option field as one comma-separated string.
      return { [key]: (value as Array<string | number>).join(',') };
    case 'org':
    case 'people':
      return { [key]: (value as ContactRef).id };
    default:
      return { [key]: value as string | number };
  }
}

/**
 * The field a Pipedrive error is about when it names a request key: the field's own key, or its
 * `_currency` / `_until` companion.
 */
export function customFieldKeyForRequestKey(
  fields: readonly CustomField[],
  requestKey: string,
): string | undefined {
  for (const field of fields) {
    if (requestKey === field.key) return field.key;
    const suffix = SUBFIELD_SUFFIX[field.field_type];
    if (suffix !== undefined && requestKey === `${field.key}${suffix}`) return field.key;
  }
  return undefined;
}
