import { describe, expect, it } from 'vitest';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { FieldOption } from '@/pipedrive/deal-fields.ts';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import type { User } from '@/pipedrive/users.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import {
  type AccountChoices,
  applicableDefaults,
  clearStickyDefaults,
  loadStickyDefaults,
  parseStickyDefaults,
  saveStickyDefaults,
  stickyDifferences,
  stickyOf,
} from './sticky-defaults.ts';

const HOT = 'f08b42a0-4e75-41ea-9643-03698ef1cfd6';
const WARM = 'f08b42a1-4e75-41ea-9643-03698ef1cfd6';
const ME = { id: 21000001, company_id: 7001 };
const labels: LeadLabel[] = [
  { id: HOT, name: 'Hot', color: 'red' },
  { id: WARM, name: 'Warm', color: 'yellow' },
];
const currency = (code: string): Currency => ({
  id: code.length,
  code,
  name: code,
  decimal_points: 2,
  symbol: '',
  active_flag: true,
});
const user = (id: number): User => ({ id, name: `User ${id}`, email: '', active_flag: true });
const visibility: FieldOption[] = [
  { id: 1, label: 'Item owner' },
  { id: 3, label: 'All users' },
];
const account = (overrides: Partial<AccountChoices> = {}): AccountChoices => ({
  meId: ME.id,
  labels,
  owners: undefined,
  currencies: undefined,
  visibilityOptions: visibility,
  ...overrides,
});

describe('parseStickyDefaults', () => {
  it('reads what was saved', () => {
    expect(
      parseStickyDefaults(
        JSON.stringify({ ownerId: 21000002, labelIds: [HOT], visibleTo: '3', currency: 'USD' }),
      ),
    ).toEqual({ ownerId: 21000002, labelIds: [HOT], visibleTo: '3', currency: 'USD' });
  });

  it.each([
    ['nothing', null],
    ['not JSON', '{"ownerId":'],
    ['an array', '[1,2]'],
    ['a string', '"USD"'],
    ['too large to be one', JSON.stringify({ currency: 'USD', padding: 'x'.repeat(5_000) })],
  ])('reads %s as no kept choices', (_what, raw) => {
    expect(parseStickyDefaults(raw)).toEqual({});
  });

  it('leaves out each field of the wrong type or shape, and keeps the others', () => {
    expect(
      parseStickyDefaults(
        JSON.stringify({
          ownerId: '21000002',
          labelIds: [HOT, 7],
          visibleTo: 3,
          currency: 'US D',
          extra: 'kept out',
        }),
      ),
    ).toEqual({});
    expect(
      parseStickyDefaults(JSON.stringify({ ownerId: -4, labelIds: [HOT, HOT], currency: 'EUR' })),
    ).toEqual({
      labelIds: [HOT],
      currency: 'EUR',
    });
    expect(parseStickyDefaults(JSON.stringify({ labelIds: Array.from({ length: 51 }, () => HOT) }))).toEqual(
      {},
    );
  });
});

describe('storage', () => {
  it('keeps choices per user and company, and forgets them on reset', () => {
    const storage = memoryStorage();
    saveStickyDefaults(ME, { currency: 'USD' }, storage);
    expect(loadStickyDefaults(ME, storage)).toEqual({ currency: 'USD' });
    expect(loadStickyDefaults({ ...ME, id: 21000002 }, storage)).toEqual({});
    expect(loadStickyDefaults({ ...ME, company_id: 7002 }, storage)).toEqual({});
    clearStickyDefaults(ME, storage);
    expect(loadStickyDefaults(ME, storage)).toEqual({});
  });

  it('holds ids and codes only, nothing of a contact', () => {
    const storage = memoryStorage();
    const held = {
      owner: '21000002',
      labels: [HOT],
      visibleTo: '3',
      value: { amount: '1500', currency: 'USD' },
      person: { id: 1, name: 'Ada Lovelace' },
      title: 'Analytical engine upgrade',
    };
    saveStickyDefaults(ME, stickyOf(held, {}), storage);
    const stored = storage.getItem(storage.key(0) ?? '') ?? '';
    expect(JSON.parse(stored)).toEqual({
      ownerId: 21000002,
      labelIds: [HOT],
      visibleTo: '3',
      currency: 'USD',
    });
    expect(stored).not.toMatch(/Ada|Lovelace|Analytical|1500/);
  });

  it('a blocked storage keeps nothing and breaks nothing', () => {
    const blocked = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(() => saveStickyDefaults(ME, { currency: 'USD' }, blocked)).not.toThrow();
    expect(loadStickyDefaults(ME, blocked)).toEqual({});
  });
});

describe('stickyOf', () => {
  it('an empty currency keeps the last one; the account default visibility keeps none', () => {
    expect(
      stickyOf(
        { owner: String(ME.id), labels: [], visibleTo: '', value: { amount: '', currency: '' } },
        { currency: 'GBP' },
      ),
    ).toEqual({
      ownerId: ME.id,
      labelIds: [],
      currency: 'GBP',
    });
  });
});

describe('applicableDefaults', () => {
  it('keeps what the account still has', () => {
    const stored = { ownerId: 21000002, labelIds: [HOT], visibleTo: '3', currency: 'USD' };
    expect(
      applicableDefaults(
        stored,
        account({
          owners: [user(ME.id), user(21000002)],
          currencies: [currency('USD')],
        }),
      ),
    ).toEqual({ defaults: stored, dropped: false });
  });

  it('drops a deleted label, a deactivated owner, a visibility or currency no longer offered', () => {
    const stored = { ownerId: 21000009, labelIds: [HOT, 'gone-label'], visibleTo: '7', currency: 'XYZ' };
    expect(
      applicableDefaults(
        stored,
        account({
          owners: [user(ME.id)],
          currencies: [currency('EUR')],
        }),
      ),
    ).toEqual({ defaults: { labelIds: [HOT] }, dropped: true });
  });

  it('cannot tell an owner or currency is gone before those lists are read, so keeps them', () => {
    const stored = { ownerId: 21000009, currency: 'XYZ' };
    expect(applicableDefaults(stored, account())).toEqual({ defaults: stored, dropped: false });
  });
});

describe('stickyDifferences', () => {
  it('names what starts other than the account’s own, in the form’s order', () => {
    const mine = { ownerId: ME.id, currency: 'EUR' };
    expect(stickyDifferences({ ownerId: ME.id, labelIds: [], currency: 'EUR' }, mine)).toEqual([]);
    expect(
      stickyDifferences({ ownerId: 21000002, labelIds: [HOT], visibleTo: '3', currency: 'USD' }, mine),
    ).toEqual(['currency', 'owner', 'labels', 'visibility']);
  });
});
