import type { CurrentUser } from '@common/pipedrive/current-user-schema.ts';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { FieldOption } from '@/pipedrive/deal-fields.ts';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import type { User } from '@/pipedrive/users.ts';
import type { LeadFormInput } from './lead-form-schema.ts';

/**
 * The choices the rep made on the last lead that the next one starts from: owner, labels,
 * visibility and the value's currency. Kept in localStorage so they outlive a reload and the tab,
 * under the rep's own key (user and company: two reps of one browser, or one rep in two
 * companies, never mix), as ids and codes only: nothing about a contact. Sign-out clears this
 * origin's storage, these with it.
 */
export const STICKY_DEFAULTS_KEY_PREFIX = 'quicklead.sticky-defaults.v1';

/** Far more than a rep's choices take; a larger stored value is not even parsed. */
const MAX_STORED_CHARS = 4_000;
const MAX_LABELS = 50;

export interface StickyDefaults {
  ownerId?: number;
  labelIds?: string[];
  /** A visibility option's id; absent for the account default. */
  visibleTo?: string;
  currency?: string;
}

/** What a choice is when nothing sticks: the rep, no labels, the account's visibility, the rep's currency. */
export interface AccountDefaults {
  ownerId: number;
  currency: string;
}

export type StickyField = 'owner' | 'labels' | 'currency' | 'visibility';

type Me = Pick<CurrentUser, 'id' | 'company_id'>;

function keyOf(me: Me): string {
  return `${STICKY_DEFAULTS_KEY_PREFIX}:${me.company_id ?? 'no-company'}:${me.id}`;
}

const LABEL_ID = /^[A-Za-z0-9-]{1,64}$/;
const VISIBILITY_ID = /^\d{1,3}$/;
const CURRENCY_CODE = /^[A-Za-z0-9]{1,10}$/;

/**
 * What is stored, read field by field: a field of the wrong type or shape is left out, the others
 * kept; anything that is not an object of them, or too large, reads as none.
 */
export function parseStickyDefaults(raw: string | null): StickyDefaults {
  if (!raw || raw.length > MAX_STORED_CHARS) return {};
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const { ownerId, labelIds, visibleTo, currency } = stored as Record<string, unknown>;
  const defaults: StickyDefaults = {};
  if (typeof ownerId === 'number' && Number.isSafeInteger(ownerId) && ownerId > 0) defaults.ownerId = ownerId;
  if (
    Array.isArray(labelIds) &&
    labelIds.length <= MAX_LABELS &&
    labelIds.every((id) => typeof id === 'string' && LABEL_ID.test(id))
  ) {
    defaults.labelIds = [...new Set(labelIds as string[])];
  }
  if (typeof visibleTo === 'string' && VISIBILITY_ID.test(visibleTo)) defaults.visibleTo = visibleTo;
  if (typeof currency === 'string' && CURRENCY_CODE.test(currency)) defaults.currency = currency;
  return defaults;
}

export function loadStickyDefaults(
  me: Me,
  storage: Storage | undefined = localStorageOrNone(),
): StickyDefaults {
  try {
    return parseStickyDefaults(storage?.getItem(keyOf(me)) ?? null);
  } catch {
    return {};
  }
}

export function saveStickyDefaults(
  me: Me,
  defaults: StickyDefaults,
  storage: Storage | undefined = localStorageOrNone(),
): void {
  try {
    storage?.setItem(keyOf(me), JSON.stringify(defaults));
  } catch {
    // Storage full or blocked: the next lead in this page still starts from them.
  }
}

export function clearStickyDefaults(me: Me, storage: Storage | undefined = localStorageOrNone()): void {
  try {
    storage?.removeItem(keyOf(me));
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/** localStorage, or none where the browser blocks it (reading the property itself can throw). */
function localStorageOrNone(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * What the created lead leaves for the next one. The currency is the value's, kept even when no
 * amount was typed (the rep may have chosen it); an empty one keeps the last.
 */
export function stickyOf(
  held: Pick<LeadFormInput, 'owner' | 'labels' | 'visibleTo' | 'value'>,
  last: StickyDefaults,
): StickyDefaults {
  const ownerId = Number(held.owner);
  const defaults: StickyDefaults = { labelIds: [...held.labels] };
  if (Number.isSafeInteger(ownerId) && ownerId > 0) defaults.ownerId = ownerId;
  if (held.visibleTo !== '') defaults.visibleTo = held.visibleTo;
  const currency = held.value.currency || last.currency;
  if (currency) defaults.currency = currency;
  return defaults;
}

/** What the account offers now; a list not read yet (`undefined`) cannot show that a choice is gone. */
export interface AccountChoices {
  meId: number;
  labels: readonly LeadLabel[];
  /** The colleagues who can own a lead, once read. */
  owners: readonly User[] | undefined;
  currencies: readonly Currency[] | undefined;
  visibilityOptions: readonly FieldOption[];
}

/**
 * The stored choices that still name something the account has: a label since deleted, an owner
 * since deactivated, a currency or visibility option no longer offered is dropped, and `dropped`
 * says the stored value should be written again without them.
 */
export function applicableDefaults(
  stored: StickyDefaults,
  account: AccountChoices,
): { defaults: StickyDefaults; dropped: boolean } {
  const defaults: StickyDefaults = {};
  let dropped = false;
  if (stored.ownerId !== undefined) {
    const known =
      stored.ownerId === account.meId ||
      account.owners === undefined ||
      account.owners.some((owner) => owner.id === stored.ownerId);
    if (known) defaults.ownerId = stored.ownerId;
    else dropped = true;
  }
  if (stored.labelIds !== undefined) {
    defaults.labelIds = stored.labelIds.filter((id) => account.labels.some((label) => label.id === id));
    if (defaults.labelIds.length !== stored.labelIds.length) dropped = true;
  }
  if (stored.visibleTo !== undefined) {
    if (account.visibilityOptions.some((option) => String(option.id) === stored.visibleTo)) {
      defaults.visibleTo = stored.visibleTo;
    } else dropped = true;
  }
  if (stored.currency !== undefined) {
    if (
      account.currencies === undefined ||
      account.currencies.some((entry) => entry.code === stored.currency)
    ) {
      defaults.currency = stored.currency;
    } else dropped = true;
  }
  return { defaults, dropped };
}

/** Which choices start other than the account's own, in the order the form shows them. */
export function stickyDifferences(defaults: StickyDefaults, account: AccountDefaults): StickyField[] {
  const fields: StickyField[] = [];
  if (defaults.currency !== undefined && defaults.currency !== account.currency) fields.push('currency');
  if (defaults.ownerId !== undefined && defaults.ownerId !== account.ownerId) fields.push('owner');
  if ((defaults.labelIds ?? []).length > 0) fields.push('labels');
  if (defaults.visibleTo !== undefined) fields.push('visibility');
  return fields;
}

/**
 * The stored owner as a draft would hold it, so the first form reads the colleagues before it
 * shows when it starts with another owner (lists-needed.ts), and only then.
 */
export function stickyOwnerAsDraft(me: Me): Partial<LeadFormInput> | undefined {
  const { ownerId } = loadStickyDefaults(me);
  return ownerId === undefined || ownerId === me.id ? undefined : { owner: String(ownerId) };
}
