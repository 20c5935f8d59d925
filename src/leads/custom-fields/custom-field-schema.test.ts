import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import {
  FIXTURE_CURRENCIES,
  FIXTURE_FIELDS,
  FIXTURE_USERS,
  fixtureField,
  FIXTURE_KEYS as K,
} from '../../testing/custom-field-fixtures.ts';
import { customFieldsSchema } from './custom-field-schema.ts';
import { type CustomFieldInput, emptyCustomFieldValues } from './custom-field-values.ts';

const context = { currencies: FIXTURE_CURRENCIES, users: FIXTURE_USERS };

function mandatory(field: CustomField): CustomField {
  return { ...field, mandatory_flag: true };
}

function optional(field: CustomField): CustomField {
  return { ...field, mandatory_flag: false };
}

/** One field through the schema: its parsed value, or its one message. */
function parse(field: CustomField, input: CustomFieldInput | undefined, ctx = context) {
  const result = customFieldsSchema([field], ctx).safeParse({ [field.key]: input });
  if (result.success) return { value: result.data[field.key] };
  expect(result.error.issues).toHaveLength(1);
  expect(result.error.issues[0]?.path).toEqual([field.key]);
  return { message: result.error.issues[0]?.message };
}

const accepts = (field: CustomField, input: CustomFieldInput | undefined, ctx = context) =>
  parse(field, input, ctx).value;
const messageFor = (field: CustomField, input: CustomFieldInput | undefined, ctx = context) =>
  parse(field, input, ctx).message;

describe('text fields', () => {
  const campaign = fixtureField(K.campaignCode);
  const industry = fixtureField(K.industry);
  const switchboard = fixtureField(K.switchboard);
  const background = fixtureField(K.background);
  const site = fixtureField(K.siteAddress);

  it('trims, and reads blank as not set', () => {
    expect(accepts(industry, '  Retail  ')).toBe('Retail');
    expect(accepts(industry, '   ')).toBeUndefined();
    expect(accepts(industry, undefined)).toBeUndefined();
    expect(accepts(site, '1 Main St, Springfield')).toBe('1 Main St, Springfield');
    expect(accepts(switchboard, '+44 20 7946 0000')).toBe('+44 20 7946 0000');
  });

  it('asks for a mandatory value by the field name', () => {
    expect(messageFor(campaign, '')).toBe('Enter Campaign code');
    expect(messageFor(campaign, '  ')).toBe('Enter Campaign code');
    expect(messageFor(mandatory(site), '')).toBe('Enter Site address');
    expect(messageFor(mandatory(background), '')).toBe('Enter Background');
  });

  it('limits single-line fields to 255 characters and long text to 65,000', () => {
    expect(accepts(industry, 'x'.repeat(255))).toHaveLength(255);
    expect(messageFor(industry, 'x'.repeat(256))).toBe('Industry must be 255 characters or fewer');
    expect(messageFor(campaign, 'x'.repeat(256))).toBe('Campaign code must be 255 characters or fewer');
    expect(messageFor(switchboard, '1'.repeat(256))).toBe('Switchboard must be 255 characters or fewer');
    // An address is single-line too: a longer one would come back from POST /v1/leads as a 400.
    expect(accepts(site, ` ${'a'.repeat(255)} `)).toHaveLength(255);
    expect(messageFor(site, 'a'.repeat(256))).toBe('Site address must be 255 characters or fewer');
    expect(accepts(background, 'y'.repeat(65_000))).toHaveLength(65_000);
    expect(messageFor(background, 'y'.repeat(65_001))).toBe('Background must be 65,000 characters or fewer');
  });
});

describe('numbers', () => {
  const dealSize = fixtureField(K.dealSize);
  const probability = fixtureField(K.probability);

  it('reads spaces and thin spaces as thousands separators and a typographic minus', () => {
    expect(accepts(dealSize, '1 234 567.25')).toBe(1234567.25);
    expect(accepts(dealSize, '1\u2009234\u202f567')).toBe(1234567);
    expect(accepts(dealSize, '\u22123.5')).toBe(-3.5);
    expect(accepts(dealSize, '.5')).toBe(0.5);
    expect(accepts(probability, ' 75 ')).toBe(75);
    expect(accepts(probability, '-2')).toBe(-2);
    expect(accepts(probability, '')).toBeUndefined();
  });

  it('says what a number must be', () => {
    expect(messageFor(dealSize, 'lots')).toBe('Deal size must be a number');
    expect(messageFor(dealSize, '1,5')).toBe('Deal size must be a number');
    expect(messageFor(dealSize, '1e5')).toBe('Deal size must be a number');
    expect(messageFor(dealSize, '12-3')).toBe('Deal size must be a number');
    expect(messageFor(probability, '4.5')).toBe('Probability must be a whole number');
    expect(messageFor(probability, 'high')).toBe('Probability must be a number');
    expect(messageFor(probability, '9007199254740992')).toBe('Probability must have at most 15 digits');
    expect(
      messageFor(fixtureField(K.contractValue), { amount: '12345678901234567890', currency: 'EUR' }),
    ).toBe('Contract value must have at most 15 digits');
    expect(messageFor(mandatory(dealSize), '')).toBe('Enter Deal size');
  });
});

