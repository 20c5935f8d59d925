import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';

/**
 * Which drafts were sent, shared by every tab of this browser. A duplicated tab carries the same
 * draft id, so this is what stops its copy of the lead being created a second time. The shared
 * part (localStorage, which outlives the tab) holds draft ids, lead ids and times only: no lead
 * content, never tokens. What a lost create is looked for by (its title and contact) stays with
 * the tab, in sessionStorage beside the draft, until the lead is known.
 */
export interface LedgerEntry {
  /** When the create left; the lead was added at or after this time if it was stored. */
  sentAt: number;
  /** Known once Pipedrive answered or the lead was found. */
  leadId?: string;
  /** What was sent, to look for it by: the rep may have edited the form since. */
  sent?: SentLeadKey;
}

export type SentLeadKey = Pick<AddLeadRequest, 'title' | 'person_id' | 'organization_id'>;

export interface LeadSendLedger {
  read(draftId: string): LedgerEntry | undefined;
  write(draftId: string, entry: LedgerEntry): void;
  remove(draftId: string): void;
}

const SHARED_KEY = 'quicklead.sent-leads.v1';
const TAB_KEY = 'quicklead.sent-lead-keys.v1';
/** Long enough for any tab left open overnight; short enough that the list stays tiny. */
const KEEP_MS = 24 * 60 * 60_000;

type Entries = Record<string, Omit<LedgerEntry, 'sent'>>;
type Keys = Record<string, SentLeadKey>;

const isId = (value: unknown) =>
  value === undefined || (typeof value === 'number' && Number.isInteger(value));

function isEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { sentAt, leadId } = value as Record<string, unknown>;
  return typeof sentAt === 'number' && (leadId === undefined || typeof leadId === 'string');
}

function isKey(value: unknown): value is SentLeadKey {
  if (typeof value !== 'object' || value === null) return false;
  const { title, person_id, organization_id } = value as Record<string, unknown>;
  return typeof title === 'string' && isId(person_id) && isId(organization_id);
}

function readMap<T>(storage: Storage, key: string, valid: (value: unknown) => value is T): Record<string, T> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, value]) => valid(value)));
  } catch {
    return {};
  }
}

function writeMap(storage: Storage, key: string, map: Record<string, unknown>): void {
  try {
    if (Object.keys(map).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(map));
  } catch {
    // Storage blocked: tabs cannot coordinate, each still sends its own lead once.
  }
}

export interface LedgerStorage {
  /** Every tab of the browser: localStorage. */
  shared?: Storage;
  /** This tab (and a tab duplicated from it): sessionStorage. */
  tab?: Storage;
  now?: () => number;
}

export function storageLedger({
  shared = localStorage,
  tab = sessionStorage,
  now = Date.now,
}: LedgerStorage = {}): LeadSendLedger {
  const entries = () => readMap(shared, SHARED_KEY, isEntry);
  const keys = () => readMap(tab, TAB_KEY, isKey);
  const save = (all: Entries, allKeys: Keys) => {
    const fresh = Object.entries(all).filter(([, entry]) => now() - entry.sentAt < KEEP_MS);
    writeMap(shared, SHARED_KEY, Object.fromEntries(fresh));
    const unanswered = new Set(fresh.filter(([, entry]) => !entry.leadId).map(([draftId]) => draftId));
    writeMap(tab, TAB_KEY, Object.fromEntries(Object.entries(allKeys).filter(([id]) => unanswered.has(id))));
  };
  return {
    read: (draftId) => {
      const entry = entries()[draftId];
      if (!entry) return undefined;
      const sent = keys()[draftId];
      return sent ? { ...entry, sent } : entry;
    },
    write: (draftId, { sent, ...entry }) => {
      save({ ...entries(), [draftId]: entry }, sent ? { ...keys(), [draftId]: sent } : keys());
    },
    remove: (draftId) => {
      const { [draftId]: _removed, ...rest } = entries();
      save(rest, keys());
    },
  };
}
