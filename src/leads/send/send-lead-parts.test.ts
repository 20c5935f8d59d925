import { describe, expect, it } from 'vitest';
import { addLead } from '@/pipedrive/add-lead.ts';
import { noteTextToHtml } from '@/pipedrive/note-html.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import { PART_RECOVERY_PAGE_SIZE } from './find-sent-part.ts';
import { type LeadSendLedger, storageLedger } from './lead-send-ledger.ts';
import type { LeadToSend } from './send-lead-once.ts';
import { missingParts, sendLeadParts } from './send-lead-parts.ts';

/** Web Locks as two tabs see them: one holder per name at a time, the rest wait in order. */
function memoryLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
}

const isPost = (request: ApiRequest, path: string) => request.method === 'POST' && request.path === path;

/** A lead already created by this draft (as `sendLeadOnce` leaves it), then its parts to send. */
async function setUp(faultFor?: FaultFor) {
  const { sandbox, token } = createSandboxTransport();
  const requests: ApiRequest[] = [];
  const inner = transportWithToken(sandbox, () => token, faultFor);
  const transport: Transport = (request) => {
    requests.push(request);
    return inner(request);
  };
  const lead = await addLead(inner, { title: 'Chairs for Globex', organization_id: 2 });
  const ledger: LeadSendLedger = storageLedger({ shared: memoryStorage(), tab: memoryStorage() });
  ledger.write('draft', { sentAt: Date.now(), leadId: lead.id });
  const waits: number[] = [];
  const deps = {
    ledger,
    lock: memoryLocks(),
    recovery: {
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    },
  };
  const count = (method: string, path: string) =>
    requests.filter((request) => request.method === method && request.path === path).length;
  const stored = {
    notes: () => sandbox.store.crm.followUps.listNotes().filter((note) => note.leadId === lead.id),
    activities: () =>
      sandbox.store.crm.followUps.listActivities().filter((activity) => activity.leadId === lead.id),
  };
  return { sandbox, transport, lead, ledger, deps, requests, count, stored, waits };
}

const create: LeadToSend = {
  draftId: 'draft',
  body: { title: 'Chairs for Globex', organization_id: 2 },
  note: { content: noteTextToHtml('Wants 40 chairs <soon>\nCall back & confirm') },
  followUp: {
    subject: 'Follow up: Chairs for Globex',
    type: 'call',
    owner_id: 21000001,
    due_date: '2026-12-01',
    due_time: '08:00',
  },
};

