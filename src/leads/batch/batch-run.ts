import type { QueryClient } from '@tanstack/react-query';
import {
  type CreateOrganizationValues,
  type CreatePersonValues,
  toAddOrganizationRequest,
  toAddPersonRequest,
} from '@/contacts/create-contact-schemas.ts';
import { addOrganization } from '@/pipedrive/add-organization.ts';
import { addPerson } from '@/pipedrive/add-person.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { budgetSpentUntil, isShortWait, shortWaitMs } from '@/pipedrive/rate-limit.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { isAmbiguousFailure, RECOVERY_READ_DELAYS_MS } from '../send/find-sent-lead.ts';
import type { LeadSendLedger } from '../send/lead-send-ledger.ts';
import { ALWAYS_SHOWN, type PageLifecycle } from '../send/page-leaving.ts';
import { LeadNotConfirmed, sendLeadOnce } from '../send/send-lead-once.ts';
import { sendLeadParts } from '../send/send-lead-parts.ts';
import { describeSubmitError } from '../send/submit-errors.ts';
import { withTabLock } from '../send/tab-lock.ts';
import { type ContactStatus, lookUpBatchOrganization, lookUpBatchPerson } from './batch-contacts.ts';
import type { RowLead } from './batch-row.ts';
import { type ContactLedger, contactHash } from './contact-ledger.ts';
import type { RowEvent, RowState } from './row-state.ts';

/** A row to send: its lead, and the keys of the contacts it names (batch-contacts.ts). */
export interface PlannedRow {
  index: number;
  lead: RowLead;
  personKey?: string;
  organizationKey?: string;
}

export interface BatchPlan {
  batchId: string;
  rows: readonly PlannedRow[];
  persons: ReadonlyMap<string, CreatePersonValues>;
  organizations: ReadonlyMap<string, CreateOrganizationValues>;
}

export interface BatchRunState {
  rows: Readonly<Record<number, RowState>>;
  contacts: Readonly<Record<string, ContactStatus>>;
}

export interface RunDeps {
  client: QueryClient;
  transport: Transport;
  ledger: LeadSendLedger;
  contacts: ContactLedger;
  /** Read before every step: the rep's Pause (or the page going) stops the run between two calls. */
  shouldStop: () => boolean;
  onRow: (index: number, event: RowEvent) => void;
  onContact: (key: string, status: ContactStatus) => void;
  /** When Pipedrive's rate limit holds the batch, until when; undefined once it goes on. */
  onWaiting: (until: number | undefined) => void;
  lock?: <T>(name: string, task: () => Promise<T>) => Promise<T>;
  page?: PageLifecycle;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** When the reads looking for a contact whose create was not answered happen. */
  findDelaysMs?: readonly number[];
}

export type RunOutcome = { kind: 'done' } | { kind: 'stopped' } | { kind: 'budget-spent'; until: number };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How often a short 429 is waited out on one call before the row (or contact) fails. */
const SHORT_WAIT_RETRIES = 5;

class BudgetSpent extends Error {
  constructor(readonly until: number) {
    super('The company’s daily API budget is spent.');
  }
}

/** A contact create whose answer was lost, not found after: only the rep's retry creates it. */
class ContactNotConfirmed extends Error {}

/**
 * Sends the rows of a batch that are not created yet, one call at a time: the new organizations,
 * the new people (with their organization), then each row's lead and note. Every create goes
 * through a record shared by the browser's tabs before it leaves (the lead send ledger for leads
 * and notes, the contact ledger for contacts), under a Web Lock, so a reload, a second tab or a
 * retry never makes a second lead or person: a create whose answer was lost is looked for first.
 *
 * A short 429 (Pipedrive's burst or search limit) is waited out as it asks, then the same call is
 * sent again (a 429 was not processed); a spent daily budget stops the run until the rep resumes.
 */
