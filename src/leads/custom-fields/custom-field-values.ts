import type { ContactRef } from '@/contacts/contact-ref.ts';
import type { CustomField, EditableFieldType, FieldOption } from '@/pipedrive/deal-fields.ts';

/** What the amount box and the currency select of a monetary field hold. */
export interface MoneyInput {
  amount: string;
  currency: string;
}

/** What the two boxes of a date or time range hold. */
export interface RangeInput {
  from: string;
  until: string;
}

/** The form-side value of each field type: what the inputs hold, with `''` meaning "not set". */
export interface CustomFieldInputByType {
  varchar: string;
  varchar_auto: string;
  text: string;
  phone: string;
  address: string;
  double: string;
  int: string;
  monetary: MoneyInput;
  date: string;
  daterange: RangeInput;
  time: string;
  timerange: RangeInput;
  enum: string;
  set: string[];
  user: string;
  org: ContactRef | null;
  people: ContactRef | null;
}

export type CustomFieldInput = CustomFieldInputByType[EditableFieldType];

/** The lead form's `custom` values, keyed by the 40-hex field key. */
export type CustomFieldFormValues = Record<string, CustomFieldInput>;

export interface Money {
  amount: number;
  currency: string;
}

/** `from`/`until` as `YYYY-MM-DD` dates or `HH:MM:SS` times. */
export interface Range {
  from: string;
  until: string;
}

/** A parsed value of each field type, ready to be written in Pipedrive's v1 format. */
export interface CustomFieldValueByType {
  varchar: string;
  varchar_auto: string;
  text: string;
  phone: string;
  address: string;
  double: number;
  int: number;
  monetary: Money;
  /** `YYYY-MM-DD` */
  date: string;
  daterange: Range;
  /** `HH:MM:SS` */
  time: string;
  timerange: Range;
  /** The option's id as Pipedrive gave it. */
  enum: FieldOption['id'];
  set: Array<FieldOption['id']>;
  /** A user id. */
  user: number;
  /** Kept whole so the created-lead card can show the name without another request. */
  org: ContactRef;
  people: ContactRef;
}

export type CustomFieldValue = CustomFieldValueByType[EditableFieldType];

/** The schema's output: a field that is not set is `undefined`. */
export type CustomFieldValues = Record<string, CustomFieldValue | undefined>;

export function emptyCustomFieldValue(field: CustomField, defaultCurrency = ''): CustomFieldInput {
  switch (field.field_type) {
    case 'monetary':
      return { amount: '', currency: defaultCurrency };
    case 'daterange':
    case 'timerange':
      return { from: '', until: '' };
    case 'set':
      return [];
    case 'org':
    case 'people':
      return null;
    default:
      return '';
  }
}

/** The untouched state of the form's `custom` values; monetary fields start in the default currency. */
export function emptyCustomFieldValues(
  fields: readonly CustomField[],
  options: { defaultCurrency?: string } = {},
): CustomFieldFormValues {
  return Object.fromEntries(
    fields.map((field) => [field.key, emptyCustomFieldValue(field, options.defaultCurrency)]),
  );
}