describe('sendLeadParts: the note and the follow-up, once each', () => {
  it('adds both to the lead, in parallel, and records their ids', async () => {
    const { transport, lead, ledger, deps, count, stored } = await setUp();
    const sent = await sendLeadParts(transport, lead, create, deps);
    expect(sent.note).toEqual({
      saved: expect.objectContaining({ lead_id: lead.id, content: create.note?.content }),
    });
    expect(sent.followUp).toEqual({
      saved: expect.objectContaining({
        lead_id: lead.id,
        type: 'call',
        due_date: '2026-12-01',
        due_time: '08:00:00',
      }),
    });
    expect(missingParts(sent)).toEqual([]);
    expect(count('POST', '/api/v1/notes')).toBe(1);
    expect(count('POST', '/api/v2/activities')).toBe(1);
    expect(stored.notes()).toHaveLength(1);
    expect(stored.activities()).toHaveLength(1);
    expect(ledger.read('draft')?.parts).toEqual({
      note: { sentAt: expect.any(Number), id: stored.notes()[0]?.id },
      followUp: { sentAt: expect.any(Number), id: stored.activities()[0]?.id },
    });
  });

  it('sends only what the lead asks for', async () => {
    const { transport, lead, deps, count } = await setUp();
    const sent = await sendLeadParts(transport, lead, { ...create, followUp: undefined }, deps);
    expect(sent.followUp).toBeUndefined();
    expect(count('POST', '/api/v2/activities')).toBe(0);
    expect(count('POST', '/api/v1/notes')).toBe(1);
  });

  it('two tabs sending the same draft make one note and one follow-up; the second tab shows them from the record', async () => {
    const { transport, lead, deps, count, stored } = await setUp();
    const [first, second] = await Promise.all([
      sendLeadParts(transport, lead, create, deps),
      sendLeadParts(transport, lead, create, deps),
    ]);
    expect(count('POST', '/api/v1/notes')).toBe(1);
    expect(count('POST', '/api/v2/activities')).toBe(1);
    expect(stored.notes()).toHaveLength(1);
    expect(second.note).toEqual({
      saved: expect.objectContaining({ id: stored.notes()[0]?.id, content: create.note?.content }),
    });
    expect(second.followUp).toEqual({ saved: expect.objectContaining({ id: stored.activities()[0]?.id }) });
    expect(first.note).toEqual({ saved: expect.objectContaining({ id: stored.notes()[0]?.id }) });
  });

  it('the connection dropped after the note was stored: found on the lead, not sent again', async () => {
    let drops = 1;
    const { transport, lead, ledger, deps, count, stored } = await setUp((request) =>
      isPost(request, '/api/v1/notes') && drops-- > 0 ? { dropAfterStore: true } : undefined,
    );
    const checking: unknown[] = [];
    const sent = await sendLeadParts(transport, lead, create, {
      ...deps,
      onChecking: (progress) => checking.push(progress),
    });
    expect(sent.note).toEqual({ saved: expect.objectContaining({ id: stored.notes()[0]?.id }) });
    expect(count('POST', '/api/v1/notes')).toBe(1);
    expect(count('GET', '/api/v1/notes')).toBe(1);
    expect(checking).toEqual([{ read: 1, of: 3, part: 'note' }, undefined]);
    expect(stored.notes()).toHaveLength(1);
    expect(ledger.read('draft')?.parts?.note?.id).toBe(stored.notes()[0]?.id);

    // A reload, or the card's Retry: nothing more is sent.
    await sendLeadParts(transport, lead, create, deps);
    expect(count('POST', '/api/v1/notes')).toBe(1);
    expect(stored.notes()).toHaveLength(1);
  });

  it('the note fails with a 500 before it was stored: looked for, missing, then sent once on Retry', async () => {
    let failures = 1;
    const { transport, lead, deps, count, stored, waits } = await setUp((request) =>
      isPost(request, '/api/v1/notes') && failures-- > 0 ? { status: 500 } : undefined,
    );
    const sent = await sendLeadParts(transport, lead, create, deps);
    expect(sent.note).toEqual({
      missing: { why: 'Pipedrive did not confirm it, and it is not on the lead.', absent: true },
    });
    // The follow-up does not wait on the note, nor fail with it.
    expect(sent.followUp).toEqual({ saved: expect.objectContaining({ type: 'call' }) });
    expect(missingParts(sent)).toEqual(['note']);
    expect(count('GET', '/api/v1/notes')).toBe(3);
    expect(waits).toEqual([2000, 5000]);

    // Without the rep's Retry a second send only looks again; with it, the note is sent.
    const again = await sendLeadParts(transport, lead, create, deps);
    expect(again.note).toMatchObject({ missing: { absent: true } });
    expect(count('POST', '/api/v1/notes')).toBe(1);
    const retried = await sendLeadParts(transport, lead, { ...create, forceParts: missingParts(sent) }, deps);
    expect(retried.note).toEqual({ saved: expect.objectContaining({ lead_id: lead.id }) });
    expect(count('POST', '/api/v1/notes')).toBe(2);
    expect(count('POST', '/api/v2/activities')).toBe(1);
    expect(stored.notes()).toHaveLength(1);
    expect(stored.activities()).toHaveLength(1);
  });

  it('a clear refusal says why in Pipedrive’s words and is forgotten, so Retry sends it', async () => {
    let refusals = 1;
    const { transport, lead, ledger, deps, count, stored } = await setUp((request) =>
      isPost(request, '/api/v2/activities') && refusals-- > 0 ? { status: 400 } : undefined,
    );
    const sent = await sendLeadParts(transport, lead, create, deps);
    expect(sent.followUp).toEqual({
      missing: { why: 'Pipedrive did not let QuickLead add the follow-up: Bad request', absent: true },
    });
    expect(count('GET', '/api/v2/activities')).toBe(0);
    expect(ledger.read('draft')?.parts?.followUp).toBeUndefined();
    const retried = await sendLeadParts(transport, lead, create, deps);
    expect(retried.followUp).toMatchObject({ saved: { type: 'call' } });
    expect(count('POST', '/api/v1/notes')).toBe(1);
    expect(stored.activities()).toHaveLength(1);
  });

  it('a token without activities:full: the note is saved, the follow-up names the missing scope', async () => {
    const { sandbox, lead, deps } = await setUp();
    const narrow = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: 21000001,
      scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'],
    }).accessToken.token;
    const sent = await sendLeadParts(
      transportWithToken(sandbox, () => narrow),
      lead,
      create,
      deps,
    );
    expect(sent.note).toMatchObject({ saved: { lead_id: lead.id } });
    expect(sent.followUp).toEqual({
      missing: {
        why: expect.stringMatching(
          /^QuickLead’s access to Pipedrive is missing Schedule activities \(activities:full\)/,
        ),
        absent: true,
      },
    });
  });

  it('when the reads cannot tell, the part is missing but not known absent: Retry looks before it sends', async () => {
    let drops = 1;
    const {
      transport: inner,
      lead,
      deps,
      count,
      stored,
    } = await setUp((request) =>
      isPost(request, '/api/v2/activities') && drops-- > 0 ? { dropAfterStore: true } : undefined,
    );
    let listFails = 3;
    const flaky: Transport = (request) =>
      request.method === 'GET' && request.path === '/api/v2/activities' && listFails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : inner(request);
    const sent = await sendLeadParts(flaky, lead, create, deps);
    expect(sent.followUp).toEqual({
      missing: {
        why: 'Pipedrive did not answer, so QuickLead cannot tell yet whether it was saved. Retry looks for it first.',
        absent: false,
      },
    });
    const retried = await sendLeadParts(flaky, lead, { ...create, forceParts: [] }, deps);
    expect(retried.followUp).toMatchObject({ saved: { id: stored.activities()[0]?.id } });
    expect(count('POST', '/api/v2/activities')).toBe(1);
    expect(stored.activities()).toHaveLength(1);
  });

  it('an activity is recognised by what was sent, not by another one on the lead', async () => {
    let drops = 1;
    const { sandbox, transport, lead, deps, requests, stored } = await setUp((request) =>
      isPost(request, '/api/v2/activities') && drops-- > 0 ? { dropAfterStore: true } : undefined,
    );
    // A colleague scheduled a meeting on the lead in Pipedrive meanwhile.
    sandbox.store.crm.followUps.addActivity({
      subject: 'Follow up: Chairs for Globex',
      type: 'meeting',
      ownerId: 21000002,
      creatorUserId: 21000002,
      leadId: lead.id,
      dealId: null,
      personId: null,
      orgId: null,
      dueDate: '2026-12-01',
      dueTime: '08:00:00',
      duration: null,
      busy: false,
      done: false,
      note: null,
      publicDescription: null,
      priority: null,
      addTime: Date.now(),
    });
    const sent = await sendLeadParts(transport, lead, { ...create, note: undefined }, deps);
    const ours = stored.activities().find((activity) => activity.type === 'call');
    expect(sent.followUp).toEqual({ saved: expect.objectContaining({ id: ours?.id, type: 'call' }) });
    const lookup = requests.find(
      (request) => request.method === 'GET' && request.path === '/api/v2/activities',
    );
    expect(lookup?.query).toMatchObject({
      lead_id: lead.id,
      sort_by: 'add_time',
      sort_direction: 'desc',
      limit: PART_RECOVERY_PAGE_SIZE,
    });
  });
});