export async function runBatch(plan: BatchPlan, state: BatchRunState, deps: RunDeps): Promise<RunOutcome> {
  const contacts = { ...state.contacts };
  const setContact = (key: string, status: ContactStatus) => {
    contacts[key] = status;
    deps.onContact(key, status);
  };
  const pending = plan.rows.filter((row) => state.rows[row.index]?.kind !== 'created');
  try {
    for (const [key, organization] of plan.organizations) {
      if (!pending.some((row) => row.organizationKey === key)) continue;
      if (deps.shouldStop()) return { kind: 'stopped' };
      const status = contacts[key];
      if (status?.kind !== 'new' && status?.kind !== 'failed') continue;
      const result = await contactOnce(
        plan.batchId,
        key,
        deps,
        {
          create: async () =>
            (await addOrganization(deps.transport, toAddOrganizationRequest(organization))).id,
          find: async () => (await lookUpBatchOrganization(deps.client, deps.transport, organization))?.id,
        },
        status.kind === 'failed',
      );
      setContact(key, result);
    }
    for (const [key, person] of plan.persons) {
      const rows = pending.filter((row) => row.personKey === key);
      if (rows.length === 0) continue;
      if (deps.shouldStop()) return { kind: 'stopped' };
      const status = contacts[key];
      if (status?.kind !== 'new' && status?.kind !== 'failed') continue;
      // The person works at the organization of the first row that names both.
      const organizationKey = rows.find((row) => row.organizationKey)?.organizationKey;
      const organizationId = organizationKey ? idOf(contacts[organizationKey]) : undefined;
      const result = await contactOnce(
        plan.batchId,
        key,
        deps,
        {
          create: async () =>
            (
              await addPerson(
                deps.transport,
                toAddPersonRequest({
                  ...person,
                  organization: organizationId ? { id: organizationId, name: '' } : null,
                }),
              )
            ).id,
          find: async () =>
            (await lookUpBatchPerson(deps.client, deps.transport, person, { fresh: true }))?.id,
        },
        status.kind === 'failed',
      );
      setContact(key, result);
    }
    for (const row of pending) {
      if (deps.shouldStop()) return { kind: 'stopped' };
      const before = state.rows[row.index];
      await sendRow(plan.batchId, row, contacts, deps, before?.kind === 'waiting' && before.absent === true);
    }
  } catch (error) {
    if (error instanceof BudgetSpent) return { kind: 'budget-spent', until: error.until };
    throw error;
  }
  return { kind: 'done' };
}

function idOf(status: ContactStatus | undefined): number | undefined {
  return status?.kind === 'found' || status?.kind === 'created' ? status.id : undefined;
}

/** Why a contact could not be created, for every row that names it. */
function contactFailure(error: unknown): ContactStatus {
  if (error instanceof ContactNotConfirmed) {
    return {
      kind: 'failed',
      reason:
        'Pipedrive did not confirm creating this contact, and QuickLead could not find it yet. Try again: QuickLead looks for it before creating it.',
    };
  }
  if (error instanceof ApiError && error.status < 500) {
    return { kind: 'failed', reason: `Pipedrive did not create the contact: ${error.reason}` };
  }
  return { kind: 'failed', reason: 'QuickLead could not reach Pipedrive to create the contact. Try again.' };
}

/** A call, sent again after each short 429 it meets; a spent budget stops the run. */
async function withinLimits<T>(call: () => Promise<T>, deps: RunDeps): Promise<T> {
  const { sleep = pause, now = Date.now } = deps;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const until = budgetSpentUntil(error);
      if (until !== undefined) throw new BudgetSpent(until);
      if (!isShortWait(error) || attempt >= SHORT_WAIT_RETRIES) throw error;
      // At least a second: a 429 without Retry-After still asks for a pause.
      const wait = Math.max(shortWaitMs(error), 1000);
      deps.onWaiting(now() + wait);
      await sleep(wait);
      deps.onWaiting(undefined);
    }
  }
}

/**
 * One new contact, created at most once across reloads and tabs: recorded before it leaves; one
 * that was sent but not answered is looked for (exact searches, which trail a create by a few
 * seconds, so read again over about 7 s) before anything is sent again, and without `force` is
 * never sent blindly.
 */
