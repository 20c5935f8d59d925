import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * The account's settings the form is drawn from (who the rep is, labels, deal fields, and the
 * colleagues and currencies once read), kept in localStorage so that the form can open with no
 * network. Only in `bff` mode, whose session outlives a reload (see auth/offline-hint.ts). They are
 * the account's configuration, as the rep sees it in Pipedrive: never a token, never a lead or a
 * contact. Online they are read afresh as always (this copy is never used then), and each read
 * replaces the copy. Removed at sign-out, Disconnect and when the session has ended.
 */
const KEY = 'quicklead.offline-settings.v1';

/** Changed with the shape of what is kept, so a copy an older QuickLead left is ignored. */
const FORMAT = 'settings.1';

/** Older than this, the copy is not used: a form drawn from it could offer fields long gone. */
export const OFFLINE_SETTINGS_MAX_AGE_MS = 14 * 24 * 60 * 60_000;

/** Whose account the settings are: a copy of another rep's or company's is never shown. */
export interface SettingsOwner {
  userId: number;
  companyId: number;
}

interface KeptSettings extends SettingsOwner {
  format: typeof FORMAT;
  savedAt: number;
  queries: Array<{ key: QueryKey; data: unknown }>;
}

/**
 * The queries kept, by the keys their modules give them (current-user.ts, lead-labels.ts,
 * deal-fields.ts, users.ts, currencies.ts): written out, because the session restores them before
 * the signed-in chunk with those modules (and their schemas) has loaded. The first three are what
 * the first screen waits for; the other two are kept when the session had read them.
 */
const CORE_KEYS: readonly QueryKey[] = [
  ['users', 'me'],
  ['leadLabels', 'list'],
  ['dealFields', 'list'],
];
const ON_DEMAND_KEYS: readonly QueryKey[] = [
  ['users', 'list'],
  ['currencies', 'list'],
];

const sameKey = (a: QueryKey, b: QueryKey) => JSON.stringify(a) === JSON.stringify(b);

/** Writes the settings now in the cache, when all of the first screen's are there. */
export function saveOfflineSettings(
  client: QueryClient,
  owner: SettingsOwner,
  now: number = Date.now(),
): void {
  const queries: KeptSettings['queries'] = [];
  for (const key of [...CORE_KEYS, ...ON_DEMAND_KEYS]) {
    const data = client.getQueryData(key);
    if (data !== undefined) queries.push({ key, data });
    else if (CORE_KEYS.includes(key)) return;
  }
  const kept: KeptSettings = { format: FORMAT, ...owner, savedAt: now, queries };
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage full or blocked: the form will not open offline, nothing worse.
  }
}

/**
 * Keeps the copy up to date while this session reads its settings; returns the stop. A change is
 * written when the browser is next idle, once however many settings arrived meanwhile: writing
 * the deal fields to localStorage is synchronous work the first screen should not wait for.
 */
export function keepOfflineSettings(client: QueryClient, owner: SettingsOwner): () => void {
  let pending: (() => void) | undefined;
  const saveWhenIdle = () => {
    if (pending) return;
    const save = () => {
      pending = undefined;
      saveOfflineSettings(client, owner);
    };
    if (typeof window !== 'undefined' && window.requestIdleCallback) {
      const handle = window.requestIdleCallback(save, { timeout: 5_000 });
      pending = () => window.cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(save, 1_000);
      pending = () => clearTimeout(handle);
    }
  };
  saveWhenIdle();
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const key = event.query.queryKey;
    if ([...CORE_KEYS, ...ON_DEMAND_KEYS].some((kept) => sameKey(kept, key))) saveWhenIdle();
  });
  return () => {
    unsubscribe();
    pending?.();
    pending = undefined;
  };
}

/**
 * Puts the kept settings of this owner back into the cache, as read when they were saved (so they
 * are not read again: the form's queries never go stale). False when there is no usable copy.
 */
export function restoreOfflineSettings(
  client: QueryClient,
  owner: SettingsOwner,
  now: number = Date.now(),
): boolean {
  let kept: Partial<KeptSettings> | null;
  try {
    kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<KeptSettings> | null;
  } catch {
    return false;
  }
  if (
    !kept ||
    kept.format !== FORMAT ||
    kept.userId !== owner.userId ||
    kept.companyId !== owner.companyId ||
    typeof kept.savedAt !== 'number' ||
    now - kept.savedAt < 0 ||
    now - kept.savedAt > OFFLINE_SETTINGS_MAX_AGE_MS ||
    !Array.isArray(kept.queries)
  )
    return false;
  const queries = kept.queries;
  if (!CORE_KEYS.every((key) => queries.some((query) => sameKey(query.key, key)))) return false;
  for (const { key, data } of queries) {
    if ([...CORE_KEYS, ...ON_DEMAND_KEYS].some((known) => sameKey(known, key)))
      client.setQueryData(key, data, { updatedAt: kept.savedAt });
  }
  return true;
}

export function forgetOfflineSettings(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to remove where nothing could be written.
  }
}
