import { describe, expect, it } from 'vitest';
import { formInput, TEST_CONTEXT } from '@/testing/lead-form-fixtures.ts';
import { buildLeadFormSchema, type LeadFormInput, PERSON_OR_ORGANIZATION } from './lead-form-schema.ts';

const schema = buildLeadFormSchema(TEST_CONTEXT);
const person = { id: 7, name: 'Ada Lovelace' };
const organization = { id: 3, name: 'Globex Corporation' };

function issuesOf(input: LeadFormInput): string[][] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('lead form schema: title and contacts', () => {
  it('accepts a title with a person, an organization, or both', () => {
    expect(issuesOf(formInput({ person, organization: null }))).toEqual([]);
    expect(issuesOf(formInput({ person: null, organization }))).toEqual([]);
    expect(issuesOf(formInput({ person, organization }))).toEqual([]);
  });

  it('requires a title and trims it', () => {
    expect(issuesOf(formInput({ title: '   ' }))).toEqual([['title', 'Enter a title for the lead']]);
    expect(schema.parse(formInput({ title: '  Deal  ' })).title).toBe('Deal');
  });

  it('puts the person-or-organization message on both pickers', () => {
    expect(issuesOf(formInput({ person: null, organization: null }))).toEqual([
      ['person', PERSON_OR_ORGANIZATION],
      ['organization', PERSON_OR_ORGANIZATION],
    ]);
  });

  it('asks for a contact again when a restored draft holds a broken one, in words, at the picker', () => {
    const broken = [
      { id: 0, name: 'Ada' },
      { id: -1, name: 'Ada' },
      { id: 1.5, name: 'Ada' },
      { id: '7', name: 'Ada' },
    ];
    for (const contact of broken) {
      const input = { ...formInput({ organization }), person: contact } as LeadFormInput;
      expect(issuesOf(input)).toEqual([['person', 'Select a person from the list']]);
    }
    const input = { ...formInput({ person }), organization: { id: Number.NaN } } as unknown as LeadFormInput;
    expect(issuesOf(input)).toEqual([['organization', 'Select an organization from the list']]);
  });

  it('keeps only the id and name of a picked contact', () => {
    const picked = { ...person, description: 'ada@example.com', organization };
    expect(schema.parse(formInput({ person: picked })).person).toEqual(person);
  });

  it('reports every problem of an empty form at once', () => {
    const paths = issuesOf(formInput({ title: '', person: null })).map(([path]) => path);
    expect(paths).toEqual(['title', 'person', 'organization']);
  });
});

describe('lead form schema: value', () => {
  it('treats an empty amount as no value, whatever the currency', () => {
    expect(schema.parse(formInput({ value: { amount: ' ', currency: 'EUR' } })).value).toBeUndefined();
  });

  it('reads friendly amounts', () => {
    expect(schema.parse(formInput({ value: { amount: ' 1 500.50 ', currency: 'EUR' } })).value).toEqual({
      amount: 1500.5,
      currency: 'EUR',
    });
    expect(schema.parse(formInput({ value: { amount: '12\u202f000', currency: 'JPY' } })).value).toEqual({
      amount: 12000,
      currency: 'JPY',
    });
  });

  it.each([
    ['abc', 'EUR', 'Enter the value as a number, like 1500'],
    // "1,500" is 1.5 in half the world: refused rather than guessed.
    ['1,500', 'EUR', 'Enter the value as a number, like 1500'],
    ['-1', 'EUR', 'Value must be 0 or more'],
    // A double keeps 15 significant digits: a longer amount would be stored rounded.
    ['12345678901234567890', 'EUR', 'Enter a value of at most 15 digits'],
    ['10.5', 'JPY', 'Value in JPY must be a whole number'],
    ['10.123', 'EUR', 'Value in EUR can have at most 2 decimal places'],
    ['10', 'XXX', 'Select the currency of the value'],
  ])('rejects %j %s', (amount, currency, message) => {
    expect(issuesOf(formInput({ value: { amount, currency } }))).toEqual([['value', message]]);
  });

  it('allows the currency’s own decimal places', () => {
    expect(issuesOf(formInput({ value: { amount: '10.125', currency: 'BHD' } }))).toEqual([]);
  });
});

describe('lead form schema: the other fields', () => {
  it('accepts real dates only', () => {
    expect(schema.parse(formInput({ expectedCloseDate: '2026-12-31' })).expectedCloseDate).toBe('2026-12-31');
    expect(issuesOf(formInput({ expectedCloseDate: '2026-02-30' }))[0]?.[0]).toBe('expectedCloseDate');
    expect(issuesOf(formInput({ expectedCloseDate: '31/12/2026' }))[0]?.[0]).toBe('expectedCloseDate');
  });

  it('takes only owners, labels, visibility and channels the account offers', () => {
    expect(issuesOf(formInput({ owner: '999' }))).toEqual([['owner', 'Select an owner']]);
    expect(issuesOf(formInput({ labels: ['nope'] }))[0]?.[0]).toBe('labels');
    expect(issuesOf(formInput({ visibleTo: '9' }))[0]?.[0]).toBe('visibleTo');
    expect(issuesOf(formInput({ channel: '1' }))[0]?.[0]).toBe('channel');
  });

  it('turns choices into the types Pipedrive takes', () => {
    const parsed = schema.parse(
      formInput({
        owner: '21000002',
        visibleTo: '7',
        channel: '64',
        channelId: ' Spring fair ',
        originId: '',
      }),
    );
    expect(parsed).toMatchObject({ owner: 21000002, visibleTo: '7', channel: 64, channelId: 'Spring fair' });
    expect(parsed.originId).toBeUndefined();
  });
});

describe('lead form schema: custom fields', () => {
  const customerType = {
    id: 9,
    key: 'e1b9a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8',
    name: 'Customer type',
    field_type: 'enum' as const,
    edit_flag: true,
    mandatory_flag: true,
    options: [{ id: 190, label: 'Company' }],
  };
  const withCustom = buildLeadFormSchema({ ...TEST_CONTEXT, customFields: [customerType] });

  it('still reports the person-or-organization rule when a custom field fails', () => {
    const result = withCustom.safeParse(formInput({ person: null, custom: { [customerType.key]: '' } }));
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual([`custom.${customerType.key}`, 'person', 'organization']);
  });

  it('parses custom values next to the built-in ones', () => {
    const parsed = withCustom.parse(formInput({ custom: { [customerType.key]: '190' } }));
    expect(parsed.custom[customerType.key]).toBe(190);
  });
});

describe('lead form schema: awkward titles', () => {
  it.each([
    ['markup', '<img src=x onerror=alert(1)> deal'],
    ['emoji', 'Café ☕ deal 🚀'],
    ['right-to-left text', 'صفقة جديدة'],
    ['mixed scripts', 'Ünïcödé 東京 deal'],
  ])('keeps %s exactly as typed', (_kind, title) => {
    expect(schema.parse(formInput({ title })).title).toBe(title);
  });

  it('refuses a title of only spaces or one too long, with a message that says what to do', () => {
    expect(issuesOf(formInput({ title: ' \t ' }))).toEqual([['title', 'Enter a title for the lead']]);
    expect(issuesOf(formInput({ title: 'x'.repeat(10_000) }))).toEqual([
      ['title', 'Title must be 255 characters or fewer'],
    ]);
  });
});
