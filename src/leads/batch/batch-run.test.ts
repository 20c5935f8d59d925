import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import { storageLedger } from '../send/lead-send-ledger.ts';
import type { PageLifecycle } from '../send/page-leaving.ts';
import { organizationKey, personKey } from './batch-contacts.ts';
import type { RowLead } from './batch-row.ts';
import { type BatchPlan, type BatchRunState, type PlannedRow, runBatch } from './batch-run.ts';
import { storageContactLedger } from './contact-ledger.ts';
import { type RowState, rowAfter } from './row-state.ts';

const ada = { name: 'Ada Batch', email: 'ada.batch@example.com', phone: '', organization: null };
const grace = { name: 'Grace Batch', email: '', phone: '+44 20 7946 0001', organization: null };
const engines = { name: 'Batch Engines Ltd', address: '', website: '' };

function row(index: number, person?: typeof ada, organization?: typeof engines): PlannedRow {
  const lead: RowLead = {
    title: `Batch lead ${index}`,
    body: { title: `Batch lead ${index}`, owner_id: 1 },
    contacts: { ...(person ? { person } : {}), ...(organization ? { organization } : {}) },
  };
  return {
    index,
    lead,
    ...(person ? { personKey: personKey(person) } : {}),
    ...(organization ? { organizationKey: organizationKey(organization) } : {}),
  };
}

/** Six rows: Ada on three (with her organization), Grace on two, one with the organization alone. */
function plan(): BatchPlan {
  const rows = [
    row(0, ada, engines),
    row(1, grace),
    row(2, ada),
    row(3, undefined, engines),
    row(4, grace),
    row(5, ada),
  ];
  return {
    batchId: 'b1',
    rows,
    persons: new Map([
      [personKey(ada), ada],
      [personKey(grace), grace],
    ]),
    organizations: new Map([[organizationKey(engines), engines]]),
  };
}

/**
 * The answer as a page gets it when it goes (a reload) or the connection drops after the status
 * arrived: Pipedrive has handled the request, the status says so, and the body cannot be read.
 */