describe('monetary', () => {
  const value = fixtureField(K.contractValue);

  it('parses the amount in the chosen currency', () => {
    expect(accepts(value, { amount: '1 250.50', currency: 'EUR' })).toEqual({
      amount: 1250.5,
      currency: 'EUR',
    });
    expect(accepts(value, { amount: '0', currency: 'USD' })).toEqual({ amount: 0, currency: 'USD' });
  });

  it('allows as many decimals as the currency has (JPY 0, EUR 2, BHD 3)', () => {
    expect(accepts(value, { amount: '1500', currency: 'JPY' })).toEqual({ amount: 1500, currency: 'JPY' });
    expect(accepts(value, { amount: '1500.00', currency: 'JPY' })).toEqual({ amount: 1500, currency: 'JPY' });
    expect(messageFor(value, { amount: '1500.5', currency: 'JPY' })).toBe(
      'Contract value must be a whole number in JPY',
    );
    expect(accepts(value, { amount: '9.99', currency: 'EUR' })).toEqual({ amount: 9.99, currency: 'EUR' });
    expect(messageFor(value, { amount: '9.999', currency: 'EUR' })).toBe(
      'Contract value can have at most 2 decimal places',
    );
    expect(accepts(value, { amount: '1.234', currency: 'BHD' })).toEqual({ amount: 1.234, currency: 'BHD' });
    expect(messageFor(value, { amount: '1.2345', currency: 'BHD' })).toBe(
      'Contract value can have at most 3 decimal places',
    );
  });

  it('needs both an amount and a currency, or neither', () => {
    expect(messageFor(value, { amount: '100', currency: '' })).toBe('Select a currency for Contract value');
    expect(messageFor(value, { amount: '100', currency: 'XYZ' })).toBe(
      'Select a currency for Contract value',
    );
    // The currency select always holds the default, so an empty amount alone means "not set".
    expect(accepts(value, { amount: '', currency: 'EUR' })).toBeUndefined();
    expect(accepts(value, { amount: ' ', currency: '' })).toBeUndefined();
    expect(messageFor(mandatory(value), { amount: '', currency: 'EUR' })).toBe(
      'Enter an amount for Contract value',
    );
  });

  it('rejects amounts that are not a number or below zero', () => {
    expect(messageFor(value, { amount: 'ten', currency: 'EUR' })).toBe('Contract value must be a number');
    expect(messageFor(value, { amount: '-5', currency: 'EUR' })).toBe('Contract value must be 0 or more');
  });

  it('leaves the currency to Pipedrive while the currency list is not loaded', () => {
    const noCurrencies = { currencies: [], users: FIXTURE_USERS };
    expect(accepts(value, { amount: '1.2345', currency: 'EUR' }, noCurrencies)).toEqual({
      amount: 1.2345,
      currency: 'EUR',
    });
  });
});

describe('dates and times', () => {
  const renewal = fixtureField(K.renewalDate);
  const period = fixtureField(K.contractPeriod);
  const callTime = fixtureField(K.bestTimeToCall);
  const hours = fixtureField(K.openingHours);

  it('accepts real dates and pads short months and days', () => {
    expect(accepts(renewal, '2026-12-31')).toBe('2026-12-31');
    expect(accepts(renewal, '2028-02-29')).toBe('2028-02-29');
    expect(accepts(renewal, '2026-2-3')).toBe('2026-02-03');
    expect(accepts(renewal, '')).toBeUndefined();
  });

  it('rejects days that do not exist and other formats', () => {
    expect(messageFor(renewal, '2026-02-29')).toBe('Enter a real date for Renewal date');
    expect(messageFor(renewal, '2026-13-01')).toBe('Enter a real date for Renewal date');
    expect(messageFor(renewal, '31/12/2026')).toBe('Enter a real date for Renewal date');
    expect(messageFor(mandatory(renewal), '')).toBe('Enter Renewal date');
  });

  it('needs both ends of a date range, in order', () => {
    expect(accepts(period, { from: '2026-01-01', until: '2026-12-31' })).toEqual({
      from: '2026-01-01',
      until: '2026-12-31',
    });
    expect(accepts(period, { from: '2026-05-05', until: '2026-05-05' })).toEqual({
      from: '2026-05-05',
      until: '2026-05-05',
    });
    expect(messageFor(period, { from: '2026-12-31', until: '2026-01-01' })).toBe(
      'Contract period end must be the same as or after the start',
    );
    expect(messageFor(period, { from: '2026-01-01', until: '' })).toBe(
      'Enter an end date for Contract period',
    );
    expect(messageFor(period, { from: '', until: '2026-01-01' })).toBe(
      'Enter a start date for Contract period',
    );
    expect(messageFor(period, { from: '2026-02-30', until: '2026-03-01' })).toBe(
      'Enter a real start date for Contract period',
    );
    expect(messageFor(period, { from: '2026-02-01', until: '2026-02-30' })).toBe(
      'Enter a real end date for Contract period',
    );
    expect(accepts(period, { from: '', until: '' })).toBeUndefined();
    expect(messageFor(mandatory(period), { from: '', until: '' })).toBe(
      'Enter a start and end date for Contract period',
    );
  });

  it('reads HH:MM from a time input as HH:MM:SS', () => {
    expect(accepts(callTime, '09:30')).toBe('09:30:00');
    expect(accepts(callTime, '9:30')).toBe('09:30:00');
    expect(accepts(callTime, '17:45:15')).toBe('17:45:15');
    expect(messageFor(callTime, '24:00')).toBe('Enter a real time for Best time to call');
    expect(messageFor(callTime, 'noon')).toBe('Enter a real time for Best time to call');
    expect(messageFor(mandatory(callTime), '')).toBe('Enter Best time to call');
  });

  it('needs both ends of a time range, which may run past midnight', () => {
    expect(accepts(hours, { from: '22:00', until: '06:00' })).toEqual({
      from: '22:00:00',
      until: '06:00:00',
    });
    expect(messageFor(hours, { from: '08:00', until: '' })).toBe('Enter an end time for Opening hours');
    expect(messageFor(hours, { from: '', until: '17:00' })).toBe('Enter a start time for Opening hours');
    expect(messageFor(hours, { from: '08:00', until: '25:00' })).toBe(
      'Enter a real end time for Opening hours',
    );
    expect(accepts(hours, { from: '', until: '' })).toBeUndefined();
    expect(messageFor(mandatory(hours), { from: '', until: '' })).toBe(
      'Enter a start and end time for Opening hours',
    );
  });
});

