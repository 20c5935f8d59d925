import { describe, expect, it } from 'vitest';
import { FIXTURE_FIELDS, FIXTURE_KEYS } from '@/testing/custom-field-fixtures.ts';
import { TEST_CONTEXT } from '@/testing/lead-form-fixtures.ts';
import type { ColumnKind } from './batch-columns.ts';
import { type BatchAccount, checkRow, problemText } from './batch-row.ts';

const account: BatchAccount = { context: TEST_CONTEXT, meId: 21000001, defaultCurrency: 'EUR' };
const columns: ColumnKind[] = [
  'title',
  'personName',
  'email',
  'phone',
  'organization',
  'value',
  'currency',
  'owner',
  'labels',
  'expectedCloseDate',
  'note',
];

const row = (cells: Partial<Record<ColumnKind, string>>) => columns.map((kind) => cells[kind] ?? '');

describe('checkRow', () => {
  it('turns a good row into the lead the form would send, contacts kept aside', () => {
    const check = checkRow(
      row({
        title: 'Forty chairs',
        personName: 'Ada Lovelace',
        email: 'ada@example.com',
        organization: 'Analytical Engines',
        value: '1 500.50',
        owner: 'james.carter@northwind.example',
        labels: 'hot; Cold',
        expectedCloseDate: '2026-12-31',
        note: 'Met at <the> fair',
      }),
      columns,
      account,
    );
    expect(check).toEqual({
      ok: true,
      lead: {
        title: 'Forty chairs',
        body: {
          title: 'Forty chairs',
          owner_id: 21000002,
          label_ids: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6', 'f08b42a1-4e75-11ea-9643-03698ef1cfd6'],
          value: { amount: 1500.5, currency: 'EUR' },
          expected_close_date: '2026-12-31',
        },
        contacts: {
          person: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '', organization: null },
          organization: { name: 'Analytical Engines', address: '', website: '' },
        },
        noteHtml: 'Met at &lt;the&gt; fair',
      },
    });
  });

  it('suggests the title from the organization when the row has none, as the form does', () => {
    const check = checkRow(row({ personName: 'Ada', organization: 'Globex' }), columns, account);
    expect(check.ok && check.lead.title).toBe('Globex lead');
  });

  it('places each of the form’s messages on the cell it comes from', () => {
    const check = checkRow(
      row({
        personName: 'Ada',
        email: 'not-an-email',
        value: 'lots',
        expectedCloseDate: '2026-02-30',
        owner: 'Nobody Here',
        labels: 'Hot; Lukewarm',
      }),
      columns,
      account,
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      { column: 2, message: 'Enter an email address in the right format, like name@example.com' },
      { column: 5, message: 'Enter the value as a number, like 1500' },
      { column: 7, message: 'No colleague “Nobody Here” can own leads: use a name or email from Pipedrive' },
      { column: 8, message: 'No label named “Lukewarm”' },
      { column: 9, message: 'Expected close date must be a real date, like 2026-12-31' },
    ]);
  });

  it('puts an unknown currency on the currency cell, and the currency’s decimals on the value', () => {
    const unknown = checkRow(row({ personName: 'Ada', value: '10', currency: 'XYZ' }), columns, account);
    expect(!unknown.ok && unknown.problems).toEqual([
      { column: 6, message: 'No currency “XYZ” in your account' },
    ]);
    const yen = checkRow(row({ personName: 'Ada', value: '10.5', currency: 'jpy' }), columns, account);
    expect(!yen.ok && yen.problems).toEqual([{ column: 5, message: 'Value in JPY must be a whole number' }]);
  });

  it('asks for a person or an organization on the row when it names neither', () => {
    const check = checkRow(row({ title: 'Chairs' }), columns, account);
    expect(!check.ok && check.problems).toEqual([
      { message: 'Give a person or an organization for the lead' },
    ]);
  });

  it('needs a name for a person given only by email, on the name cell', () => {
    const check = checkRow(row({ email: 'ada@example.com' }), columns, account);
    expect(!check.ok && check.problems).toEqual([{ column: 1, message: 'Enter the person’s name' }]);
  });

  it('reads custom fields by option label, and names a mandatory one with no column on the row', () => {
    const withFields: BatchAccount = {
      ...account,
      context: { ...TEST_CONTEXT, customFields: FIXTURE_FIELDS },
    };
    const customColumns: ColumnKind[] = [
      'personName',
      `custom:${FIXTURE_KEYS.customerType}`,
      `custom:${FIXTURE_KEYS.interests}`,
    ];
    const good = checkRow(['Ada', 'company', 'Hardware;Support'], customColumns, withFields);
    expect(!good.ok && good.problems).toEqual([
      { message: 'Enter Campaign code: add a column for Campaign code' },
    ]);
    const bad = checkRow(
      ['Ada', 'Alien', ''],
      [...customColumns, `custom:${FIXTURE_KEYS.campaignCode}`],
      withFields,
    );
    expect(!bad.ok && bad.problems).toEqual(
      [
        { message: 'Enter Campaign code', column: 3 },
        { message: 'Select Customer type from the list', column: 1 },
      ].sort((a, b) => a.column - b.column),
    );
    const sent = checkRow(
      ['Ada', 'Company', 'Hardware;Support', 'SPRING'],
      [...customColumns, `custom:${FIXTURE_KEYS.campaignCode}`],
      withFields,
    );
    expect(sent.ok && sent.lead.body).toMatchObject({
      [FIXTURE_KEYS.customerType]: 191,
      [FIXTURE_KEYS.interests]: '31,33',
      [FIXTURE_KEYS.campaignCode]: 'SPRING',
    });
  });

  it('words a problem with its column for a summary or a download', () => {
    expect(problemText({ column: 2, message: 'Enter an email' }, columns, [])).toBe('Email: Enter an email');
    expect(problemText({ message: 'Give a person' }, columns, [])).toBe('Give a person');
  });
});
