import { describe, expect, it } from 'vitest';
import { type AddLeadRequest, addLead } from '@/pipedrive/add-lead.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import { RECOVERY_PAGE_SIZE } from './find-sent-lead.ts';
import { type LeadSendLedger, storageLedger } from './lead-send-ledger.ts';
import { LeadNotConfirmed, sendLeadOnce } from './send-lead-once.ts';

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

function setUp(faultFor?: FaultFor, options: { searchLagMs?: number } = {}) {
  const { sandbox, token } = createSandboxTransport(options);
  const requests: ApiRequest[] = [];
  const inner = transportWithToken(sandbox, () => token, faultFor);
  const transport: Transport = (request) => {
    requests.push(request);
    return inner(request);
  };
  const ledger: LeadSendLedger = storageLedger({ shared: memoryStorage(), tab: memoryStorage() });
  const posts = () => requests.filter((request) => request.method === 'POST').length;
  /** The reads that look for a lost create: `GET /api/v1/leads` of its contact. */
  const lookups = () =>
    requests.filter((request) => request.method === 'GET' && request.path === '/api/v1/leads');
  // The waits between those reads are recorded, not slept.
  const waits: number[] = [];
  const recovery = {
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
  return { sandbox, transport, ledger, lock: memoryLocks(), posts, lookups, requests, waits, recovery };
}

const body: AddLeadRequest = { title: 'Forty chairs for Globex', organization_id: 2 };

describe('sendLeadOnce', () => {
  it('two tabs sending the same draft at once make one lead, and both show it', async () => {
    const { sandbox, transport, ledger, lock, posts } = setUp();
    const draft = { draftId: 'draft-1', body };
    const [first, second] = await Promise.all([
      sendLeadOnce(transport, draft, { ledger, lock }),
      sendLeadOnce(transport, draft, { ledger, lock }),
    ]);
    expect(posts()).toBe(1);
    expect(second.id).toBe(first.id);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('different drafts with the same content are different leads', async () => {
    const { sandbox, transport, ledger, lock } = setUp();
    await sendLeadOnce(transport, { draftId: 'a', body }, { ledger, lock });
    await sendLeadOnce(transport, { draftId: 'b', body }, { ledger, lock });
    expect(sandbox.store.crm.countLeads()).toBe(2);
  });

  it('a connection dropped after the lead was stored: found where leads are stored, though the search index lags', async () => {
    let drops = 1;
    const { sandbox, transport, ledger, lock, posts, lookups, requests, recovery } = setUp(
      (request) =>
        request.method === 'POST' && drops-- > 0
          ? { path: '/api/v1/leads', dropAfterStore: true }
          : undefined,
      { searchLagMs: 5000 },
    );
    const checking: unknown[] = [];
    const found = await sendLeadOnce(
      transport,
      { draftId: 'd', body },
      { ledger, lock, recovery, onChecking: (progress) => checking.push(progress) },
    );
    expect(found.title).toBe(body.title);
    expect(ledger.read('d')?.leadId).toBe(found.id);
    // One read: the organization's leads, newest first; the lagging search index is not asked.
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]?.query).toMatchObject({
      organization_id: 2,
      sort: 'add_time DESC',
      limit: RECOVERY_PAGE_SIZE,
    });
    expect(requests.some((request) => request.path.includes('/search'))).toBe(false);
    expect(checking).toEqual([{ read: 1, of: 3 }, undefined]);

    await sendLeadOnce(transport, { draftId: 'd', body }, { ledger, lock, recovery });
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);

    // Meanwhile the search index has not caught up: a search would have said "not there".
    const searched = await transport({
      method: 'GET',
      path: '/api/v2/leads/search',
      query: { term: body.title, exact_match: 'true' },
    });
    expect(((await searched.json()) as { data: { items: unknown[] } }).data.items).toEqual([]);
  });

  it('looks a lead sent with a person up by that person', async () => {
    let drops = 1;
    const { transport, ledger, lock, lookups, recovery } = setUp((request) =>
      request.method === 'POST' && drops-- > 0 ? { path: '/api/v1/leads', dropAfterStore: true } : undefined,
    );
    const withPerson = { title: 'Ada wants chairs', person_id: 1, organization_id: 2 };
    const found = await sendLeadOnce(
      transport,
      { draftId: 'p', body: withPerson },
      { ledger, lock, recovery },
    );
    expect(found).toMatchObject({ title: 'Ada wants chairs', person_id: 1, organization_id: 2 });
    expect(lookups()[0]?.query).toMatchObject({ person_id: 1 });
    expect(lookups()[0]?.query?.organization_id).toBeUndefined();
  });

  it('after a lost answer the rep edits the title: the lead is looked for as it was sent, not sent again', async () => {
    let drops = 1;
    const { sandbox, transport, ledger, lock, posts, recovery } = setUp((request) =>
      request.method === 'POST' && drops-- > 0 ? { path: '/api/v1/leads', dropAfterStore: true } : undefined,
    );
    // Every read after the drop fails too, so the first send ends unconfirmed.
    let listFails = 3;
    const flaky: Transport = (request) =>
      request.method === 'GET' && request.path === '/api/v1/leads' && listFails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : transport(request);
    await expect(sendLeadOnce(flaky, { draftId: 'g', body }, { ledger, lock, recovery })).rejects.toEqual(
      new LeadNotConfirmed(false),
    );
    const edited = { ...body, title: 'Forty-two chairs for Globex' };
    const found = await sendLeadOnce(flaky, { draftId: 'g', body: edited }, { ledger, lock, recovery });
    expect(found.title).toBe(body.title);
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a 201 whose body QuickLead cannot use is no refusal: the stored lead is looked for, kept in the ledger, never sent again', async () => {
    const { sandbox, transport, ledger, lock, posts, lookups, recovery } = setUp();
    let mangled = 1;
    const odd: Transport = async (request) => {
      const answer = await transport(request);
      // Pipedrive stored the lead; the answer's data is not a lead QuickLead can read.
      if (request.method !== 'POST' || mangled-- <= 0) return answer;
      return Response.json({ success: true, data: { note: 'not a lead' } }, { status: answer.status });
    };
    const found = await sendLeadOnce(odd, { draftId: 'odd', body }, { ledger, lock, recovery });
    expect(found.title).toBe(body.title);
    expect(lookups()).toHaveLength(1);
    expect(ledger.read('odd')?.leadId).toBe(found.id);
    await sendLeadOnce(odd, { draftId: 'odd', body }, { ledger, lock, recovery });
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a 500 before storing: three reads over about 7 s find nothing, a plain resend only looks again, "force" sends it', async () => {
    let failures = 1;
    const { sandbox, transport, ledger, lock, posts, lookups, waits, recovery } = setUp((request) =>
      request.method === 'POST' && failures-- > 0 ? { path: '/api/v1/leads', status: 500 } : undefined,
    );
    const draft = { draftId: 'e', body };
    await expect(sendLeadOnce(transport, draft, { ledger, lock, recovery })).rejects.toEqual(
      new LeadNotConfirmed(true),
    );
    expect(lookups()).toHaveLength(3);
    expect(waits).toEqual([2000, 5000]);
    await expect(sendLeadOnce(transport, draft, { ledger, lock, recovery })).rejects.toBeInstanceOf(
      LeadNotConfirmed,
    );
    expect(posts()).toBe(1);
    expect(lookups()).toHaveLength(6);
    await sendLeadOnce(transport, { ...draft, force: true }, { ledger, lock, recovery });
    expect(posts()).toBe(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a create Pipedrive finishes after its 503: a later read finds it, and nothing is sent again', async () => {
    const { sandbox, transport, ledger, lock, posts, lookups, recovery } = setUp();
    let finishLate: (() => Promise<unknown>) | undefined;
    const slow: Transport = async (request) => {
      if (request.method === 'POST') {
        // The gateway gives up; the create itself completes a moment later.
        finishLate = () => transport(request);
        return Response.json({ success: false, error: 'Service unavailable' }, { status: 503 });
      }
      const answer = await transport(request);
      await finishLate?.();
      finishLate = undefined;
      return answer;
    };
    const found = await sendLeadOnce(slow, { draftId: 'late', body }, { ledger, lock, recovery });
    expect(found.title).toBe(body.title);
    expect(lookups()).toHaveLength(2);
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('pages on when more leads of the contact were added since the send than one read shows', async () => {
    const { transport, ledger, lock, lookups, waits, recovery } = setUp((request) =>
      request.method === 'POST' && request.body === body
        ? { path: '/api/v1/leads', dropAfterStore: true }
        : undefined,
    );
    // While the answer is lost, colleagues add a page's worth of leads for Globex: the newest page is theirs.
    const busy: Transport = async (request) => {
      try {
        return await transport(request);
      } catch (error) {
        // Later by the clock, so newest first puts them before the lead sent (equal times keep stored order).
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (let i = 0; i < RECOVERY_PAGE_SIZE; i++)
          await addLead(transport, { title: `Globex lead ${i}`, organization_id: 2 });
        throw error;
      }
    };
    const found = await sendLeadOnce(busy, { draftId: 'busy', body }, { ledger, lock, recovery });
    expect(found.title).toBe(body.title);
    // The second page is read at once, in the same look.
    expect(lookups().map((request) => request.query?.start)).toEqual([undefined, RECOVERY_PAGE_SIZE]);
    expect(waits).toEqual([]);
  });

  it('a read refused as a spent daily budget stops the reads and says so, for the caller to wait', async () => {
    const { transport, ledger, lock, lookups, recovery } = setUp((request) =>
      request.method === 'POST'
        ? { path: '/api/v1/leads', status: 502 }
        : request.path === '/api/v1/leads'
          ? { path: '/api/v1/leads', status: 429, retryAfterSeconds: 3939 }
          : undefined,
    );
    await expect(
      sendLeadOnce(transport, { draftId: 'b', body }, { ledger, lock, recovery }),
    ).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3939,
    });
    expect(lookups()).toHaveLength(1);
    // Still unanswered: the next attempt looks for it before sending anything.
    expect(ledger.read('b')).toMatchObject({ sent: { title: body.title } });
  });

  it('a short 429 on a read waits its Retry-After before the next read', async () => {
    let limited = 1;
    const { transport, ledger, lock, lookups, waits, recovery } = setUp((request) =>
      request.method === 'POST'
        ? { path: '/api/v1/leads', dropAfterStore: true }
        : request.path === '/api/v1/leads' && limited-- > 0
          ? { path: '/api/v1/leads', status: 429, retryAfterSeconds: 4 }
          : undefined,
    );
    const found = await sendLeadOnce(transport, { draftId: 's', body }, { ledger, lock, recovery });
    expect(found.title).toBe(body.title);
    expect(lookups()).toHaveLength(2);
    expect(waits).toEqual([4000]);
  });

  it('a clear refusal (429, 400) forgets the attempt, so the next send goes straight out', async () => {
    let limited = 1;
    const { transport, ledger, lock, posts } = setUp((request) =>
      request.method === 'POST' && limited-- > 0
        ? { path: '/api/v1/leads', status: 429, retryAfterSeconds: 1 }
        : undefined,
    );
    await expect(sendLeadOnce(transport, { draftId: 'f', body }, { ledger, lock })).rejects.toMatchObject({
      status: 429,
    });
    expect(ledger.read('f')).toBeUndefined();
    await sendLeadOnce(transport, { draftId: 'f', body }, { ledger, lock });
    expect(posts()).toBe(2);
  });
});

describe('sendLeadOnce on a page being left', () => {
  /** A page that can be left and shown again, as `pagehide` and `pageshow` do. */
  function lifecycle() {
    let leaving = false;
    let show: () => void = () => undefined;
    return {
      page: {
        isLeaving: () => leaving,
        shownAgain: () => new Promise<void>((resolve) => (show = resolve)),
      },
      leave: () => {
        leaving = true;
      },
      showAgain: () => {
        leaving = false;
        show();
      },
    };
  }

  it('starts nothing once the page goes, even after waiting for the lock; shown again, it reads what the next page did', async () => {
    const { sandbox, transport, ledger, lock, posts } = setUp();
    const draft = { draftId: 'left', body };
    const leftPage = lifecycle();
    // Another tab holds the draft's lock while this page asks for it, then the page starts to go.
    let release: () => void = () => undefined;
    const held = lock('quicklead.lead.left', () => new Promise<void>((resolve) => (release = resolve)));
    const leavingPage = sendLeadOnce(transport, draft, { ledger, lock, page: leftPage.page });
    await new Promise((resolve) => setTimeout(resolve, 0));
    leftPage.leave();
    release();
    await held;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(posts()).toBe(0);
    expect(ledger.read('left')).toBeUndefined();

    // The next page sends it; shown again after all, this one finds it sent.
    const sent = await sendLeadOnce(transport, draft, { ledger, lock });
    leftPage.showAgain();
    expect((await leavingPage).id).toBe(sent.id);
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a page already being left waits before it even reads the ledger', async () => {
    const { transport, ledger, lock, posts } = setUp();
    const leftPage = lifecycle();
    leftPage.leave();
    let settled = false;
    const waiting = sendLeadOnce(
      transport,
      { draftId: 'gone', body },
      { ledger, lock, page: leftPage.page },
    ).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    expect(posts()).toBe(0);
    expect(ledger.read('gone')).toBeUndefined();
    leftPage.showAgain();
    await waiting;
    expect(posts()).toBe(1);
  });
});

describe('storageLedger', () => {
  it('forgets entries after a day and ignores what it did not write', () => {
    const storage = memoryStorage();
    let now = 1_000_000;
    const ledger = storageLedger({ shared: storage, tab: memoryStorage(), now: () => now });
    ledger.write('old', { sentAt: now });
    now += 25 * 60 * 60_000;
    ledger.write('new', { sentAt: now, leadId: 'abc' });
    expect(ledger.read('old')).toBeUndefined();
    expect(ledger.read('new')).toEqual({ sentAt: now, leadId: 'abc' });
    storage.setItem('quicklead.sent-leads.v1', '{"x":{"sentAt":"soon"},"y":');
    expect(ledger.read('x')).toBeUndefined();
  });

  it('keeps what was sent with the tab, never in the storage every tab shares, and drops it once the lead is known', () => {
    const shared = memoryStorage();
    const tab = memoryStorage();
    const ledger = storageLedger({ shared, tab, now: () => 5 });
    ledger.write('h', { sentAt: 1, sent: { title: 'Ada wants chairs', person_id: 1 } });
    expect(ledger.read('h')?.sent).toEqual({ title: 'Ada wants chairs', person_id: 1 });
    expect(shared.getItem('quicklead.sent-leads.v1')).not.toContain('Ada');
    expect(tab.getItem('quicklead.sent-lead-keys.v1')).toContain('Ada');
    // Another tab, not duplicated from this one, shares the ids but not the content.
    expect(storageLedger({ shared, tab: memoryStorage(), now: () => 5 }).read('h')).toEqual({ sentAt: 1 });
    ledger.write('h', { sentAt: 1, leadId: 'abc' });
    expect(tab.getItem('quicklead.sent-lead-keys.v1')).toBeNull();
  });
});
