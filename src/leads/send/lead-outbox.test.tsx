import { onlineManager, QueryClient } from '@tanstack/react-query';
import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { keepOutbox, outboxCreates, restoreOutbox } from './lead-outbox.ts';
import type { LeadToSend } from './send-lead-once.ts';
import { CREATE_LEAD_KEY, setCreateLeadDefaults } from './use-create-lead.ts';

const OUTBOX_KEY = 'quicklead.lead-outbox.v1';

/** Every page a test opened: closed after it, so a lead it left waiting is not sent in the next test. */
const opened: QueryClient[] = [];

afterEach(() => {
  for (const client of opened.splice(0)) client.unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  onlineManager.setOnline(true);
  sessionStorage.clear();
  localStorage.clear();
});

/** One page load: a query client of its own, as after a reload (and, if given, its own code). */
function page(transport: Transport, setDefaults = setCreateLeadDefaults) {
  const client = new QueryClient();
  client.mount();
  opened.push(client);
  setDefaults(client, transport);
  return client;
}

const create: LeadToSend = {
  draftId: 'draft-offline',
  body: { title: 'Queued on the train', person_id: 1 },
};

/** What submitting the form does: a create, sent at once, or waiting while offline. */
function submit(client: QueryClient) {
  return client
    .getMutationCache()
    .build(client, { mutationKey: [...CREATE_LEAD_KEY] })
    .execute(create);
}

/** The form on a page: the outbox kept (once the last page's is back), then the lead submitted. */
async function submitOnKeptPage(client: QueryClient) {
  const stopKeeping = keepOutbox(client);
  await restoreOutbox(client);
  return { stopKeeping, sending: submit(client) };
}

const outbox = () => sessionStorage.getItem(OUTBOX_KEY);

/** The outbox as stored, once it holds the lead (it is written as soon as the change is done). */
async function storedOutbox(): Promise<string> {
  await waitFor(() => expect(outbox()).toContain('Queued on the train'));
  return outbox() ?? '';
}

