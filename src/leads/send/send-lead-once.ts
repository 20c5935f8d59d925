import type { AddActivityRequest } from '@/pipedrive/add-activity.ts';
import { type AddLeadRequest, addLead, type Lead } from '@/pipedrive/add-lead.ts';
import { getLead } from '@/pipedrive/get-lead.ts';
import { budgetSpentUntil } from '@/pipedrive/rate-limit.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import {
  findSentLead,
  isAmbiguousFailure,
  type RecoveryOptions,
  type RecoveryProgress,
} from './find-sent-lead.ts';
import type { LeadSendLedger, PartName, SentLeadKey } from './lead-send-ledger.ts';
import { ALWAYS_SHOWN, type PageLifecycle } from './page-leaving.ts';
import { withTabLock } from './tab-lock.ts';

export interface LeadToSend {
  /** The draft this lead was typed in; the same in a tab duplicated from it. */
  draftId: string;
  body: AddLeadRequest;
  /** Send even though an earlier create of this draft went unanswered and was not found. */
  force?: boolean;
  /** The note added to the lead once it exists, as HTML (see pipedrive/note-html.ts). */
  note?: { content: string };
  /** The follow-up scheduled on the lead once it exists. */
  followUp?: Omit<AddActivityRequest, 'lead_id'>;
  /** Parts to send even though an earlier send went unanswered and was not found (the card's Retry). */
  forceParts?: readonly PartName[];
}

/**
 * A create whose answer was lost. `absent`: QuickLead looked and the lead is not in Pipedrive, so
 * only an explicit "Create anyway" sends it again. Otherwise it could not even look.
 */
export class LeadNotConfirmed extends Error {
  constructor(
    readonly absent: boolean,
    options?: ErrorOptions,
  ) {
    super(absent ? 'The lead is not in Pipedrive.' : 'Pipedrive did not answer.', options);
    this.name = 'LeadNotConfirmed';
  }
}

export interface SendDeps {
  ledger: LeadSendLedger;
  lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
  now?: () => number;
  /** Whether the page is being left (see page-leaving.ts); never, by default. */
  page?: PageLifecycle;
  /** Told before each read that checks whether a lost create was stored; undefined once done. */
  onChecking?: (progress: RecoveryProgress | undefined) => void;
  /** When the checking reads happen (tests shorten the waits). */
  recovery?: Pick<RecoveryOptions, 'delaysMs' | 'sleep'>;
}

/**
 * At most one `POST /v1/leads` per draft, across retries, reloads and tabs. One tab at a time works
 * on a draft; a draft already sent returns its lead; a draft whose create went unanswered is looked
 * for before anything is sent again.
 */
export async function sendLeadOnce(transport: Transport, lead: LeadToSend, deps: SendDeps): Promise<Lead> {
  const { lock = withTabLock, page = ALWAYS_SHOWN } = deps;
  for (;;) {
    // A page being left starts nothing: it waits to be shown again. Checked again once the lock is
    // held, since the page may have started to go while it waited; then it lets go of the lock.
    if (page.isLeaving()) await page.shownAgain();
    const outcome = await lock(`quicklead.lead.${lead.draftId}`, async () =>
      page.isLeaving() ? LEFT : sendOrFind(transport, lead, deps),
    );
    if (outcome !== LEFT) return outcome;
  }
}

const LEFT = Symbol('page left');

/** With the draft's lock held: the lead this draft already made, or the one just sent. */
async function sendOrFind(transport: Transport, lead: LeadToSend, deps: SendDeps): Promise<Lead> {
  const { ledger, now = Date.now } = deps;
  const earlier = ledger.read(lead.draftId);
  if (earlier?.leadId) return getLead(transport, earlier.leadId);
  // Looked for as it was sent, even if the rep edited the title or contact since.
  if (earlier && !lead.force)
    return confirmSent(transport, lead.draftId, earlier.sent ?? lead.body, earlier.sentAt, deps);

  const sentAt = now();
  const { title, person_id, organization_id } = lead.body;
  ledger.write(lead.draftId, { sentAt, sent: { title, person_id, organization_id } });
  try {
    const created = await addLead(transport, lead.body);
    ledger.write(lead.draftId, { sentAt, leadId: created.id });
    return created;
  } catch (error) {
    if (!isAmbiguousFailure(error)) {
      // A clear refusal (4xx, including 429): nothing was stored.
      ledger.remove(lead.draftId);
      throw error;
    }
    return confirmSent(transport, lead.draftId, lead.body, sentAt, deps, error);
  }
}

async function confirmSent(
  transport: Transport,
  draftId: string,
  sent: SentLeadKey,
  sentAt: number,
  deps: SendDeps,
  cause?: unknown,
): Promise<Lead> {
  const { ledger, page = ALWAYS_SHOWN, onChecking } = deps;
  let found: Lead | undefined;
  try {
    found = await findSentLead(transport, sent, sentAt, {
      ...deps.recovery,
      onRead: onChecking,
      isLeaving: () => page.isLeaving(),
    });
  } catch (error) {
    // With the day's budget spent nothing can be checked until it resets: the caller waits, then
    // comes back here (the ledger still says the create went unanswered).
    if (budgetSpentUntil(error) !== undefined) throw error;
    throw new LeadNotConfirmed(false, { cause: cause ?? error });
  } finally {
    onChecking?.(undefined);
  }
  if (!found) throw new LeadNotConfirmed(true, { cause });
  ledger.write(draftId, { sentAt, leadId: found.id });
  return found;
}
