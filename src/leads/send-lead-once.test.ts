import { describe, expect, it } from 'vitest';
import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
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

function setUp(faultFor?: FaultFor) {
  const { sandbox, token } = createSandboxTransport();
  const requests: ApiRequest[] = [];
  const inner = transportWithToken(sandbox, () => token, faultFor);
  const transport: Transport = (request) => {
    requests.push(request);
    return inner(request);
  };
  const ledger: LeadSendLedger = storageLedger({ shared: memoryStorage(), tab: memoryStorage() });
  const posts = () => requests.filter((request) => request.method === 'POST').length;
  return { sandbox, transport, ledger, lock: memoryLocks(), posts };
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

  it('a connection dropped after the lead was stored: found by search, recorded, never sent again', async () => {
    let drops = 1;
    const { sandbox, transport, ledger, lock, posts } = setUp((request) =>
      request.method === 'POST' && drops-- > 0 ? { path: '/api/v1/leads', dropAfterStore: true } : undefined,
    );
    const found = await sendLeadOnce(transport, { draftId: 'd', body }, { ledger, lock });
    expect(ledger.read('d')?.leadId).toBe(found.id);
    await sendLeadOnce(transport, { draftId: 'd', body }, { ledger, lock });
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('after a lost answer the rep edits the title: the lead is looked for as it was sent, not sent again', async () => {
    let drops = 1;
    const { sandbox, transport, ledger, lock, posts } = setUp((request) =>
      request.method === 'POST' && drops-- > 0 ? { path: '/api/v1/leads', dropAfterStore: true } : undefined,
    );
    // The lookup after the drop fails too, so the first send ends unconfirmed.
    let searchFails = 1;
    const flaky: Transport = (request) =>
      request.path.includes('/leads/search') && searchFails-- > 0
        ? Promise.reject(new TypeError('Failed to fetch'))
        : transport(request);
    await expect(sendLeadOnce(flaky, { draftId: 'g', body }, { ledger, lock })).rejects.toEqual(
      new LeadNotConfirmed(false),
    );
    const edited = { ...body, title: 'Forty-two chairs for Globex' };
    const found = await sendLeadOnce(flaky, { draftId: 'g', body: edited }, { ledger, lock });
    expect(found.title).toBe(body.title);
    expect(posts()).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a 500 before storing: not found, a plain resend only looks again, "force" sends it', async () => {
    let failures = 1;
    const { sandbox, transport, ledger, lock, posts } = setUp((request) =>
      request.method === 'POST' && failures-- > 0 ? { path: '/api/v1/leads', status: 500 } : undefined,
    );
    const draft = { draftId: 'e', body };
    await expect(sendLeadOnce(transport, draft, { ledger, lock })).rejects.toEqual(
      new LeadNotConfirmed(true),
    );
    await expect(sendLeadOnce(transport, draft, { ledger, lock })).rejects.toBeInstanceOf(LeadNotConfirmed);
    expect(posts()).toBe(1);
    await sendLeadOnce(transport, { ...draft, force: true }, { ledger, lock });
    expect(posts()).toBe(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
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
