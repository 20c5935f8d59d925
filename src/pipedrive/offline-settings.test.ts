import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { currencyQueries } from './currencies.ts';
import { currentUserQueries } from './current-user.ts';
import { dealFieldQueries } from './deal-fields.ts';
import { leadLabelQueries } from './lead-labels.ts';
import {
  forgetOfflineSettings,
  keepOfflineSettings,
  OFFLINE_SETTINGS_MAX_AGE_MS,
  restoreOfflineSettings,
  saveOfflineSettings,
} from './offline-settings.ts';
import type { Transport } from './transport.ts';
import { userQueries } from './users.ts';

const OWNER = { userId: 7, companyId: 42 };
const NOW = Date.UTC(2026, 10, 29, 9);
const noTransport: Transport = () => Promise.reject(new Error('no network in this test'));

const ME = { id: 7, name: 'Maria Lopez', email: 'maria.lopez@northwind.example', company_id: 42 };
const COLLEAGUES = [
  { id: 7, name: 'Maria Lopez', email: 'maria.lopez@northwind.example', active_flag: true },
];
const LABELS = [{ id: 'l1', name: 'Hot', color: 'red' }];
const FIELDS = [
  { id: 1, key: 'title', name: 'Title', field_type: 'varchar', edit_flag: false, options: null },
];

/** A client holding what a session had read: the first screen's three settings, and optionally more. */
function clientWithSettings({ withUsers = false } = {}) {
  const client = new QueryClient();
  client.setQueryData(currentUserQueries.me(noTransport).queryKey, ME);
  client.setQueryData(leadLabelQueries.list(noTransport).queryKey, LABELS);
  client.setQueryData(dealFieldQueries.list(noTransport).queryKey, FIELDS);
  if (withUsers) client.setQueryData(userQueries.list(noTransport).queryKey, COLLEAGUES);
  return client;
}

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe("the account's settings kept for an offline start", () => {
  it('come back into another page as they were read, and are not read again there', () => {
    saveOfflineSettings(clientWithSettings({ withUsers: true }), OWNER, NOW);
    const next = new QueryClient();
    expect(restoreOfflineSettings(next, OWNER, NOW + 60_000)).toBe(true);
    expect(next.getQueryData(currentUserQueries.me(noTransport).queryKey)).toEqual(ME);
    expect(next.getQueryData(leadLabelQueries.list(noTransport).queryKey)).toEqual(LABELS);
    expect(next.getQueryData(dealFieldQueries.list(noTransport).queryKey)).toEqual(FIELDS);
    expect(next.getQueryData(userQueries.list(noTransport).queryKey)).toEqual(COLLEAGUES);
    // Colleagues and currencies only when the session had read them.
    expect(next.getQueryData(currencyQueries.list(noTransport).queryKey)).toBeUndefined();
    expect(next.getQueryState(currentUserQueries.me(noTransport).queryKey)?.dataUpdatedAt).toBe(NOW);
  });

  it('are written only once the first screen has all it needs', () => {
    const client = clientWithSettings();
    client.removeQueries({ queryKey: dealFieldQueries.list(noTransport).queryKey });
    saveOfflineSettings(client, OWNER, NOW);
    expect(localStorage.length).toBe(0);
  });

  it("are never another rep's or another company's, nor older than two weeks", () => {
    saveOfflineSettings(clientWithSettings(), OWNER, NOW);
    expect(restoreOfflineSettings(new QueryClient(), { ...OWNER, userId: 8 }, NOW)).toBe(false);
    expect(restoreOfflineSettings(new QueryClient(), { ...OWNER, companyId: 43 }, NOW)).toBe(false);
    expect(restoreOfflineSettings(new QueryClient(), OWNER, NOW + OFFLINE_SETTINGS_MAX_AGE_MS + 1)).toBe(
      false,
    );
    const untouched = new QueryClient();
    restoreOfflineSettings(untouched, { ...OWNER, userId: 8 }, NOW);
    expect(untouched.getQueryCache().getAll()).toEqual([]);
  });

  it('are followed as the session reads or changes them (a label made here), written once idle, until stopped', async () => {
    vi.useFakeTimers();
    try {
      const client = clientWithSettings();
      const stop = keepOfflineSettings(client, OWNER);
      client.setQueryData(currencyQueries.list(noTransport).queryKey, [
        { id: 2, code: 'USD', name: 'US Dollar', decimal_points: 2, symbol: '$', active_flag: true },
      ]);
      client.setQueryData(leadLabelQueries.list(noTransport).queryKey, [
        ...LABELS,
        { id: 'l2', name: 'Trade fair', color: 'blue' },
      ]);
      // Nothing is written while the page is busy with what just arrived: once, a moment later.
      expect(localStorage.length).toBe(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(localStorage.getItem('quicklead.offline-settings.v1')).toContain('USD');
      expect(localStorage.getItem('quicklead.offline-settings.v1')).toContain('Trade fair');
      stop();
      client.setQueryData(leadLabelQueries.list(noTransport).queryKey, LABELS);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(localStorage.getItem('quicklead.offline-settings.v1')).toContain('Trade fair');
      forgetOfflineSettings();
      expect(localStorage.length).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('cannot be read from a damaged or foreign copy', () => {
    for (const broken of [
      'not json',
      '{}',
      JSON.stringify({ format: 'settings.0', ...OWNER, savedAt: NOW, queries: [] }),
    ]) {
      localStorage.setItem('quicklead.offline-settings.v1', broken);
      expect(restoreOfflineSettings(new QueryClient(), OWNER, NOW), broken).toBe(false);
    }
  });
});
