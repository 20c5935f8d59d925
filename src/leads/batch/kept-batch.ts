import type { ColumnKind } from './batch-columns.ts';
import type { ContactStatus } from './batch-contacts.ts';
import { MAX_BATCH_COLUMNS, MAX_BATCH_ROWS } from './read-rows.ts';
import type { RowState } from './row-state.ts';

/**
 * A batch as this tab keeps it (sessionStorage, like the single form's draft): the pasted rows as
 * edited, the columns picked, and each row's and contact's state. So a reload, or the page closed
 * and reopened in the tab, goes on where it was. Bounded by the batch's own caps; never a token.
 */
export interface KeptBatch {
  id: string;
  savedAt: number;
  /** The data rows (the header row, if any, is `header`). */
  rows: string[][];
  header: string[] | undefined;
  columns: ColumnKind[];
  /** Rows the rep left out, by index. */
  leftOut: number[];
  /** Rows of the pasted text beyond the cap. */
  rowsLeftOut: number;
  states: Record<number, RowState>;
  contacts: Record<string, ContactStatus>;
  run: 'editing' | 'running' | 'paused' | 'done';
  /** Why the run stopped by itself (the day's budget), when it did. */
  stoppedBecause?: string;
}

const KEY = 'quicklead.batch.v1';
const KEEP_MS = 24 * 60 * 60_000;

const isStringRow = (row: unknown): row is string[] =>
  Array.isArray(row) && row.length <= MAX_BATCH_COLUMNS && row.every((cell) => typeof cell === 'string');

function isKeptBatch(value: unknown): value is KeptBatch {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as Record<string, unknown>;
  return (
    typeof batch.id === 'string' &&
    typeof batch.savedAt === 'number' &&
    Array.isArray(batch.rows) &&
    batch.rows.length <= MAX_BATCH_ROWS &&
    batch.rows.every(isStringRow) &&
    (batch.header === undefined || isStringRow(batch.header)) &&
    Array.isArray(batch.columns) &&
    batch.columns.every((column) => typeof column === 'string') &&
    Array.isArray(batch.leftOut) &&
    typeof batch.states === 'object' &&
    batch.states !== null &&
    typeof batch.contacts === 'object' &&
    batch.contacts !== null &&
    ['editing', 'running', 'paused', 'done'].includes(batch.run as string)
  );
}

/**
 * The batch kept in this tab, if it is one QuickLead can read and not a day old. A row that was on
 * its way when the page went is waiting again: sent through the ledger, it is found, not resent.
 */
export function loadKeptBatch(now = Date.now()): KeptBatch | undefined {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (!isKeptBatch(parsed) || now - parsed.savedAt > KEEP_MS) return undefined;
    const states = Object.fromEntries(
      Object.entries(parsed.states).map(([index, state]) => [
        index,
        state.kind === 'sending' ? ({ kind: 'waiting' } as const) : state,
      ]),
    );
    return { ...parsed, states };
  } catch {
    return undefined;
  }
}

export function keepBatch(batch: KeptBatch): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...batch, savedAt: Date.now() }));
  } catch {
    // Storage full or blocked: the batch goes on in this page; only a reload loses it.
  }
}

export function forgetKeptBatch(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept to forget.
  }
}
