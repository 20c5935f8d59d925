/**
 * Where one row of a batch is on its way to Pipedrive. A created row never goes back: whatever
 * happens after (a retry pressed twice, a reload, a second tab), its lead is not sent again.
 */
export type RowState =
  /** `absent`: retried after its lead was looked for and not found, so it is sent again. */
  | { kind: 'waiting'; absent?: true }
  | { kind: 'sending' }
  | { kind: 'created'; leadId: string }
  /** `absent`: the lead was looked for after a lost answer and is not in Pipedrive. */
  | { kind: 'failed'; reason: string; absent?: true };

export type RowEvent =
  | { type: 'send' }
  | { type: 'created'; leadId: string }
  | { type: 'failed'; reason: string; absent?: true }
  /** The page went while the row was on its way: it is sent again through the ledger, which finds it. */
  | { type: 'interrupted' }
  | { type: 'retry' };

export const WAITING: RowState = { kind: 'waiting' };

export function rowAfter(state: RowState, event: RowEvent): RowState {
  if (state.kind === 'created') return state;
  switch (event.type) {
    case 'send':
      return state.kind === 'waiting' ? { kind: 'sending' } : state;
    case 'created':
      return { kind: 'created', leadId: event.leadId };
    case 'failed':
      if (state.kind !== 'sending') return state;
      return event.absent
        ? { kind: 'failed', reason: event.reason, absent: true }
        : { kind: 'failed', reason: event.reason };
    case 'interrupted':
      return state.kind === 'sending' ? WAITING : state;
    case 'retry':
      if (state.kind !== 'failed') return state;
      return state.absent ? { kind: 'waiting', absent: true } : WAITING;
  }
}

export interface RowCounts {
  created: number;
  failed: number;
  /** Waiting or on its way. */
  left: number;
}

export function countRows(states: Iterable<RowState>): RowCounts {
  const counts = { created: 0, failed: 0, left: 0 };
  for (const state of states) {
    if (state.kind === 'created') counts.created += 1;
    else if (state.kind === 'failed') counts.failed += 1;
    else counts.left += 1;
  }
  return counts;
}
