import { onlineManager, QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { keepQueuedLeads, restoreQueuedLeads, unfinishedCreates } from './lead-outbox.ts';
import { CREATE_LEAD_KEY, type LeadCreate, setCreateLeadDefaults } from './use-create-lead.ts';

afterEach(() => {
  vi.useRealTimers();
  onlineManager.setOnline(true);
  sessionStorage.clear();
  localStorage.clear();
});

/** One page load: a query client of its own, as after a reload (and, if given, its own code). */
function page(transport: Transport, setDefaults = setCreateLeadDefaults) {
  const client = new QueryClient();
  client.mount();
  setDefaults(client, transport);
  return client;
}

const create: LeadCreate = {
  draftId: 'draft-offline',
  body: { title: 'Queued on the train', person_id: 1 },
  values: { title: 'Queued on the train' } as LeadCreate['values'],
};

/** What submitting the form does: a create, sent at once, or paused while offline. */
function submit(client: QueryClient) {
  return client
    .getMutationCache()
    .build(client, { mutationKey: [...CREATE_LEAD_KEY] })
    .execute(create);
}

describe('a lead submitted offline', () => {
  it('waits as a paused mutation, survives a reload, and is sent once when the network returns', async () => {
    const { sandbox, transport: inner } = createSandboxTransport();
    const requests: ApiRequest[] = [];
    const transport: Transport = (request) => {
      requests.push(request);
      return inner(request);
    };
    onlineManager.setOnline(false);

    const before = page(transport);
    const stopKeeping = keepQueuedLeads(before);
    void submit(before);
    await Promise.resolve();
    expect(unfinishedCreates(before)).toHaveLength(1);
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toContain('Queued on the train');
    stopKeeping();
    before.unmount();

    // The reload: a new page finds the lead in storage, still offline, still not sent.
    const after = page(transport);
    keepQueuedLeads(after);
    restoreQueuedLeads(after);
    const [queued] = unfinishedCreates(after);
    expect(queued?.state.variables).toEqual(create);
    const result = queued?.continue();
    await Promise.resolve();
    expect(requests).toHaveLength(0);

    onlineManager.setOnline(true);
    expect(await result).toMatchObject({ title: 'Queued on the train' });
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toBeNull();
  });

  it('on its way when the page went: the next page finds it stored instead of sending it again', async () => {
    const { sandbox, transport } = createSandboxTransport();
    let posts = 0;
    // The first page's POST reaches Pipedrive, then the page is gone before the answer arrives.
    const leaving: Transport = async (request) => {
      if (request.method === 'POST') {
        posts += 1;
        await transport(request);
        return new Promise<Response>(() => undefined);
      }
      return transport(request);
    };
    const before = page(leaving);
    keepQueuedLeads(before);
    void submit(before);
    await waitFor(() => expect(posts).toBe(1));
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toContain('Queued on the train');

    const after = page(transport);
    keepQueuedLeads(after);
    restoreQueuedLeads(after);
    const [unfinished] = unfinishedCreates(after);
    expect(await unfinished?.continue()).toMatchObject({ title: 'Queued on the train' });
    expect(posts).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a page being left does not send it when the network returns; the next page does, once', async () => {
    const { sandbox, transport: inner } = createSandboxTransport();
    let posts = 0;
    const transport: Transport = (request) => {
      if (request.method === 'POST') posts += 1;
      return inner(request);
    };
    onlineManager.setOnline(false);
    const before = page(transport);
    keepQueuedLeads(before);
    void submit(before);
    await Promise.resolve();

    // The reload starts; the network comes back while this page is still running.
    window.dispatchEvent(new Event('pagehide'));
    onlineManager.setOnline(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posts).toBe(0);
    expect(localStorage.getItem('quicklead.sent-leads.v1')).toBeNull();
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toContain('"status":"pending"');
    before.unmount();

    // The next page runs its own copy of the code, which has seen no `pagehide`.
    vi.resetModules();
    const next = { ...(await import('./use-create-lead.ts')), ...(await import('./lead-outbox.ts')) };
    const after = page(transport, next.setCreateLeadDefaults);
    next.keepQueuedLeads(after);
    next.restoreQueuedLeads(after);
    const [restored] = next.unfinishedCreates(after);
    expect(await restored?.continue()).toMatchObject({ title: 'Queued on the train' });
    expect(posts).toBe(1);
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toBeNull();

    // Shown again after all (back/forward cache): it finishes by reading the lead, not sending it.
    window.dispatchEvent(new Event('pageshow'));
    await waitFor(() => expect(unfinishedCreates(before)).toHaveLength(0));
    expect(posts).toBe(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('a send that fails as the page goes leaves the lead stored for the next page', async () => {
    const { transport } = createSandboxTransport();
    let cutOff: () => void = () => undefined;
    // The POST is on its way; the page goes, and the browser then cuts the page's requests off.
    let lookups = 0;
    const going: Transport = (request) => {
      if (request.method === 'GET' && request.path === '/api/v1/leads') lookups += 1;
      return request.method === 'GET'
        ? transport(request)
        : new Promise<Response>((_resolve, reject) => {
            cutOff = () => reject(new TypeError('Failed to fetch'));
          });
    };
    const before = page(going);
    const stopKeeping = keepQueuedLeads(before);
    const sending = submit(before).catch((error: unknown) => error);
    await waitFor(() => expect(localStorage.getItem('quicklead.sent-leads.v1')).toContain('draft-offline'));
    window.dispatchEvent(new Event('pagehide'));
    cutOff(); // the POST
    // This page's create ends in an error without looking for the lead (a page being left reads
    // nothing more); the next page still gets it, to look for it and finish.
    expect(await sending).toBeInstanceOf(Error);
    expect(lookups).toBe(0);
    expect(unfinishedCreates(before)).toHaveLength(0);
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toContain('Queued on the train');
    stopKeeping();
    window.dispatchEvent(new Event('pageshow'));
  });

  it('queued because the daily budget is spent: survives a reload, the next page waits without knocking, then sends it once', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { sandbox, token } = createSandboxTransport();
    let posts = 0;
    const inner = transportWithToken(
      sandbox,
      () => token,
      (request) =>
        request.method === 'POST' && posts === 1
          ? { path: '/api/v1/leads', status: 429, retryAfterSeconds: 120 }
          : undefined,
    );
    const transport: Transport = (request) => {
      if (request.method === 'POST') posts += 1;
      return inner(request);
    };
    const before = page(transport);
    keepQueuedLeads(before);
    void submit(before);
    await waitFor(() => expect(sessionStorage.getItem('quicklead.budget-spent-until.v1')).not.toBeNull());
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toContain('Queued on the train');

    // The reload: this page goes, the next one runs its own copy of the code.
    window.dispatchEvent(new Event('pagehide'));
    before.unmount();
    vi.resetModules();
    const next = { ...(await import('./use-create-lead.ts')), ...(await import('./lead-outbox.ts')) };
    const after = page(transport, next.setCreateLeadDefaults);
    next.keepQueuedLeads(after);
    next.restoreQueuedLeads(after);
    const [restored] = next.unfinishedCreates(after);
    const result = restored?.continue();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(posts).toBe(1);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(await result).toMatchObject({ title: 'Queued on the train' });
    expect(posts).toBe(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('restores once per page, and ignores storage it cannot read', () => {
    sessionStorage.setItem('quicklead.lead-outbox.v1', '{not json');
    const client = new QueryClient();
    restoreQueuedLeads(client);
    expect(unfinishedCreates(client)).toHaveLength(0);
    expect(sessionStorage.getItem('quicklead.lead-outbox.v1')).toBeNull();
  });
});
