import { ApiError } from '@/pipedrive/api-error.ts';
import { permissionProblemOf } from '@/pipedrive/permission-problem.ts';
import { ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { budgetSpentMessage, budgetSpentUntil, isShortWait, shortWaitMs } from '@/pipedrive/rate-limit.ts';
import { isAmbiguousFailure, type RecoveryOptions, type RecoveryProgress } from './find-sent-lead.ts';
import { findSentPart, type PartLookup } from './find-sent-part.ts';
import type { LeadSendLedger, PartName } from './lead-send-ledger.ts';
import { ALWAYS_SHOWN, type PageLifecycle } from './page-leaving.ts';
import { withTabLock } from './tab-lock.ts';

/**
 * A part that is not on the lead, and why, in words for "The note was not saved: <why>". `absent`:
 * QuickLead looked and it is not there, so Retry sends it; otherwise Retry looks for it first.
 */
export interface PartProblem {
  why: string;
  absent: boolean;
}

export type PartOutcome<T> = { saved: T } | { missing: PartProblem };

/** One part of a lead (its note or its follow-up) and how to send, find and rebuild it. */
export interface PartToSend<T> extends PartLookup<T> {
  draftId: string;
  part: PartName;
  /** The part's create. */
  send: () => Promise<T>;
  idOf: (saved: T) => number;
  /** The part as it was sent, under the id another tab or an earlier page recorded. */
  known: (id: number) => T;
  /** "The call", for "Pipedrive did not let QuickLead add the call". */
  what: string;
  /** Send even though an earlier create went unanswered and was not found (the rep's Retry). */
  force: boolean;
}

export interface PartDeps {
  ledger: LeadSendLedger;
  lock?: <R>(name: string, task: () => Promise<R>) => Promise<R>;
  now?: () => number;
  page?: PageLifecycle;
  /** Told before each read that checks whether a lost create was stored; undefined once done. */
  onChecking?: (progress: (RecoveryProgress & { part?: PartName }) | undefined) => void;
  recovery?: Pick<RecoveryOptions, 'delaysMs' | 'sleep'>;
}

/** A short 429 was not processed: the part is sent again after its wait, at most this often. */
const SHORT_WAIT_RETRIES = 3;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * At most one create per part of a lead, across retries, reloads and tabs, as `sendLeadOnce` does
 * for the lead: one tab at a time works on a part (a Web Lock per draft and part), a part already
 * saved is not sent again, and one whose create went unanswered is looked for on the lead before
 * anything is sent again. Never throws: a part that could not be saved says why, for the card.
 */
export async function sendPartOnce<T>(part: PartToSend<T>, deps: PartDeps): Promise<PartOutcome<T>> {
  const { lock = withTabLock, page = ALWAYS_SHOWN } = deps;
  for (;;) {
    if (page.isLeaving()) await page.shownAgain();
    const outcome = await lock(`quicklead.lead.${part.draftId}.${part.part}`, async () =>
      page.isLeaving() ? LEFT : sendOrFind(part, deps),
    );
    if (outcome !== LEFT) return outcome;
  }
}

const LEFT = Symbol('page left');

async function sendOrFind<T>(part: PartToSend<T>, deps: PartDeps): Promise<PartOutcome<T>> {
  const { ledger, now = Date.now } = deps;
  const earlier = ledger.read(part.draftId)?.parts?.[part.part];
  if (earlier?.id !== undefined) return { saved: part.known(earlier.id) };
  if (earlier && !part.force) return confirmSent(part, earlier.sentAt, deps);

  const sentAt = now();
  ledger.writePart(part.draftId, part.part, { sentAt });
  try {
    const saved = await sendAfterShortWaits(part.send);
    ledger.writePart(part.draftId, part.part, { sentAt, id: part.idOf(saved) });
    return { saved };
  } catch (error) {
    if (!isAmbiguousFailure(error)) {
      // A clear refusal: nothing was stored, so a Retry sends it.
      ledger.writePart(part.draftId, part.part, undefined);
      return { missing: { why: refusalWhy(error, part), absent: true } };
    }
    return confirmSent(part, sentAt, deps);
  }
}

async function sendAfterShortWaits<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isShortWait(error) || attempt >= SHORT_WAIT_RETRIES) throw error;
      await pause(Math.max(shortWaitMs(error), 1000));
    }
  }
}

async function confirmSent<T>(part: PartToSend<T>, sentAt: number, deps: PartDeps): Promise<PartOutcome<T>> {
  const { ledger, page = ALWAYS_SHOWN, onChecking } = deps;
  let found: T | undefined;
  try {
    found = await findSentPart(part, sentAt, {
      ...deps.recovery,
      onRead: (progress) => onChecking?.({ ...progress, part: part.part }),
      isLeaving: () => page.isLeaving(),
    });
  } catch (error) {
    const spentUntil = budgetSpentUntil(error);
    const why =
      spentUntil !== undefined
        ? `${budgetSpentMessage(spentUntil)} QuickLead looks for it before sending it again.`
        : 'Pipedrive did not answer, so QuickLead cannot tell yet whether it was saved. Retry looks for it first.';
    return { missing: { why, absent: false } };
  } finally {
    onChecking?.(undefined);
  }
  if (!found) {
    return { missing: { why: 'Pipedrive did not confirm it, and it is not on the lead.', absent: true } };
  }
  ledger.writePart(part.draftId, part.part, { sentAt, id: part.idOf(found) });
  return { saved: found };
}

/** Why Pipedrive refused a part's create, in words a rep can act on. */
function refusalWhy(error: unknown, part: Pick<PartToSend<unknown>, 'what'>): string {
  if (error instanceof ProviderUnavailableError) return 'Pipedrive is not answering. Retry in a moment.';
  if (!(error instanceof ApiError)) return 'QuickLead could not reach Pipedrive. Check your connection.';
  const spentUntil = budgetSpentUntil(error);
  if (spentUntil !== undefined) return budgetSpentMessage(spentUntil);
  if (error.status === 401) return 'Your Pipedrive session has ended. Sign in again, then retry.';
  if (error.status === 429) return 'Pipedrive is busy with too many requests. Retry in a moment.';
  if (error.status === 403 && error.call) {
    const problem = permissionProblemOf(error, error.call);
    if (problem) return problem.message;
  }
  return `Pipedrive did not let QuickLead add ${part.what}: ${error.reason}`;
}
