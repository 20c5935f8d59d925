/**
 * Which drafts were sent, shared by every tab of this browser. A duplicated tab carries the same
 * draft id, so this is what stops its copy of the lead being created a second time. It holds draft
 * ids, lead ids and times only: no lead content, never tokens (localStorage outlives the tab).
 */
export interface LedgerEntry {
  /** When the create left; the lead was added at or after this time if it was stored. */
  sentAt: number;
  /** Known once Pipedrive answered or the lead was found. */
  leadId?: string;
}

export interface LeadSendLedger {
  read(draftId: string): LedgerEntry | undefined;
  write(draftId: string, entry: LedgerEntry): void;
  remove(draftId: string): void;
}

const KEY = 'quicklead.sent-leads.v1';
/** Long enough for any tab left open overnight; short enough that the list stays tiny. */
const KEEP_MS = 24 * 60 * 60_000;

type Entries = Record<string, LedgerEntry>;

function isEntry(value: unknown): value is LedgerEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { sentAt, leadId } = value as Record<string, unknown>;
  return typeof sentAt === 'number' && (leadId === undefined || typeof leadId === 'string');
}

function readAll(storage: Storage): Entries {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, entry]) => isEntry(entry))) as Entries;
  } catch {
    return {};
  }
}

function writeAll(storage: Storage, entries: Entries, now: number): void {
  const kept = Object.entries(entries).filter(([, entry]) => now - entry.sentAt < KEEP_MS);
  try {
    if (kept.length === 0) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage blocked: tabs cannot coordinate, each still sends its own lead once.
  }
}

export function storageLedger(storage: Storage = localStorage, now: () => number = Date.now): LeadSendLedger {
  return {
    read: (draftId) => readAll(storage)[draftId],
    write: (draftId, entry) => writeAll(storage, { ...readAll(storage), [draftId]: entry }, now()),
    remove: (draftId) => {
      const { [draftId]: _removed, ...rest } = readAll(storage);
      writeAll(storage, rest, now());
    },
  };
}