describe('a lead submitted offline', () => {
  it('waits in the outbox, survives a reload, and is sent once when the network returns', async () => {
    const { sandbox, transport: inner } = createSandboxTransport();
    const requests: ApiRequest[] = [];
    const transport: Transport = (request) => {
      requests.push(request);
      return inner(request);
    };
    onlineManager.setOnline(false);

    const before = page(transport);
    const { stopKeeping } = await submitOnKeptPage(before);
    expect(outboxCreates(before)).toHaveLength(1);
    expect(await storedOutbox()).toContain('"isPaused":true');
    stopKeeping();
    before.unmount();

    // The reload: a new page finds the lead in storage, still offline, still not sent.
    const after = page(transport);
    keepOutbox(after);
    await restoreOutbox(after);
    const [waiting] = outboxCreates(after);
    expect(waiting?.state.variables).toEqual(create);
    const result = waiting?.continue();
    await Promise.resolve();
    expect(requests).toHaveLength(0);

    onlineManager.setOnline(true);
    expect(await result).toMatchObject({ lead: { title: 'Queued on the train' } });
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(sandbox.store.crm.countLeads()).toBe(1);
    // An empty outbox leaves nothing in storage.
    await waitFor(() => expect(outbox()).toBeNull());
  });

  it('keeps the creates only, each as its draft id and request: no query, so none of the account’s data', async () => {
    const { transport } = createSandboxTransport();
    onlineManager.setOnline(false);
    const client = page(transport);
    client.setQueryData(['pipedrive', 'me'], { name: 'Ada', company_name: 'Secret Company Ltd' });
    await submitOnKeptPage(client);

    const stored = JSON.parse(await storedOutbox());
    expect(stored.clientState.queries).toEqual([]);
    expect(stored.clientState.mutations).toHaveLength(1);
    expect(stored.clientState.mutations[0].mutationKey).toEqual([...CREATE_LEAD_KEY]);
    expect(stored.clientState.mutations[0].state.variables).toEqual(create);
    expect(outbox()).not.toContain('Secret Company Ltd');
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
    await submitOnKeptPage(before);
    await waitFor(() => expect(posts).toBe(1));
    expect(await storedOutbox()).toContain('"status":"pending"');

    const after = page(transport);
    keepOutbox(after);
    await restoreOutbox(after);
    const [onItsWay] = outboxCreates(after);
    expect(await onItsWay?.continue()).toMatchObject({ lead: { title: 'Queued on the train' } });
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
    await submitOnKeptPage(before);
    await storedOutbox();

    // The reload starts; the network comes back while this page is still running.
    window.dispatchEvent(new Event('pagehide'));
    onlineManager.setOnline(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posts).toBe(0);
    expect(localStorage.getItem('quicklead.sent-leads.v1')).toBeNull();
    expect(outbox()).toContain('"status":"pending"');
    before.unmount();

    // The next page runs its own copy of the code, which has seen no `pagehide`.
    vi.resetModules();
    const next = { ...(await import('./use-create-lead.ts')), ...(await import('./lead-outbox.ts')) };
    const after = page(transport, next.setCreateLeadDefaults);
    next.keepOutbox(after);
    await next.restoreOutbox(after);
    const [restored] = next.outboxCreates(after);
    expect(await restored?.continue()).toMatchObject({ lead: { title: 'Queued on the train' } });
    expect(posts).toBe(1);
    await waitFor(() => expect(outbox()).toBeNull());

    // Shown again after all (back/forward cache): it finishes by reading the lead, not sending it.
    window.dispatchEvent(new Event('pageshow'));
    await waitFor(() => expect(outboxCreates(before)).toHaveLength(0));
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
    const { stopKeeping, sending: send } = await submitOnKeptPage(before);
    const sending = send.catch((error: unknown) => error);
    await waitFor(() => expect(localStorage.getItem('quicklead.sent-leads.v1')).toContain('draft-offline'));
    await storedOutbox();
    window.dispatchEvent(new Event('pagehide'));
    cutOff(); // the POST
    // This page's create ends in an error without looking for the lead (a page being left reads
    // nothing more); the next page still gets it, to look for it and finish.
    expect(await sending).toBeInstanceOf(Error);
    expect(lookups).toBe(0);
    expect(outboxCreates(before)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outbox()).toContain('Queued on the train');
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
    const { stopKeeping } = await submitOnKeptPage(before);
    await waitFor(() => expect(sessionStorage.getItem('quicklead.budget-spent-until.v1')).not.toBeNull());
    await storedOutbox();

    // The reload: this page goes, the next one runs its own copy of the code.
    window.dispatchEvent(new Event('pagehide'));
    before.unmount();
    vi.resetModules();
    const next = { ...(await import('./use-create-lead.ts')), ...(await import('./lead-outbox.ts')) };
    const after = page(transport, next.setCreateLeadDefaults);
    next.keepOutbox(after);
    await next.restoreOutbox(after);
    const [restored] = next.outboxCreates(after);
    const result = restored?.continue();
    await vi.advanceTimersByTimeAsync(100_000);
    expect(posts).toBe(1);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(await result).toMatchObject({ lead: { title: 'Queued on the train' } });
    expect(posts).toBe(2);

    // Shown again after all (back/forward cache): it finds the lead sent, and sends nothing.
    stopKeeping();
    window.dispatchEvent(new Event('pageshow'));
    await waitFor(() => expect(outboxCreates(before)).toHaveLength(0));
    expect(posts).toBe(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('restores once per page and client: a second form of the page does not put the creates back twice', async () => {
    const { transport } = createSandboxTransport();
    onlineManager.setOnline(false);
    const before = page(transport);
    await submitOnKeptPage(before);
    await storedOutbox();

    const after = page(transport);
    await restoreOutbox(after);
    await restoreOutbox(after);
    expect(outboxCreates(after)).toHaveLength(1);
  });

  it('drops a copy it cannot read, one of another format, and one left unsaved for over a day', async () => {
    // The persister says on the console that it dropped an unreadable copy.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { transport } = createSandboxTransport();
    onlineManager.setOnline(false);
    const first = page(transport);
    await submitOnKeptPage(first);
    const stored = JSON.parse(await storedOutbox());
    const dayAndMinuteMs = 24 * 60 * 60_000 + 60_000;

    const copies = [
      '{not json',
      JSON.stringify({ ...stored, buster: 'an older QuickLead' }),
      JSON.stringify({ ...stored, timestamp: Date.now() - dayAndMinuteMs }),
    ];
    for (const copy of copies) {
      sessionStorage.setItem(OUTBOX_KEY, copy);
      const client = page(transport);
      await restoreOutbox(client);
      expect(outboxCreates(client)).toHaveLength(0);
      expect(outbox()).toBeNull();
    }
  });
});
