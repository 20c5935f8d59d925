/**
 * The people and organizations a batch creates, shared by every tab of this browser like the lead
 * send ledger (lead-send-ledger.ts): when each create left and, once known, its id. So a reload or
 * a duplicated tab never creates the same new contact twice. It holds ids and times only: the
 * contact is named by the batch's id and a hash of its key, never by its name or email.
 */
export interface ContactEntry {
  sentAt: number;
  id?: number;
}

export interface ContactLedger {
  read(contactId: string): ContactEntry | undefined;
  write(contactId: string, entry: ContactEntry): void;
  remove(contactId: string): void;
}

const KEY = 'quicklead.batch-contacts.v1';
/** As long as the lead ledger keeps its entries. */
const KEEP_MS = 24 * 60 * 60_000;

function isEntry(value: unknown): value is ContactEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { sentAt, id } = value as Record<string, unknown>;
  return typeof sentAt === 'number' && (id === undefined || (typeof id === 'number' && Number.isInteger(id)));
}

export function storageContactLedger(
  shared: Storage = localStorage,
  now: () => number = Date.now,
): ContactLedger {
  const all = (): Record<string, ContactEntry> => {
    try {
      const parsed: unknown = JSON.parse(shared.getItem(KEY) ?? '{}');
      if (typeof parsed !== 'object' || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).filter(([, entry]) => isEntry(entry)));
    } catch {
      return {};
    }
  };
  const save = (entries: Record<string, ContactEntry>) => {
    const fresh = Object.entries(entries).filter(([, entry]) => now() - entry.sentAt < KEEP_MS);
    try {
      if (fresh.length === 0) shared.removeItem(KEY);
      else shared.setItem(KEY, JSON.stringify(Object.fromEntries(fresh)));
    } catch {
      // Storage blocked: this page still creates each contact once; a reload cannot know.
    }
  };
  return {
    read: (contactId) => all()[contactId],
    write: (contactId, entry) => save({ ...all(), [contactId]: entry }),
    remove: (contactId) => {
      const { [contactId]: _removed, ...rest } = all();
      save(rest);
    },
  };
}

/** A short, stable name for a contact key (FNV-1a), so the shared record holds no email or name. */
export function contactHash(key: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
