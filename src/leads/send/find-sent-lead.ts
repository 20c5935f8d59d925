import type { Lead } from '@/pipedrive/add-lead.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { listRecentLeads } from '@/pipedrive/list-leads.ts';
import { budgetSpentUntil, isShortWait, shortWaitMs } from '@/pipedrive/rate-limit.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import type { SentLeadKey } from './lead-send-ledger.ts';

/** Clocks differ between the browser and Pipedrive: a lead added this much before sending still counts. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * Leads of one contact per read. A read costs the same documented tokens whatever its limit, so
 * one page holds every lead a busy contact (a shared test person, a popular account) could have
 * gained in the minutes around a send.
 */
export const RECOVERY_PAGE_SIZE = 100;

/**
 * When each read starts, after the one before (the first at once). A create whose answer was lost
 * may still be finishing in Pipedrive (a gateway's 5xx, a timeout), so a later read can find what
 * the first could not; three reads over about 7 s bound what one lost answer costs (3 × 20 tokens).
 */
export const RECOVERY_READ_DELAYS_MS: readonly number[] = [0, 2_000, 5_000];

export interface RecoveryProgress {
  read: number;
  of: number;
}

export interface RecoveryOptions {
  delaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Told before each read, so the form can say it is checking. */
  onRead?: (progress: RecoveryProgress) => void;
  /** A page being left reads no more (see page-leaving.ts). */
  isLeaving?: () => boolean;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const addedAt = (lead: Lead) => Date.parse(lead.add_time);

/** Read as it was sent: the rep may have edited the title or contact since. */
function isTheSentLead(lead: Lead, sent: SentLeadKey, since: number): boolean {
  return (
    lead.title === sent.title &&
    (sent.person_id === undefined || lead.person_id === sent.person_id) &&
    (sent.organization_id === undefined || lead.organization_id === sent.organization_id) &&
    addedAt(lead) >= since
  );
}

/** Another read may answer: the network, a 5xx or a short 429. A 4xx answers the same every time. */
const worthReadingAgain = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || isShortWait(error);

/**
 * After a create whose answer never came (network drop, timeout, 5xx), the lead may or may not
 * exist. Sending it again blindly could make two, so look where leads are stored first: the leads
 * of the person (or else organization) it was sent with, newest first, for the same title added
 * since it was sent. Not the search index, which can lag seconds behind a create and so would
 * report "not there" for a lead that is. At most `delaysMs.length` reads.
 *
 * Returns the lead, or undefined when the reads saw every lead added since the send and it was not
 * among them. Throws when that could not be established (the last read failed, or a page being
 * left stopped reading); a spent daily budget is thrown as soon as it is met.
 */
export async function findSentLead(
  transport: Transport,
  sent: SentLeadKey,
  sentAt: number,
  options: RecoveryOptions = {},
): Promise<Lead | undefined> {
  const { delaysMs = RECOVERY_READ_DELAYS_MS, sleep = pause, onRead, isLeaving = () => false } = options;
  const since = sentAt - CLOCK_SKEW_MS;
  const contact =
    sent.person_id !== undefined ? { personId: sent.person_id } : { organizationId: sent.organization_id };
  let start = 0;
  let waitAtLeast = 0;
  let outcome: { sawAll: true } | { error: unknown } = { error: new Error('QuickLead did not look yet.') };
  for (let read = 0; read < delaysMs.length; read++) {
    // Paging on goes at once; a new look waits its turn, or longer if Pipedrive asked to.
    const delay = start === 0 ? Math.max(delaysMs[read] ?? 0, waitAtLeast) : 0;
    if (delay > 0) await sleep(delay);
    if (isLeaving()) throw new Error('The page is being left.');
    onRead?.({ read: read + 1, of: delaysMs.length });
    try {
      const leads = await listRecentLeads(transport, { ...contact, limit: RECOVERY_PAGE_SIZE, start });
      const found = leads.find((lead) => isTheSentLead(lead, sent, since));
      if (found) return found;
      // Newest first: a short page, or one reaching back before the send, saw every candidate.
      const sawAll = leads.length < RECOVERY_PAGE_SIZE || leads.some((lead) => addedAt(lead) < since);
      outcome = sawAll ? { sawAll } : { error: new Error('More leads of this contact than one read shows.') };
      start = sawAll ? 0 : start + RECOVERY_PAGE_SIZE;
      waitAtLeast = 0;
    } catch (error) {
      if (budgetSpentUntil(error) !== undefined || !worthReadingAgain(error)) throw error;
      outcome = { error };
      start = 0;
      waitAtLeast = shortWaitMs(error);
    }
  }
  if ('sawAll' in outcome) return undefined;
  throw outcome.error;
}

/**
 * A failure after which the lead may have been stored anyway: the request left, no clear answer
 * came. Only a 4xx is a clear refusal; a success QuickLead could not use (a 201 whose body it does
 * not understand) means Pipedrive did it.
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status < 400;
  return (
    error instanceof TypeError ||
    (error instanceof DOMException && ['TimeoutError', 'AbortError'].includes(error.name))
  );
}
