import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import { SEEDED_LEADS } from '../seed/seed-leads.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const START = Date.UTC(2026, 10, 22, 9, 0, 0);
const DAY_MS = 24 * 60 * 60_000;
const ada = FIXTURES.adaLovelace;
const MARIA_ID = 21000001;

function setup(options: { seedLeads?: boolean } = { seedLeads: true }) {
  const clock = createClock(START);
  const sandbox = createTestSandbox(clock, undefined, options);
  const token = accessToken(sandbox);
  const get = async (path: string) => {
    const response = await apiGet(sandbox, path, token);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const titles = async (path: string) =>
    ((await get(path)).body.data as Array<{ title: string }>).map((lead) => lead.title);
  const archive = (id: string, headers: Record<string, string> = SANDBOX_ADMIN_HEADERS) =>
    sandbox.apiApp.request(`/__sandbox/leads/${id}/archive`, { method: 'POST', headers });
  return { clock, sandbox, token, get, titles, archive };
}

describe('seeded leads', () => {
  it('an in-process sandbox starts with none unless asked, so a test counts only its own', async () => {
    const { titles } = setup({});
    expect(await titles('/api/v1/leads')).toEqual([]);
  });

  it('Ada Lovelace has one open lead, dated back from the sandbox clock; her archived one is left out', async () => {
    const { get } = setup();
    const { body } = await get(`/api/v1/leads?person_id=${ada.personId}`);
    expect(body.data).toEqual([
      expect.objectContaining({
        id: SEEDED_LEADS.enginesRenewal.id,
        title: 'Engines renewal',
        owner_id: 21000002,
        person_id: ada.personId,
        organization_id: FIXTURES.analyticalEngines.organizationId,
        is_archived: false,
        archive_time: null,
        value: { amount: 12_000, currency: 'GBP' },
        add_time: new Date(START - 3 * DAY_MS).toISOString(),
      }),
    ]);
  });

  it('every contact the end-to-end tests pick has an open lead', async () => {
    const { titles } = setup();
    expect(await titles(`/api/v1/leads?person_id=${FIXTURES.hankScorpio.personId}`)).toEqual([
      'Globex expansion',
    ]);
    expect(await titles(`/api/v1/leads?person_id=${FIXTURES.markupName.personId}`)).toEqual([
      'Tables for the new office',
    ]);
    expect(await titles(`/api/v1/leads?organization_id=${FIXTURES.globex.organizationId}`)).toEqual([
      'Globex expansion',
    ]);
    expect(
      await titles(`/api/v1/leads?organization_id=${FIXTURES.analyticalEngines.organizationId}`),
    ).toEqual(['Engines renewal']);
  });

  it('the demo account owns one, so its recent leads are not empty at first', async () => {
    const { titles } = setup();
    expect(
      await titles(`/api/v1/leads?owner_id=${MARIA_ID}&sort=${encodeURIComponent('add_time DESC')}&limit=20`),
    ).toEqual(['Globex expansion']);
  });

  it('a reset drops the leads created since and brings the seeded ones back', async () => {
    const { sandbox, token, titles } = setup();
    const created = await apiPostJson(sandbox, '/api/v1/leads', token, {
      title: 'Made in the test',
      person_id: ada.personId,
    });
    expect(created.status).toBe(201);
    expect(await titles(`/api/v1/leads?person_id=${ada.personId}`)).toEqual([
      'Engines renewal',
      'Made in the test',
    ]);
    const reset = await sandbox.apiApp.request('/__sandbox/reset', {
      method: 'POST',
      headers: SANDBOX_ADMIN_HEADERS,
    });
    expect(reset.status).toBe(200);
    expect(await titles(`/api/v1/leads?person_id=${ada.personId}`)).toEqual(['Engines renewal']);
  });
});

describe('GET /v1/leads/archived', () => {
  it('lists archived leads only, with the same filters, at the documented 40 tokens', async () => {
    const { get } = setup();
    const { status, headers, body } = await get(`/api/v1/leads/archived?person_id=${ada.personId}`);
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('40');
    expect(body.data).toEqual([
      expect.objectContaining({
        id: SEEDED_LEADS.differenceEngine.id,
        is_archived: true,
        archive_time: new Date(START - 40 * DAY_MS).toISOString(),
      }),
    ]);
    expect(body.additional_data.pagination).toEqual({
      start: 0,
      limit: 100,
      more_items_in_collection: false,
    });
  });

  it('refuses a token without a leads scope', async () => {
    const { sandbox } = setup();
    const contactsOnly = accessToken(sandbox, ['base', 'contacts:full']);
    expect((await apiGet(sandbox, '/api/v1/leads/archived', contactsOnly)).status).toBe(403);
  });

  it('checks its query as the open list does', async () => {
    const { get } = setup();
    const { status, body } = await get('/api/v1/leads/archived?person_id=ada');
    expect(status).toBe(400);
    expect(body.error_info).toBe('"person_id" must be a number');
  });
});

describe('archiving a lead (sandbox admin)', () => {
  it('moves it from the open list to the archived one at once, while reads by id still find it', async () => {
    const { clock, sandbox, token, titles, archive, get } = setup();
    const created = await apiPostJson(sandbox, '/api/v1/leads', token, {
      title: 'Soon archived',
      person_id: ada.personId,
    });
    const { id } = (await created.json()).data as { id: string };
    clock.advance(60_000);
    expect((await archive(id)).status).toBe(200);
    expect(await titles(`/api/v1/leads?person_id=${ada.personId}`)).toEqual(['Engines renewal']);
    expect(await titles(`/api/v1/leads/archived?person_id=${ada.personId}`)).toEqual([
      'Difference engine (archived)',
      'Soon archived',
    ]);
    const one = (await get(`/api/v1/leads/${id}`)).body.data;
    expect(one).toMatchObject({ is_archived: true, archive_time: new Date(START + 60_000).toISOString() });
  });

  it('answers 404 for an unknown lead, and only with the admin header', async () => {
    const { archive } = setup();
    expect((await archive('5eed0001-0000-4000-8000-00000000ffff')).status).toBe(404);
    expect((await archive(SEEDED_LEADS.enginesRenewal.id, {})).status).toBe(403);
  });
});