async function contactOnce(
  batchId: string,
  key: string,
  deps: RunDeps,
  calls: { create: () => Promise<number>; find: () => Promise<number | undefined> },
  /** The rep's retry of a contact that failed: after one more look, send it. */
  force: boolean,
): Promise<ContactStatus> {
  const { lock = withTabLock, now = Date.now, sleep = pause } = deps;
  const contactId = `${batchId}:${contactHash(key)}`;
  const look = async (): Promise<number | undefined> => {
    for (const delay of deps.findDelaysMs ?? RECOVERY_READ_DELAYS_MS) {
      if (delay > 0) await sleep(delay);
      const found = await withinLimits(calls.find, deps);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  try {
    const id = await lock(`quicklead.batch-contact.${contactId}`, async () => {
      const earlier = deps.contacts.read(contactId);
      if (earlier?.id !== undefined) return earlier.id;
      if (earlier) {
        const found = await look();
        // Looked for twice now (the rep's retry after the first look): it was not stored.
        if (found === undefined && !force) throw new ContactNotConfirmed('Not confirmed');
        if (found === undefined) return sendNow();
        deps.contacts.write(contactId, { ...earlier, id: found });
        return found;
      }
      return sendNow();
    });
    return { kind: 'created', id };
  } catch (error) {
    if (error instanceof BudgetSpent) throw error;
    return contactFailure(error);
  }

  async function sendNow(): Promise<number> {
    const sentAt = now();
    deps.contacts.write(contactId, { sentAt });
    try {
      const created = await withinLimits(calls.create, deps);
      deps.contacts.write(contactId, { sentAt, id: created });
      return created;
    } catch (error) {
      if (!isAmbiguousFailure(error)) {
        // A clear refusal: nothing was stored.
        deps.contacts.remove(contactId);
        throw error;
      }
      const found = await look();
      if (found === undefined) throw new ContactNotConfirmed('Not confirmed', { cause: error });
      deps.contacts.write(contactId, { sentAt, id: found });
      return found;
    }
  }
}

/** One row's lead (and note), through the single form's exactly-once send. */
async function sendRow(
  batchId: string,
  row: PlannedRow,
  contacts: Readonly<Record<string, ContactStatus>>,
  deps: RunDeps,
  /** The rep's retry of a row whose lead was looked for and is not in Pipedrive. */
  force: boolean,
): Promise<void> {
  const person = row.personKey ? contacts[row.personKey] : undefined;
  const organization = row.organizationKey ? contacts[row.organizationKey] : undefined;
  const failedContact = [person, organization].find((status) => status?.kind === 'failed');
  deps.onRow(row.index, { type: 'send' });
  if (failedContact?.kind === 'failed') {
    deps.onRow(row.index, { type: 'failed', reason: failedContact.reason });
    return;
  }
  const personId = idOf(person);
  const organizationId = idOf(organization);
  const draftId = `batch:${batchId}:${row.index}`;
  const body = {
    ...row.lead.body,
    ...(personId === undefined ? {} : { person_id: personId }),
    ...(organizationId === undefined ? {} : { organization_id: organizationId }),
  };
  const create = {
    draftId,
    body,
    force,
    ...(row.lead.noteHtml ? { note: { content: row.lead.noteHtml } } : {}),
  };
  const sendDeps = { ledger: deps.ledger, page: deps.page ?? ALWAYS_SHOWN, lock: deps.lock };
  try {
    const lead = await withinLimits(() => sendLeadOnce(deps.transport, create, sendDeps), deps);
    // The row counts as created once its lead is: a note that failed is said on the row, not resent blindly.
    if (create.note) await sendLeadParts(deps.transport, lead, create, sendDeps);
    deps.onRow(row.index, { type: 'created', leadId: lead.id });
  } catch (error) {
    if (error instanceof BudgetSpent) {
      deps.onRow(row.index, { type: 'interrupted' });
      throw error;
    }
    deps.onRow(row.index, { type: 'failed', ...rowFailure(error) });
  }
}

/** Why a row's lead was not created, in the batch's words; `absent` when it was looked for and is not there. */
function rowFailure(error: unknown): { reason: string; absent?: true } {
  if (error instanceof LeadNotConfirmed) {
    return error.absent
      ? {
          reason: 'Pipedrive did not confirm this lead, and it is not in Pipedrive. Try again to send it.',
          absent: true,
        }
      : {
          reason:
            'Pipedrive did not answer, so QuickLead cannot tell whether this lead was stored. Try again: QuickLead looks for it before sending it again.',
        };
  }
  return {
    reason: describeSubmitError(error, () => undefined).message.replace(
      / ?(What you typed is still here|Select|select) .*$/,
      '',
    ),
  };
}