function withBodyCut(response: Response): Response {
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.error(new TypeError('network error')),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

function setUp(faultFor?: FaultFor, cutAnswerOf?: (request: ApiRequest) => boolean) {
  const { sandbox, token } = createSandboxTransport({ searchLagMs: 0, seedLeads: false });
  const owner = sandbox.store.crm.users[0]?.id ?? 0;
  const requests: ApiRequest[] = [];
  const inner = transportWithToken(sandbox, () => token, faultFor);
  const transport: Transport = async (request) => {
    requests.push(request);
    const response = await inner(request);
    return cutAnswerOf?.(request) ? withBodyCut(response) : response;
  };
  const shared = memoryStorage();
  const tab = memoryStorage();
  const state: { rows: Record<number, RowState>; contacts: BatchRunState['contacts'] } = {
    rows: Object.fromEntries(plan().rows.map((planned) => [planned.index, { kind: 'waiting' } as RowState])),
    contacts: {
      [personKey(ada)]: { kind: 'new' },
      [personKey(grace)]: { kind: 'new' },
      [organizationKey(engines)]: { kind: 'new' },
    },
  };
  const run = (shouldStop: () => boolean = () => false, page?: PageLifecycle) =>
    runBatch(
      {
        ...plan(),
        rows: plan().rows.map((planned) => ({
          ...planned,
          lead: { ...planned.lead, body: { ...planned.lead.body, owner_id: owner } },
        })),
      },
      { rows: { ...state.rows }, contacts: { ...state.contacts } },
      {
        // A new QueryClient each run, as a reload starts with nothing cached.
        client: new QueryClient(),
        transport,
        ledger: storageLedger({ shared, tab }),
        contacts: storageContactLedger(shared),
        shouldStop,
        onRow: (index, event) => {
          state.rows[index] = rowAfter(state.rows[index] ?? { kind: 'waiting' }, event);
        },
        onContact: (key, status) => {
          state.contacts = { ...state.contacts, [key]: status };
        },
        onWaiting: () => undefined,
        sleep: async () => undefined,
        findDelaysMs: [0],
        ...(page ? { page } : {}),
      },
    );
  const persons = (name: string) => sandbox.store.crm.listPersons().filter((person) => person.name === name);
  const leads = () => sandbox.store.crm.listLeads().filter(({ lead }) => lead.title.startsWith('Batch lead'));
  const posts = (path: string) =>
    requests.filter((request) => request.method === 'POST' && request.path === path).length;
  return { sandbox, state, run, persons, leads, posts, requests };
}

describe('runBatch', () => {
  it('creates each new contact once for all its rows, then every lead once', async () => {
    const { run, state, persons, leads, posts } = setUp();
    expect(await run()).toEqual({ kind: 'done' });
    expect(persons('Ada Batch')).toHaveLength(1);
    expect(persons('Grace Batch')).toHaveLength(1);
    expect(posts('/api/v2/organizations')).toBe(1);
    expect(posts('/api/v2/persons')).toBe(2);
    expect(leads()).toHaveLength(6);
    expect(Object.values(state.rows).every((rowState) => rowState.kind === 'created')).toBe(true);
    // Ada works at the organization of her first row.
    const engines = leads().find(({ lead }) => lead.title === 'Batch lead 3')?.lead.organization_id;
    expect(persons('Ada Batch')[0]?.orgId).toBe(engines);
  });

  it('stopped in the middle (a reload) and run again from what was kept, makes nothing twice', async () => {
    const { run, state, persons, leads, posts } = setUp();
    let steps = 0;
    expect(await run(() => steps++ >= 4)).toEqual({ kind: 'stopped' });
    const createdBefore = Object.values(state.rows).filter((rowState) => rowState.kind === 'created').length;
    expect(createdBefore).toBeGreaterThan(0);
    expect(createdBefore).toBeLessThan(6);
    expect(await run()).toEqual({ kind: 'done' });
    expect(leads()).toHaveLength(6);
    expect(persons('Ada Batch')).toHaveLength(1);
    expect(posts('/api/v1/leads')).toBe(6);
  });

  it('a row left “sending” by a reload goes out again through the ledger, which finds its lead', async () => {
    const { run, state, leads, posts } = setUp();
    await run();
    // As if the page went after the lead was stored but before its row was recorded.
    state.rows[2] = { kind: 'waiting' };
    await run();
    expect(leads()).toHaveLength(6);
    expect(posts('/api/v1/leads')).toBe(6);
    expect(state.rows[2]?.kind).toBe('created');
  });

  it('a reload while a stored lead’s answer arrives: the next page finds that lead and sends it no second time', async () => {
    // The page starts to go as the 201 of row 2 arrives; its body is cut off with the page.
    let leaving = false;
    const page: PageLifecycle = { isLeaving: () => leaving, shownAgain: () => new Promise(() => undefined) };
    const { run, state, leads, posts } = setUp(undefined, (request) => {
      const cut =
        request.method === 'POST' &&
        request.path === '/api/v1/leads' &&
        (request.body as { title?: string }).title === 'Batch lead 2' &&
        !leaving;
      if (cut) leaving = true;
      return cut;
    });
    expect(await run(() => leaving, page)).toEqual({ kind: 'stopped' });
    expect(leads().filter(({ lead }) => lead.title === 'Batch lead 2')).toHaveLength(1);

    // The next page goes on from what was kept: row 2 was on its way.
    leaving = false;
    state.rows[2] = { kind: 'waiting' };
    expect(await run()).toEqual({ kind: 'done' });
    expect(leads()).toHaveLength(6);
    expect(leads().filter(({ lead }) => lead.title === 'Batch lead 2')).toHaveLength(1);
    expect(posts('/api/v1/leads')).toBe(6);
    expect(state.rows[2]?.kind).toBe('created');
  });

  it('a person whose create answer was lost is found by an exact search, not created again', async () => {
    let drops = 1;
    const { run, persons, leads } = setUp((request) =>
      request.method === 'POST' && request.path === '/api/v2/persons' && drops-- > 0
        ? { path: '/api/v2/persons', dropAfterStore: true }
        : undefined,
    );
    expect(await run()).toEqual({ kind: 'done' });
    expect(persons('Ada Batch')).toHaveLength(1);
    expect(leads()).toHaveLength(6);
  });

  it('waits out a short 429 and sends the same row again', async () => {
    let refusals = 1;
    const { run, leads, posts } = setUp((request) =>
      request.method === 'POST' && request.path === '/api/v1/leads' && refusals-- > 0
        ? { path: '/api/v1/leads', status: 429, retryAfterSeconds: 1 }
        : undefined,
    );
    expect(await run()).toEqual({ kind: 'done' });
    expect(leads()).toHaveLength(6);
    expect(posts('/api/v1/leads')).toBe(7);
  });

  it('a contact Pipedrive refuses fails its rows with the reason; the others go on', async () => {
    const { run, state, leads } = setUp((request) =>
      request.method === 'POST' &&
      request.path === '/api/v2/persons' &&
      (request.body as { name?: string }).name === 'Grace Batch'
        ? { path: '/api/v2/persons', status: 400 }
        : undefined,
    );
    expect(await run()).toEqual({ kind: 'done' });
    expect(leads()).toHaveLength(4);
    expect(state.rows[1]).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('Pipedrive did not create the contact'),
    });
    expect(state.rows[4]?.kind).toBe('failed');
  });
});

describe('rowAfter', () => {
  it('never leaves created, whatever comes after', () => {
    const created: RowState = { kind: 'created', leadId: 'x' };
    for (const event of [
      { type: 'send' },
      { type: 'failed', reason: 'r' },
      { type: 'retry' },
      { type: 'interrupted' },
    ] as const) {
      expect(rowAfter(created, event)).toBe(created);
    }
  });

  it('waiting → sending → created or failed; failed → waiting on retry; sending → waiting when interrupted', () => {
    const sending = rowAfter({ kind: 'waiting' }, { type: 'send' });
    expect(sending).toEqual({ kind: 'sending' });
    expect(rowAfter(sending, { type: 'created', leadId: 'l' })).toEqual({ kind: 'created', leadId: 'l' });
    const failed = rowAfter(sending, { type: 'failed', reason: 'no', absent: true });
    expect(failed).toEqual({ kind: 'failed', reason: 'no', absent: true });
    expect(rowAfter(failed, { type: 'retry' })).toEqual({ kind: 'waiting', absent: true });
    expect(rowAfter(sending, { type: 'interrupted' })).toEqual({ kind: 'waiting' });
    // Only a row on its way can fail; a waiting one stays waiting.
    expect(rowAfter({ kind: 'waiting' }, { type: 'failed', reason: 'x' })).toEqual({ kind: 'waiting' });
  });
});
