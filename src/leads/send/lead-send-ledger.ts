import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';

/**
 * Which drafts were sent, shared by every tab of this browser. A duplicated tab carries the same
 * draft id, so this is what stops its copy of the lead being created a second time. The shared
 * part (localStorage, which outlives the tab) holds draft ids, lead ids and times only: no lead
 * content, never tokens. What a lost create is looked for by (its title and contact) stays with
 * the tab, in sessionStorage beside the draft, until the lead is known.
 *
 * The parts sent with the lead once it exists (its note, its follow-up) are recorded the same way,
 * each on its own: absent until it leaves, then the time it left, then its id once Pipedrive
 * answered or it was found. So only a part that is missing is ever sent again.
 */
export interface LedgerEntry {
  /** When the create left; the lead was added at or after this time if it was stored. */
  sentAt: number;
  /** Known once Pipedrive answered or the lead was found. */
  leadId?: string;
  /** What was sent, to look for it by: the rep may have edited the form since. */
  sent?: SentLeadKey;
  parts?: Partial<Record<PartName, PartEntry>>;
}

/** What is sent with a lead, after it: a note and a follow-up activity. */
export type PartName = 'note' | 'followUp';

export interface PartEntry {
  /** When the part's create left; if it was stored, it was added at or after this time. */
  sentAt: number;
  /** Pipedrive's id of the part, once it answered or the part was found. */
  id?: number;
}

export type SentLeadKey = Pick<AddLeadRequest, 'title' | 'person_id' | 'organization_id'>;

export interface LeadSendLedger {
  read(draftId: string): LedgerEntry | undefined;
  /** The lead's own record; the parts recorded so far are kept unless `entry` names them. */
  write(draftId: string, entry: LedgerEntry): void;
  remove(draftId: string): void;
  /** One part of a lead already recorded: when it left and its id, or `undefined` to forget it. */
  writePart(draftId: string, part: PartName, entry: PartEntry | undefined): void;
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

function isPartEntry(value: unknown): value is PartEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { sentAt, id } = value as Record<string, unknown>;
  return typeof sentAt === 'number' && (id === undefined || (typeof id === 'number' && Number.isInteger(id)));
}

/**
 * The parts of an entry that can be read; one that cannot is forgotten, never the lead itself
 * (forgetting the lead would send it again).
 */
function withReadableParts(entry: LedgerEntry): LedgerEntry {
  const { parts, ...lead } = entry;
  if (typeof parts !== 'object' || parts === null) return lead;
  const readable = (['note', 'followUp'] as const).flatMap((name) =>
    isPartEntry(parts[name]) ? [[name, parts[name]] as const] : [],
  );
  return readable.length > 0 ? { ...lead, parts: Object.fromEntries(readable) } : lead;
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
  const entries = () =>
    Object.fromEntries(
      Object.entries(readMap(shared, SHARED_KEY, isEntry)).map(([id, entry]) => [
        id,
        withReadableParts(entry),
      ]),
    );
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
      const all = entries();
      const parts = entry.parts ?? all[draftId]?.parts;
      save(
        { ...all, [draftId]: parts ? { ...entry, parts } : entry },
        sent ? { ...keys(), [draftId]: sent } : keys(),
      );
    },
    remove: (draftId) => {
      const { [draftId]: _removed, ...rest } = entries();
      save(rest, keys());
    },
    writePart: (draftId, part, partEntry) => {
      const all = entries();
      const entry = all[draftId];
      // A part is only ever sent for a lead this draft made, so there is always an entry to add to.
      if (!entry) return;
      const { [part]: _old, ...others } = entry.parts ?? {};
      const parts = partEntry ? { ...others, [part]: partEntry } : others;
      const { parts: _parts, ...lead } = entry;
      save({ ...all, [draftId]: Object.keys(parts).length > 0 ? { ...lead, parts } : lead }, keys());
    },
  };
}
