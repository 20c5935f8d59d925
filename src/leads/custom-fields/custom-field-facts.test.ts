import { describe, expect, it } from 'vitest';
import {
  customField,
  FIXTURE_CURRENCIES,
  FIXTURE_FIELDS,
  FIXTURE_USERS,
  FIXTURE_KEYS as K,
} from '../../testing/custom-field-fixtures.ts';
import { customFieldFacts } from './custom-field-facts.ts';

const context = {
  users: FIXTURE_USERS,
  currencies: FIXTURE_CURRENCIES,
  locale: 'en-GB',
  contacts: { people: { 12: 'Ada Lovelace' }, org: { 3: 'Globex Corporation' } },
};

/** The value the card shows for one field of a lead. */
function factFor(key: string, lead: Record<string, unknown>, overrides: Partial<typeof context> = {}) {
  return customFieldFacts(FIXTURE_FIELDS, lead, { ...context, ...overrides }).find((fact) => fact.key === key)
    ?.value;
}

describe('customFieldFacts', () => {
  it('lists only the fields the lead carries, in field order, labelled by name', () => {
    const lead = {
      id: 'adf21080-0e10-11eb-879b-05d71fb426ec',
      title: 'Globex renewal',
      [K.probability]: 75,
      [K.industry]: 'Retail',
      [K.dealSize]: null,
    };
    expect(customFieldFacts(FIXTURE_FIELDS, lead, context)).toEqual([
      { key: K.industry, label: 'Industry', value: 'Retail' },
      { key: K.probability, label: 'Probability', value: '75' },
    ]);
  });

  it('shows text as it is', () => {
    expect(factFor(K.background, { [K.background]: 'Met at the fair.' })).toBe('Met at the fair.');
    expect(factFor(K.switchboard, { [K.switchboard]: '+44 20 7946 0000' })).toBe('+44 20 7946 0000');
    expect(factFor(K.siteAddress, { [K.siteAddress]: '1 Main St' })).toBe('1 Main St');
  });

  it('formats numbers for the locale', () => {
    expect(factFor(K.dealSize, { [K.dealSize]: 1234567.25 })).toBe('1,234,567.25');
    expect(factFor(K.dealSize, { [K.dealSize]: 1234567.25 }, { locale: 'de-DE' })).toBe('1.234.567,25');
    expect(factFor(K.probability, { [K.probability]: 75 }, { locale: 'en-US' })).toBe('75');
  });

  it('formats money with its currency and that currency’s decimals', () => {
    const money = (amount: number, currency: string) => ({
      [K.contractValue]: amount,
      [`${K.contractValue}_currency`]: currency,
    });
    expect(factFor(K.contractValue, money(1250.5, 'EUR'))).toBe('€1,250.50');
    expect(factFor(K.contractValue, money(1500, 'JPY'))).toBe('JP¥1,500');
    expect(factFor(K.contractValue, money(1.5, 'BHD'))).toBe('BHD\u00a01.500');
    expect(factFor(K.contractValue, money(12.5, 'DOGE'))).toBe('12.5\u00a0DOGE');
    expect(factFor(K.contractValue, { [K.contractValue]: 12.5 })).toBe('12.5');
  });

  it('formats dates as calendar days, whatever the time zone', () => {
    expect(factFor(K.renewalDate, { [K.renewalDate]: '2026-01-01' })).toBe('1 Jan 2026');
    expect(factFor(K.renewalDate, { [K.renewalDate]: '2026-12-31' }, { locale: 'en-US' })).toBe(
      'Dec 31, 2026',
    );
    expect(
      factFor(K.contractPeriod, {
        [K.contractPeriod]: '2026-01-01',
        [`${K.contractPeriod}_until`]: '2026-12-31',
      }),
    ).toBe('1 Jan 2026 – 31 Dec 2026');
  });

  it('shows times as HH:MM', () => {
    expect(factFor(K.bestTimeToCall, { [K.bestTimeToCall]: '09:30:00' })).toBe('09:30');
    expect(
      factFor(K.openingHours, { [K.openingHours]: '08:00:00', [`${K.openingHours}_until`]: '17:30:00' }),
    ).toBe('08:00 – 17:30');
  });

  it('resolves option labels', () => {
    expect(factFor(K.customerType, { [K.customerType]: 191 })).toBe('Company');
    expect(factFor(K.customerType, { [K.customerType]: '190' })).toBe('Private person');
    expect(factFor(K.customerType, { [K.customerType]: 999 })).toBe('999');
    expect(factFor(K.interests, { [K.interests]: '31,33' })).toBe('Hardware, Support');
    expect(factFor(K.interests, { [K.interests]: [32] })).toBe('Software');
  });

  it('resolves user and contact names, falling back to the id', () => {
    expect(factFor(K.accountManager, { [K.accountManager]: 2 })).toBe('Ken Adams');
    expect(factFor(K.accountManager, { [K.accountManager]: 77 })).toBe('#77');
    expect(factFor(K.referrer, { [K.referrer]: 12 })).toBe('Ada Lovelace');
    expect(factFor(K.referrer, { [K.referrer]: 13 })).toBe('#13');
    expect(factFor(K.partnerOrganization, { [K.partnerOrganization]: 3 })).toBe('Globex Corporation');
    expect(factFor(K.partnerOrganization, { [K.partnerOrganization]: { value: 4, name: 'Initech' } })).toBe(
      'Initech',
    );
  });

  it('shows values that come back as objects as text, never [object Object]', () => {
    const address = {
      value: '1 Main St',
      formatted_address: '1 Main St, Springfield, USA',
      locality: 'Springfield',
    };
    expect(factFor(K.siteAddress, { [K.siteAddress]: address })).toBe('1 Main St, Springfield, USA');
    expect(factFor(K.siteAddress, { [K.siteAddress]: { value: '2 Side Rd' } })).toBe('2 Side Rd');
    expect(
      factFor(K.accountManager, { [K.accountManager]: { id: 99, name: 'Grace Hopper', email: 'g@x' } }),
    ).toBe('Grace Hopper');
    expect(factFor(K.referrer, { [K.referrer]: { value: 77, name: 'Alan Turing' } })).toBe('Alan Turing');
    expect(factFor(K.partnerOrganization, { [K.partnerOrganization]: { value: 3, name: 'Old name' } })).toBe(
      'Globex Corporation',
    );
    // An object with nothing readable in it is left off rather than shown as "[object Object]".
    expect(factFor(K.background, { [K.background]: { unknown: true } })).toBeUndefined();
  });

  it('reads dates in a time zone west of UTC as the same day', () => {
    const field = customField('date', { key: 'f'.repeat(40), name: 'Start' });
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const facts = customFieldFacts([field], { [field.key]: '2026-03-01' }, context);
      expect(facts[0]?.value).toBe('1 Mar 2026');
    } finally {
      process.env.TZ = previous;
    }
  });
});
