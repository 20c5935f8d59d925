import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addLead } from '@/pipedrive/add-lead.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import { keepConversion, loadKeptConversion } from '../card/kept-conversion.ts';
import type { ConversionView } from './conversion-view.ts';
import { FOLLOW_LIMIT_MS, LeadConversion } from './lead-conversion.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('sessionStorage', memoryStorage());
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

interface Sent {
  request: ApiRequest;
  /** Milliseconds since the test's start, on the faked clock. */
  at: number;
}

/** A sandbox converting in `conversionMs`, a lead in it, and a transport that notes what is sent when. */
async function setUp(options: { conversionMs: number; faultFor?: FaultFor; title?: string }) {
  const { sandbox, transport: plain, token } = createSandboxTransport({ conversionMs: options.conversionMs });
  const lead = await addLead(plain, { title: options.title ?? 'Convert me', person_id: 1 });
  const faulting = transportWithToken(sandbox, () => token, options.faultFor);
  const started = Date.now();
  const sent: Sent[] = [];
  const transport: Transport = (request) => {
    sent.push({ request, at: Date.now() - started });
    return faulting(request);
  };
  const views: ConversionView[] = [];
  const follow = (conversion: LeadConversion) => {
    conversion.subscribe(() => views.push(conversion.view));
    return conversion;
  };
  const conversion = follow(new LeadConversion(lead.id, transport));
  const starts = () => sent.filter(({ request }) => request.method === 'POST');
  const polls = () => sent.filter(({ request }) => request.path.includes('/convert/status/'));
  const deals = () => sandbox.store.crm.listDeals().filter((deal) => deal.lead_id === lead.id);
  return { sandbox, lead, transport, conversion, views, follow, sent, starts, polls, deals };
}