describe('choices', () => {
  const customerType = fixtureField(K.customerType);
  const interests = fixtureField(K.interests);
  const manager = fixtureField(K.accountManager);

  it('reads an enum as its option id', () => {
    expect(accepts(customerType, '191')).toBe(191);
    expect(accepts(optional(customerType), '')).toBeUndefined();
    expect(messageFor(customerType, '')).toBe('Select Customer type');
    expect(messageFor(customerType, '999')).toBe('Select Customer type from the list');
  });

  it('reads a set as option ids, in any order, without repeats', () => {
    expect(accepts(interests, ['31', '33'])).toEqual([31, 33]);
    expect(accepts(interests, ['33', '33'])).toEqual([33]);
    expect(accepts(interests, [])).toBeUndefined();
    expect(messageFor(mandatory(interests), [])).toBe('Select at least one option for Interests');
    expect(messageFor(interests, ['31', '99'])).toBe('Select Interests from the list');
  });

  it('accepts only users who can be assigned', () => {
    expect(accepts(manager, '2')).toBe(2);
    expect(accepts(manager, '')).toBeUndefined();
    expect(messageFor(manager, '3')).toBe('Select Account manager from the list');
    expect(messageFor(manager, '4')).toBe('Select Account manager from the list');
    expect(messageFor(mandatory(manager), '')).toBe('Select Account manager');
  });

  it('keeps a picked person or organization whole', () => {
    const referrer = fixtureField(K.referrer);
    const partner = fixtureField(K.partnerOrganization);
    expect(accepts(referrer, { id: 12, name: 'Ada Lovelace' })).toEqual({ id: 12, name: 'Ada Lovelace' });
    expect(accepts(partner, { id: 3, name: 'Globex' })).toEqual({ id: 3, name: 'Globex' });
    expect(accepts(referrer, null)).toBeUndefined();
    expect(messageFor(mandatory(referrer), null)).toBe('Select Referrer');
    expect(messageFor(mandatory(partner), null)).toBe('Select Partner organization');
  });
});

describe('customFieldsSchema', () => {
  it('puts each message at its field key inside the lead form', () => {
    const schema = z.object({ custom: customFieldsSchema(FIXTURE_FIELDS, context) });
    const custom = emptyCustomFieldValues(FIXTURE_FIELDS, { defaultCurrency: 'EUR' });
    custom[K.contractValue] = { amount: '1.999', currency: 'EUR' };
    const result = schema.safeParse({ custom });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['custom', K.campaignCode], 'Enter Campaign code'],
      [['custom', K.contractValue], 'Contract value can have at most 2 decimal places'],
      [['custom', K.customerType], 'Select Customer type'],
    ]);
  });

  it('turns an untouched form with its mandatory fields filled into only those values', () => {
    const custom = emptyCustomFieldValues(FIXTURE_FIELDS, { defaultCurrency: 'EUR' });
    custom[K.campaignCode] = 'SPRING-26';
    custom[K.customerType] = '190';
    const parsed = customFieldsSchema(FIXTURE_FIELDS, context).parse(custom);
    expect(Object.entries(parsed).filter(([, value]) => value !== undefined)).toEqual([
      [K.campaignCode, 'SPRING-26'],
      [K.customerType, 190],
    ]);
  });
});
