import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CustomField, EDITABLE_FIELD_TYPES, type EditableFieldType } from '@/pipedrive/deal-fields.ts';
import {
  customField,
  FIXTURE_CURRENCIES,
  FIXTURE_FIELDS,
  FIXTURE_USERS,
  FIXTURE_KEYS as K,
} from '../../testing/custom-field-fixtures.ts';
import { customFieldsSchema } from './custom-field-schema.ts';
import type { CustomFieldFormValues, CustomFieldInput, CustomFieldValues } from './custom-field-values.ts';
import { customFieldKeyForRequestKey, toCustomFieldPayload } from './to-custom-field-payload.ts';

const context = { currencies: FIXTURE_CURRENCIES, users: FIXTURE_USERS };

describe('toCustomFieldPayload', () => {
  it('writes every type in the v1 format, at the top level', () => {
    const values: CustomFieldValues = {
      [K.campaignCode]: 'SPRING-26',
      [K.industry]: 'Retail',
      [K.background]: 'Met at the fair.\nWants a demo.',
      [K.switchboard]: '+44 20 7946 0000',
      [K.siteAddress]: '1 Main St, Springfield',
      [K.dealSize]: 1234.5,
      [K.probability]: 75,
      [K.contractValue]: { amount: 1250.5, currency: 'EUR' },
      [K.renewalDate]: '2026-12-31',
      [K.contractPeriod]: { from: '2026-01-01', until: '2026-12-31' },
      [K.bestTimeToCall]: '09:30:00',
      [K.openingHours]: { from: '08:00:00', until: '17:30:00' },
      [K.customerType]: 191,
      [K.interests]: [31, 33],
      [K.accountManager]: 2,
      [K.partnerOrganization]: { id: 3, name: 'Globex Corporation' },
      [K.referrer]: { id: 12, name: 'Ada Lovelace' },
    };
    expect(toCustomFieldPayload(FIXTURE_FIELDS, values)).toEqual({
      [K.campaignCode]: 'SPRING-26',
      [K.industry]: 'Retail',
      [K.background]: 'Met at the fair.\nWants a demo.',
      [K.switchboard]: '+44 20 7946 0000',
      [K.siteAddress]: '1 Main St, Springfield',
      [K.dealSize]: 1234.5,
      [K.probability]: 75,
      [K.contractValue]: 1250.5,
      [`${K.contractValue}_currency`]: 'EUR',
      [K.renewalDate]: '2026-12-31',
      [K.contractPeriod]: '2026-01-01',
      [`${K.contractPeriod}_until`]: '2026-12-31',
      [K.bestTimeToCall]: '09:30:00',
      [K.openingHours]: '08:00:00',
      [`${K.openingHours}_until`]: '17:30:00',
      [K.customerType]: 191,
      [K.interests]: '31,33',
      [K.accountManager]: 2,
      [K.partnerOrganization]: 3,
      [K.referrer]: 12,
    });
  });

  it('leaves out fields that are not set', () => {
    expect(toCustomFieldPayload(FIXTURE_FIELDS, { [K.dealSize]: 0, [K.industry]: undefined })).toEqual({
      [K.dealSize]: 0,
    });
    expect(toCustomFieldPayload(FIXTURE_FIELDS, {})).toEqual({});
  });

  it('writes only the fields it is given', () => {
    expect(toCustomFieldPayload([], { [K.industry]: 'Retail' })).toEqual({});
  });
});

describe('customFieldKeyForRequestKey', () => {
  it('maps a field key and its companions to the field', () => {
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, K.dealSize)).toBe(K.dealSize);
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, `${K.contractValue}_currency`)).toBe(K.contractValue);
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, `${K.contractPeriod}_until`)).toBe(K.contractPeriod);
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, `${K.openingHours}_until`)).toBe(K.openingHours);
  });

  it('knows no companion a field type does not have, nor other keys', () => {
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, `${K.dealSize}_currency`)).toBeUndefined();
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, `${K.contractValue}_until`)).toBeUndefined();
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, 'title')).toBeUndefined();
    expect(customFieldKeyForRequestKey(FIXTURE_FIELDS, '')).toBeUndefined();
  });
});

// Property: whatever valid answers the form holds, the payload is one Pipedrive accepts as written.

const OPTIONS = [
  { id: 1, label: 'One' },
  { id: 2, label: 'Two' },
  { id: 3, label: 'Three' },
];

const fieldKey = fc.stringMatching(/^[0-9a-f]{40}$/);

const fieldsArbitrary = fc
  .uniqueArray(fc.tuple(fieldKey, fc.constantFrom(...EDITABLE_FIELD_TYPES)), {
    minLength: 1,
    maxLength: 12,
    selector: ([key]) => key,
  })
  .map((entries) =>
    entries.map(([key, type], index) => customField(type, { key, name: `Field ${index}`, options: OPTIONS })),
  );