describe('LeadConversion', () => {
  it('asks once, then reads the status after 0.5, 1, 2 and 4 s until the deal exists', async () => {
    const { conversion, views, starts, polls, deals, lead } = await setUp({ conversionMs: 6_000 });

    conversion.start();
    expect(conversion.view).toEqual({ step: 'requesting' });
    await vi.advanceTimersByTimeAsync(8_000);

    expect(starts()).toHaveLength(1);
    expect(polls().map((poll) => poll.at)).toEqual([500, 1_500, 3_500, 7_500]);
    expect(views.map((view) => (view.step === 'converting' ? view.status : view.step))).toEqual([
      'requesting',
      'not_started',
      'running',
      'converted',
    ]);
    const [deal] = deals();
    expect(conversion.view).toEqual({ step: 'converted', dealId: deal?.id });
    expect(loadKeptConversion(lead.id)).toMatchObject({ dealId: deal?.id });
  });

  it('a second press, or a start while one is under way, sends nothing more', async () => {
    const { conversion, starts, deals } = await setUp({ conversionMs: 1_500 });
    conversion.start();
    conversion.start();
    await vi.advanceTimersByTimeAsync(600);
    conversion.start();
    await vi.advanceTimersByTimeAsync(4_000);

    expect(starts()).toHaveLength(1);
    expect(deals()).toHaveLength(1);
  });

  it('keeps the job id before following it, so a page loaded after picks it up without asking again', async () => {
    const { lead, transport, conversion, follow, starts, polls, deals } = await setUp({
      conversionMs: 3_000,
    });
    conversion.start();
    await vi.advanceTimersByTimeAsync(600);
    const kept = loadKeptConversion(lead.id);
    expect(kept?.conversionId).toMatch(/^[0-9a-f-]{36}$/);
    // The page goes: its timers with it.
    conversion.stop();
    keepConversion(kept ?? { leadId: lead.id, requestedAt: 0 });

    const afterReload = follow(new LeadConversion(lead.id, transport));
    expect(afterReload.view).toEqual({ step: 'converting', status: 'not_started' });
    afterReload.resume();
    afterReload.resume();
    await vi.advanceTimersByTimeAsync(8_000);

    expect(starts()).toHaveLength(1);
    expect(polls().length).toBeGreaterThan(1);
    expect(afterReload.view).toEqual({ step: 'converted', dealId: deals()[0]?.id });
  });

  it('a page that went before Pipedrive answered looks at the lead: still there on every check, it offers to try again', async () => {
    const { lead, transport, follow, starts, sent } = await setUp({ conversionMs: 1_500 });
    keepConversion({ leadId: lead.id, requestedAt: Date.now() });

    const afterReload = follow(new LeadConversion(lead.id, transport));
    expect(afterReload.view).toEqual({ step: 'checking', check: 1, of: 3 });
    afterReload.resume();
    await vi.advanceTimersByTimeAsync(10_000);

    const leadReads = sent.filter(({ request }) => request.path === `/api/v1/leads/${lead.id}`);
    expect(leadReads.map((read) => read.at)).toEqual([0, 3_000, 6_000]);
    expect(starts()).toHaveLength(0);
    expect(afterReload.view).toEqual({
      step: 'problem',
      message: 'Pipedrive did not convert the lead: it is still in the Leads Inbox, unchanged. Try again.',
      next: 'retry',
    });
    expect(loadKeptConversion(lead.id)).toBeUndefined();
  });

  it('a start whose answer is lost is looked for: the lead leaving the Leads Inbox means it became a deal', async () => {
    const { conversion, starts, deals } = await setUp({
      conversionMs: 1_500,
      faultFor: (request) => (request.method === 'POST' ? { dropAfterStore: true } : undefined),
    });
    conversion.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(conversion.view).toEqual({ step: 'checking', check: 1, of: 3 });
    await vi.advanceTimersByTimeAsync(5_000);

    expect(starts()).toHaveLength(1);
    expect(deals()).toHaveLength(1);
    expect(conversion.view).toEqual({ step: 'converted', dealId: null });
  });

  it('a failed conversion is explained, leaves the lead as it was, and Try again converts it', async () => {
    const { sandbox, lead, conversion, starts, deals } = await setUp({ conversionMs: 1_500 });
    sandbox.store.crm.conversions.failNext(1, 'failed');
    conversion.start();
    await vi.advanceTimersByTimeAsync(4_000);

    expect(conversion.view).toEqual({
      step: 'problem',
      message:
        'Pipedrive could not convert the lead. It is still in the Leads Inbox, unchanged: try again, or convert it in Pipedrive.',
      next: 'retry',
    });
    expect(deals()).toEqual([]);
    expect(sandbox.store.crm.findLead(lead.id)).toBeDefined();
    expect(loadKeptConversion(lead.id)).toBeUndefined();

    conversion.start();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(starts()).toHaveLength(2);
    expect(conversion.view).toMatchObject({ step: 'converted' });
  });

  it('a rejected conversion is explained', async () => {
    const { sandbox, conversion } = await setUp({ conversionMs: 1_500 });
    sandbox.store.crm.conversions.failNext(1, 'rejected');
    conversion.start();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(conversion.view).toMatchObject({
      step: 'problem',
      message: expect.stringMatching(/^Pipedrive refused to convert this lead\./),
      next: 'retry',
    });
  });

  it('stops following after its bound and says Pipedrive is still at it; Check again follows on', async () => {
    const { conversion, polls } = await setUp({ conversionMs: 50_000 });
    conversion.start();
    await vi.advanceTimersByTimeAsync(FOLLOW_LIMIT_MS + 5_000);

    expect(conversion.view).toEqual({ step: 'slow' });
    const readsWithinBound = polls().length;
    expect(readsWithinBound).toBe(9);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(polls()).toHaveLength(readsWithinBound);

    conversion.checkAgain();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(conversion.view).toMatchObject({ step: 'converted' });
  });

  it('a lead that is gone is said plainly, with nothing to try', async () => {
    const { sandbox, lead, conversion } = await setUp({ conversionMs: 1_500 });
    sandbox.store.crm.reset();
    conversion.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(conversion.view).toEqual({
      step: 'problem',
      message: 'This lead is no longer in Pipedrive’s Leads Inbox: it has been converted or deleted already.',
      next: 'none',
    });
    expect(loadKeptConversion(lead.id)).toBeUndefined();
  });

  it('a token without leads:full is named, in plain words', async () => {
    const { sandbox, lead } = await setUp({ conversionMs: 1_500 });
    const demo = sandbox.store.crm.users[0]?.id ?? 0;
    const readOnly = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: demo,
      scopes: ['base', 'leads:read'],
    }).accessToken.token;
    const conversion = new LeadConversion(
      lead.id,
      transportWithToken(sandbox, () => readOnly),
    );
    conversion.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(conversion.view).toMatchObject({
      step: 'problem',
      message: expect.stringContaining('missing Create and read leads (leads:full)'),
      next: 'none',
    });
  });

  it('a start refused with 429 converts nothing and says Pipedrive is busy', async () => {
    const { conversion, deals } = await setUp({
      conversionMs: 1_500,
      faultFor: (request) => (request.method === 'POST' ? { status: 429, retryAfterSeconds: 2 } : undefined),
    });
    conversion.start();
    await vi.advanceTimersByTimeAsync(100);
    expect(conversion.view).toEqual({
      step: 'problem',
      message:
        'Pipedrive is busy with too many requests at once, so nothing was converted. Try again in a moment.',
      next: 'retry',
    });
    expect(deals()).toEqual([]);
  });

  it('a status read refused with a short 429 waits what Pipedrive asks, then reads on', async () => {
    let refusals = 0;
    const { conversion, polls } = await setUp({
      conversionMs: 1_500,
      faultFor: (request) => {
        if (!request.path.includes('/convert/status/') || refusals > 0) return undefined;
        refusals += 1;
        return { status: 429, retryAfterSeconds: 5 };
      },
    });
    conversion.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls().map((poll) => poll.at)).toEqual([500, 5_500]);
    expect(conversion.view).toMatchObject({ step: 'converted' });
  });
});
