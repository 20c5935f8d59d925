import { describe, expect, it } from 'vitest';
import type { PersonSearchItem } from '@/pipedrive/search-persons.ts';
import {
  lookupTerms,
  organizationCandidates,
  personCandidates,
  sameName,
  samePhone,
  whyItMatched,
} from './duplicate-matches.ts';

const ada: PersonSearchItem = {
  id: 1,
  name: 'Ada Lovelace',
  emails: ['ada@example.com', 'ada.lovelace@analytical-engines.example'],
  phones: ['+44 20 7946 0958'],
  organization: { id: 1, name: 'Analytical Engines Ltd' },
};
const otherAda: PersonSearchItem = { id: 7, name: 'ada  lovelace', emails: [], phones: [] };
const stranger: PersonSearchItem = {
  id: 9,
  name: 'Charles Babbage',
  emails: ['charles@example.com'],
  phones: ['+44 20 7946 0000'],
};

describe('why a contact matched', () => {
  it('names the reasons strongest first, in a sentence', () => {
    expect(whyItMatched(['email'])).toBe('same email');
    expect(whyItMatched(['name', 'email'])).toBe('same email and same name');
    expect(whyItMatched(['name', 'phone', 'email'])).toBe('same email, same phone and same name');
  });
});

describe('names, emails and phones compare as an exact match would', () => {
  it('names: any case, accents and extra spaces aside; an empty name matches nothing', () => {
    expect(sameName('Ada  Lovelace ', 'ada lovelace')).toBe(true);
    expect(sameName('José Núñez', 'jose nunez')).toBe(true);
    expect(sameName('Ada', 'Ada Lovelace')).toBe(false);
    expect(sameName('  ', '')).toBe(false);
  });

  it('phones: the same digits in any layout, "00" read as "+"; not a national form, nor a part', () => {
    expect(samePhone('+44 20 7946 0958', '+44 (20) 7946-0958')).toBe(true);
    expect(samePhone('0044 20 7946 0958', '+44 20 7946 0958')).toBe(true);
    // "+44 20 7946 0958" typed, "020 7946 0958" stored: the country it is in is not known.
    expect(samePhone('+44 20 7946 0958', '020 7946 0958')).toBe(false);
    expect(samePhone('7946 0958', '+44 20 7946 0958')).toBe(false);
    expect(samePhone('ext 12', 'ext 12')).toBe(false);
  });
});

describe('personCandidates', () => {
  it('keeps only people who share the typed email, phone or name, strongest first, each with why', () => {
    const typed = { name: 'Ada Lovelace', email: 'ADA@example.com', phone: '+44 (20) 7946-0958' };
    expect(personCandidates(typed, [otherAda, stranger, ada, ada])).toEqual([
      {
        id: 1,
        name: 'Ada Lovelace',
        detail: 'ada@example.com',
        organization: { id: 1, name: 'Analytical Engines Ltd' },
        reasons: ['email', 'phone', 'name'],
      },
      { id: 7, name: 'ada  lovelace', reasons: ['name'] },
    ]);
  });

  it('shows the email that matched, or else the first one, to tell namesakes apart', () => {
    const byName = personCandidates({ name: 'Ada Lovelace', email: '', phone: '' }, [ada]);
    expect(byName.map((candidate) => [candidate.detail, candidate.reasons])).toEqual([
      ['ada@example.com', ['name']],
    ]);
    const byPhone = personCandidates({ name: 'A. Lovelace', email: '', phone: '+44 20 7946 0958' }, [
      { ...ada, emails: [] },
    ]);
    expect(byPhone.map((candidate) => [candidate.detail, candidate.reasons])).toEqual([
      ['+44 20 7946 0958', ['phone']],
    ]);
  });

  it('an answer looser than an exact match offers no stranger', () => {
    expect(
      personCandidates({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '' }, [stranger]),
    ).toEqual([]);
  });
});

describe('organizationCandidates', () => {
  it('matches on the name only, with the address as detail', () => {
    expect(
      organizationCandidates({ name: 'globex corporation' }, [
        { id: 2, name: 'Globex Corporation', address: '1 Cypress Creek Parkway' },
        { id: 3, name: 'Globex Corporation Europe', address: null },
      ]),
    ).toEqual([{ id: 2, name: 'Globex Corporation', detail: '1 Cypress Creek Parkway', reasons: ['name'] }]);
  });
});

describe('lookupTerms', () => {
  it('one search per filled value, trimmed; nothing for empty fields', () => {
    expect(
      lookupTerms([
        { field: 'email', value: ' ada@example.com ' },
        { field: 'phone', value: '' },
        { field: 'name', value: 'Ada   Lovelace' },
      ]),
    ).toEqual([
      { fields: ['email'], term: 'ada@example.com' },
      { fields: ['name'], term: 'Ada Lovelace' },
    ]);
  });

  it('the same text in two fields is one search in both, whatever its case', () => {
    expect(
      lookupTerms([
        { field: 'email', value: 'ada@example.com' },
        { field: 'name', value: 'ADA@example.com' },
      ]),
    ).toEqual([{ fields: ['email', 'name'], term: 'ada@example.com' }]);
  });

  it('a phone with too few digits to match on is not searched', () => {
    expect(lookupTerms([{ field: 'phone', value: 'ext. 12' }])).toEqual([]);
    expect(lookupTerms([{ field: 'phone', value: '+44 20 7946 0958' }])).toEqual([
      { fields: ['phone'], term: '+44 20 7946 0958' },
    ]);
  });
});