const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((part) => String(part).padStart(2, '0'));
const time = fc.tuple(twoDigits(23), twoDigits(59)).map(([hours, minutes]) => `${hours}:${minutes}`);
const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((day) => day.toISOString().slice(0, 10));
const spacedInteger = (min: number) =>
  fc.integer({ min, max: 1_000_000_000 }).map((whole) => String(whole).replace(/\B(?=(\d{3})+$)/g, ' '));
const decimalText = fc
  .tuple(spacedInteger(-1_000_000_000), fc.integer({ min: 0, max: 9999 }))
  .map(([whole, fraction]) => `${whole}.${fraction}`);
const money = fc.constantFrom(...FIXTURE_CURRENCIES).chain((currency) =>
  fc
    .tuple(spacedInteger(0), fc.integer({ min: 0, max: 10 ** currency.decimal_points - 1 }))
    .map(([whole, fraction]) => ({
      amount:
        currency.decimal_points === 0
          ? whole
          : `${whole}.${String(fraction).padStart(currency.decimal_points, '0')}`,
      currency: currency.code,
    })),
);
const contact = fc.record({ id: fc.integer({ min: 1, max: 2 ** 31 }), name: fc.string() });
const orEmpty = <T>(value: fc.Arbitrary<T>, empty: T) => fc.oneof(fc.constant(empty), value);

const INPUT_BY_TYPE: Record<EditableFieldType, fc.Arbitrary<CustomFieldInput>> = {
  varchar: fc.string({ maxLength: 255 }),
  varchar_auto: fc.string({ maxLength: 255 }),
  phone: fc.string({ maxLength: 255 }),
  address: fc.string({ maxLength: 255 }),
  text: fc.string({ maxLength: 1000 }),
  double: orEmpty(decimalText, ''),
  int: orEmpty(spacedInteger(-1_000_000_000), ''),
  monetary: orEmpty(money, { amount: '', currency: 'EUR' }),
  date: orEmpty(date, ''),
  daterange: orEmpty(
    fc.tuple(date, date).map(([a, b]) => (a <= b ? { from: a, until: b } : { from: b, until: a })),
    { from: '', until: '' },
  ),
  time: orEmpty(time, ''),
  timerange: orEmpty(
    fc.tuple(time, time).map(([from, until]) => ({ from, until })),
    { from: '', until: '' },
  ),
  enum: fc.constantFrom('', '1', '2', '3'),
  set: fc.subarray(['1', '2', '3']),
  user: fc.constantFrom('', '1', '2'),
  org: fc.option(contact, { nil: null }),
  people: fc.option(contact, { nil: null }),
};

const formArbitrary = fieldsArbitrary.chain((fields) =>
  fc
    .tuple(...fields.map((field) => INPUT_BY_TYPE[field.field_type]))
    .map((inputs): [CustomField[], CustomFieldFormValues] => [
      fields,
      Object.fromEntries(fields.map((field, index) => [field.key, inputs[index] as CustomFieldInput])),
    ]),
);

describe('toCustomFieldPayload (properties)', () => {
  it('sends no empty values and only keys that map back to their field', () => {
    fc.assert(
      fc.property(formArbitrary, ([fields, form]) => {
        const parsed = customFieldsSchema(fields, context).safeParse(form);
        expect(parsed.error?.issues ?? []).toEqual([]);
        const payload = toCustomFieldPayload(fields, parsed.data ?? {});
        for (const [key, value] of Object.entries(payload)) {
          expect(value).not.toBeNull();
          expect(value).not.toBeUndefined();
          expect(value).not.toBe('');
          expect(['string', 'number']).toContain(typeof value);
          const fieldKey = customFieldKeyForRequestKey(fields, key);
          expect(fieldKey).toBeDefined();
          expect([fieldKey, `${fieldKey}_currency`, `${fieldKey}_until`]).toContain(key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes numbers for numeric types and both halves of a pair together', () => {
    const numeric = new Set<EditableFieldType>(['double', 'int', 'enum', 'user', 'org', 'people']);
    /** What is wrong with how one written field came out, or undefined when nothing is. */
    const problemOf = (field: CustomField, payload: Record<string, unknown>) => {
      const value = payload[field.key];
      if (numeric.has(field.field_type) && typeof value !== 'number') return `${field.key} not a number`;
      if (field.field_type === 'monetary' && typeof payload[`${field.key}_currency`] !== 'string')
        return `${field.key} without its currency`;
      if (
        (field.field_type === 'daterange' || field.field_type === 'timerange') &&
        !/^\d{2}/.test(String(payload[`${field.key}_until`]))
      )
        return `${field.key} without its end`;
      return undefined;
    };
    let written = 0;
    fc.assert(
      fc.property(formArbitrary, ([fields, form]) => {
        const payload = toCustomFieldPayload(fields, customFieldsSchema(fields, context).parse(form));
        const present = fields.filter((field) => payload[field.key] !== undefined);
        written += present.length;
        expect(present.flatMap((field) => problemOf(field, payload) ?? [])).toEqual([]);
      }),
      { numRuns: 200 },
    );
    // The generated forms fill fields often enough that the rules above were really applied.
    expect(written).toBeGreaterThan(100);
  });
});
