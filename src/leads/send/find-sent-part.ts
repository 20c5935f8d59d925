import { ApiError } from '@/pipedrive/api-error.ts';
import { budgetSpentUntil, isShortWait, shortWaitMs } from '@/pipedrive/rate-limit.ts';
import { RECOVERY_READ_DELAYS_MS, type RecoveryOptions } from './find-sent-lead.ts';

/** Clocks differ between the browser and Pipedrive: a part added this much before sending still counts. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Parts of one lead per read. The lead was made moments ago by this draft, so one page holds all
 * of its notes or activities; a read costs the same whatever its limit.
 */
export const PART_RECOVERY_PAGE_SIZE = 100;

export interface PartLookup<T> {
  /** The lead's notes or activities, newest first, at most `PART_RECOVERY_PAGE_SIZE`. */
  read: () => Promise<T[]>;
  /** Whether this is the part that was sent (its content, not its id: the id never came back). */
  isTheSentPart: (item: T) => boolean;
  /** When Pipedrive says the item was added, in milliseconds; NaN when it does not say. */
  addedAt: (item: T) => number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Another read may answer: the network, a 5xx or a short 429. A 4xx answers the same every time. */
const worthReadingAgain = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || isShortWait(error);

/**
 * After a part's create went unanswered (network drop, timeout, 5xx), it may or may not be on the
 * lead. Sending it again blindly could make two notes, so look on the lead first: its notes (or
 * activities), newest first, for the one sent, added since it was sent. Reads as
 * `findSentLead` does: at most `delaysMs.length` times over a few seconds, since a create whose
 * answer was lost may still be finishing.
 *
 * Returns the part, or undefined when a read saw everything added since the send and it was not
 * there. Throws when that could not be established; a spent daily budget is thrown at once.
 */
export async function findSentPart<T>(
  lookup: PartLookup<T>,
  sentAt: number,
  options: RecoveryOptions = {},
): Promise<T | undefined> {
  const { delaysMs = RECOVERY_READ_DELAYS_MS, sleep = pause, onRead, isLeaving = () => false } = options;
  const since = sentAt - CLOCK_SKEW_MS;
  // An item whose time cannot be read is not known to be older: it may be the one.
  const olderThanTheSend = (item: T) => lookup.addedAt(item) < since;
  let waitAtLeast = 0;
  let outcome: { sawAll: true } | { error: unknown } = { error: new Error('QuickLead did not look yet.') };
  // Every read is made even when one saw all: a create whose answer was lost may still be finishing.
  for (let read = 0; read < delaysMs.length; read++) {
    const delay = Math.max(delaysMs[read] ?? 0, waitAtLeast);
    if (delay > 0) await sleep(delay);
    if (isLeaving()) throw new Error('The page is being left.');
    onRead?.({ read: read + 1, of: delaysMs.length });
    try {
      const items = await lookup.read();
      const found = items.find((item) => lookup.isTheSentPart(item) && !olderThanTheSend(item));
      if (found) return found;
      const sawAll = items.length < PART_RECOVERY_PAGE_SIZE || items.some(olderThanTheSend);
      outcome = sawAll ? { sawAll } : { error: new Error('More items on this lead than one read shows.') };
      waitAtLeast = 0;
    } catch (error) {
      if (budgetSpentUntil(error) !== undefined || !worthReadingAgain(error)) throw error;
      outcome = { error };
      waitAtLeast = shortWaitMs(error);
    }
  }
  if ('sawAll' in outcome) return undefined;
  throw outcome.error;
}

/** A v1 time ("YYYY-MM-DD HH:MM:SS", UTC) or an RFC 3339 one, in milliseconds; NaN otherwise. */
export function pipedriveTimeMs(text: string): number {
  const v1 = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
  return Date.parse(v1);
}
