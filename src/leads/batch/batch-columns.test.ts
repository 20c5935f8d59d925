import { describe, expect, it } from 'vitest';
import { FIXTURE_FIELDS, FIXTURE_KEYS } from '@/testing/custom-field-fixtures.ts';
import { columnFields, columnOfHeader, guessColumns, looksLikeHeader, pickColumn } from './batch-columns.ts';

describe('batch columns', () => {
  it('reads common header names, without case, accents or punctuation', () => {
    expect(columnOfHeader('E-mail', [])).toBe('email');
    expect(columnOfHeader('Company Name', [])).toBe('organization');
    expect(columnOfHeader('  Full name ', [])).toBe('personName');
    expect(columnOfHeader('Expected close date', [])).toBe('expectedCloseDate');
    expect(columnOfHeader('Téléphone', [])).toBe('phone');
    expect(columnOfHeader('Shoe size', [])).toBeUndefined();
    expect(columnOfHeader('', [])).toBeUndefined();
  });

  it('reads a custom field by its name, only of a type a cell can fill', () => {
    expect(columnOfHeader('customer TYPE', FIXTURE_FIELDS)).toBe(`custom:${FIXTURE_KEYS.customerType}`);
    // Money needs an amount and a currency; a contact needs a pick: the single form's.
    expect(columnOfHeader('Contract value', FIXTURE_FIELDS)).toBeUndefined();
    expect(columnOfHeader('Referrer', FIXTURE_FIELDS)).toBeUndefined();
    expect(columnFields(FIXTURE_FIELDS).map((field) => field.field_type)).not.toContain('monetary');
  });

  it('takes a first row of column names as a header, and one with an email address as data', () => {
    expect(looksLikeHeader(['Title', 'Name', 'Email'], [])).toBe(true);
    expect(looksLikeHeader(['Chairs', 'Ada Lovelace', 'ada@example.com'], [])).toBe(false);
    expect(looksLikeHeader(['Chairs', 'Ada Lovelace'], [])).toBe(false);
  });

  it('guesses from the header, each kind once: the first column naming it wins', () => {
    const rows = [
      ['Name', 'Email', 'Phone', 'Mail', 'Shoe size'],
      ['Ada', 'ada@example.com', '+44 20 7946 0958', 'a@b.example', '42'],
    ];
    expect(guessColumns(rows, true, [])).toEqual(['personName', 'email', 'phone', 'ignore', 'ignore']);
  });

  it('without a header guesses only a column of email addresses; the rep picks the rest', () => {
    const rows = [
      ['Chairs', 'ada@example.com', ''],
      ['Desks', 'grace@example.com', 'x'],
    ];
    expect(guessColumns(rows, false, [])).toEqual(['ignore', 'email', 'ignore']);
  });

  it('picking a kind for one column takes it from the column that had it', () => {
    expect(pickColumn(['title', 'email', 'ignore'], 2, 'title')).toEqual(['ignore', 'email', 'title']);
    expect(pickColumn(['title', 'email'], 0, 'ignore')).toEqual(['ignore', 'email']);
  });
});
