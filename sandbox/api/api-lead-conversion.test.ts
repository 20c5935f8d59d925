import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { sandboxSettingsFromEnv } from '../env-settings.ts';
import { FIXTURES } from '../seed/seed.ts';
import {
  accessToken,
  apiGet,
  apiPostJson,
  createClock,
  createTestSandbox,
  type TestClock,
} from '../testing/test-support.ts';

const CONVERSION_MS = 1500;

function setUp(options: { conversionMs?: number } = {}) {
  const clock = createClock();
  const sandbox = createTestSandbox(clock, undefined, {
    conversionMs: options.conversionMs ?? CONVERSION_MS,
  });
  const token = accessToken(sandbox);
  return { clock, sandbox, token, ...helpers(sandbox, token, clock) };
}

function helpers(sandbox: ReturnType<typeof createTestSandbox>, token: string, clock: TestClock) {
  const get = async (path: string, as = token) => {
    const response = await apiGet(sandbox, path, as);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const post = async (path: string, body: unknown, as = token) => {
    const response = await apiPostJson(sandbox, path, as, body);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const createLead = async (fields: Record<string, unknown> = {}) => {
    const created = await post('/api/v1/leads', {
      title: 'Analytical engine upgrade',
      person_id: FIXTURES.adaLovelace.personId,
      organization_id: FIXTURES.analyticalEngines.organizationId,
      value: { amount: 1200, currency: 'USD' },
      label_ids: [sandbox.store.crm.leadLabels[0]?.id],
      ...fields,
    });
    expect(created.status).toBe(201);
    return created.body.data as { id: string; title: string; owner_id: number };
  };
  const convert = (leadId: string, body: unknown = {}, as = token) =>
    post(`/api/v2/leads/${leadId}/convert/deal`, body, as);
  const status = (leadId: string, conversionId: string) =>
    get(`/api/v2/leads/${leadId}/convert/status/${conversionId}`);
  const admin = (path: string, body: unknown) =>
    sandbox.apiApp.request(`/__sandbox${path}`, {
      method: 'POST',
      headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const deals = async (title?: string) => {
    const query = title === undefined ? '' : `?title=${encodeURIComponent(title)}`;
    const response = await sandbox.apiApp.request(`/__sandbox/deals${query}`);
    return ((await response.json()) as { deals: Array<Record<string, unknown>> }).deals;
  };
  return { get, post, createLead, convert, status, admin, deals, advance: clock.advance };
}

describe('POST /api/v2/leads/{id}/convert/deal and its status', () => {
  it('answers a conversion id at once, costing 40 tokens; the job goes not_started, running, completed', async () => {
    const { createLead, convert, status, advance } = setUp();
    const lead = await createLead();

    const started = await convert(lead.id);
    expect(started.status).toBe(200);
    expect(started.headers.get('x-token-cost')).toBe('40');
    expect(started.body).toEqual({
      success: true,
      data: { conversion_id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      additional_data: null,
    });
    const conversionId = started.body.data.conversion_id as string;

    const first = await status(lead.id, conversionId);
    expect(first.headers.get('x-token-cost')).toBe('1');
    expect(first.body).toEqual({
      success: true,
      data: { conversion_id: conversionId, status: 'not_started' },
      additional_data: null,
    });
    advance(CONVERSION_MS / 2);
    expect((await status(lead.id, conversionId)).body.data.status).toBe('running');
    advance(CONVERSION_MS / 2);
    const done = await status(lead.id, conversionId);
    expect(done.body.data).toEqual({
      conversion_id: conversionId,
      status: 'completed',
      deal_id: expect.any(Number),
    });
  });

  it('makes a deal with the lead’s title, value, owner, person and organization, and the lead is gone', async () => {
    const { sandbox, createLead, convert, status, get, deals, advance } = setUp();
    const lead = await createLead({ title: 'Globex renewal', owner_id: sandbox.store.crm.users[1]?.id });
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    const dealId = (await status(lead.id, conversionId)).body.data.deal_id as number;

    expect(await deals('Globex renewal')).toEqual([
      expect.objectContaining({
        id: dealId,
        title: 'Globex renewal',
        value: 1200,
        currency: 'USD',
        owner_id: sandbox.store.crm.users[1]?.id,
        creator_user_id: sandbox.store.crm.users[0]?.id,
        person_id: FIXTURES.adaLovelace.personId,
        org_id: FIXTURES.analyticalEngines.organizationId,
        stage_id: 1,
        pipeline_id: 1,
        status: 'open',
        lead_id: lead.id,
      }),
    ]);
    expect((await get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    const list = await get('/api/v1/leads?limit=500');
    expect((list.body.data as Array<{ id: string }>).map((item) => item.id)).not.toContain(lead.id);
  });

  it('puts the deal in the stage asked for, and the pipeline of that stage', async () => {
    const { createLead, convert, status, deals, advance } = setUp();
    const lead = await createLead({ title: 'Staged lead' });
    const conversionId = (await convert(lead.id, { stage_id: 3, pipeline_id: 1 })).body.data
      .conversion_id as string;
    advance(CONVERSION_MS);
    expect((await status(lead.id, conversionId)).body.data.status).toBe('completed');
    expect(await deals('Staged lead')).toEqual([expect.objectContaining({ stage_id: 3, pipeline_id: 1 })]);
  });

  it('moves the lead’s notes and activities to the deal, as Pipedrive’s conversion does', async () => {
    const { post, get, createLead, convert, status, advance } = setUp();
    const lead = await createLead();
    const other = await createLead({ title: 'Stays a lead' });
    expect((await post('/api/v1/notes', { lead_id: lead.id, content: 'Met at the fair' })).status).toBe(200);
    expect((await post('/api/v1/notes', { lead_id: other.id, content: 'Not moving' })).status).toBe(200);
    expect((await post('/api/v2/activities', { lead_id: lead.id, subject: 'Call back' })).status).toBe(200);
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    const dealId = (await status(lead.id, conversionId)).body.data.deal_id as number;

    const dealNotes = (await get(`/api/v1/notes?deal_id=${dealId}`)).body.data;
    expect(dealNotes).toEqual([expect.objectContaining({ content: 'Met at the fair', deal_id: dealId })]);
    expect(dealNotes[0]).not.toHaveProperty('lead_id');
    expect((await get(`/api/v1/notes?lead_id=${lead.id}`)).body.data ?? []).toEqual([]);
    expect((await get(`/api/v1/notes?lead_id=${other.id}`)).body.data).toEqual([
      expect.objectContaining({ content: 'Not moving', lead_id: other.id }),
    ]);
    const dealActivities = (await get(`/api/v2/activities?deal_id=${dealId}`)).body.data;
    expect(dealActivities).toEqual([expect.objectContaining({ subject: 'Call back', deal_id: dealId })]);
    expect(dealActivities[0]).not.toHaveProperty('lead_id');
  });

  it('the deal’s web page lists what moved with it, the note as text', async () => {
    const { sandbox, post, createLead, convert, status, advance } = setUp();
    const lead = await createLead({ title: 'Page after conversion' });
    await post('/api/v1/notes', { lead_id: lead.id, content: 'Bring <b>chairs</b>' });
    await post('/api/v2/activities', { lead_id: lead.id, subject: 'Call back', due_date: '2026-12-01' });
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    const dealId = (await status(lead.id, conversionId)).body.data.deal_id as number;

    const page = await (await sandbox.apiApp.request(`/deal/${dealId}`)).text();
    expect(page).toContain('<dt>Note</dt><dd>Bring chairs</dd>');
    expect(page).toMatch(/<dt>[^<]+<\/dt><dd>Call back · 2026-12-01 · [^<]+<\/dd>/);
    expect((await sandbox.apiApp.request('/deal/999999999')).status).toBe(404);
  });

  it('the lead goes when the conversion ends even if nobody asks for its status', async () => {
    const { createLead, convert, get, deals, advance } = setUp();
    const lead = await createLead({ title: 'Nobody polls' });
    await convert(lead.id);
    expect((await get(`/api/v1/leads/${lead.id}`)).status).toBe(200);
    advance(CONVERSION_MS);
    expect((await get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    expect(await deals('Nobody polls')).toHaveLength(1);
  });

  it('an injected failure ends failed: no deal, the lead as it was, and the next conversion works', async () => {
    const { createLead, convert, status, get, deals, admin, advance } = setUp();
    const lead = await createLead({ title: 'Fails once' });
    const injected = await admin('/conversions/fail', { times: 1 });
    expect(await injected.json()).toEqual({ ok: true, pending: [{ ending: 'failed' }] });

    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS / 2);
    expect((await status(lead.id, conversionId)).body.data.status).toBe('running');
    advance(CONVERSION_MS / 2);
    expect((await status(lead.id, conversionId)).body.data).toEqual({
      conversion_id: conversionId,
      status: 'failed',
    });
    expect(await deals('Fails once')).toEqual([]);
    expect((await get(`/api/v1/leads/${lead.id}`)).body.data).toMatchObject({
      id: lead.id,
      title: 'Fails once',
    });

    const again = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    expect((await status(lead.id, again)).body.data.status).toBe('completed');
    expect(await deals('Fails once')).toHaveLength(1);
  });

  it('a failure aimed at one lead leaves other leads’ conversions alone', async () => {
    const { createLead, convert, status, admin, advance } = setUp();
    const aimed = await createLead({ title: 'Aimed at' });
    const other = await createLead({ title: 'Not aimed at' });
    expect((await admin('/conversions/fail', { leadId: aimed.id })).status).toBe(200);

    const otherJob = (await convert(other.id)).body.data.conversion_id as string;
    const aimedJob = (await convert(aimed.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    expect((await status(other.id, otherJob)).body.data.status).toBe('completed');
    expect((await status(aimed.id, aimedJob)).body.data.status).toBe('failed');
  });

  it('an injected rejection ends rejected', async () => {
    const { createLead, convert, status, admin, deals, advance } = setUp();
    const lead = await createLead({ title: 'Rejected once' });
    await admin('/conversions/fail', { ending: 'rejected' });
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    expect((await status(lead.id, conversionId)).body.data.status).toBe('rejected');
    expect(await deals('Rejected once')).toEqual([]);
  });

  it('a second conversion while the first runs is rejected: one lead never becomes two deals', async () => {
    const { createLead, convert, status, deals, advance } = setUp();
    const lead = await createLead({ title: 'Asked twice' });
    const first = (await convert(lead.id)).body.data.conversion_id as string;
    const second = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    expect((await status(lead.id, first)).body.data.status).toBe('completed');
    expect((await status(lead.id, second)).body.data.status).toBe('rejected');
    expect(await deals('Asked twice')).toHaveLength(1);
  });

  it('a converted lead cannot be converted again: 404 as the spec shows', async () => {
    const { createLead, convert, status, advance } = setUp();
    const lead = await createLead();
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    await status(lead.id, conversionId);

    const again = await convert(lead.id);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      success: false,
      error: 'Entity was not found',
      error_info: 'Object was not found.',
      data: null,
      additional_data: null,
    });
  });

  it('404 for an unknown lead, an unknown conversion, or a conversion of another lead', async () => {
    const { createLead, convert, status } = setUp();
    const lead = await createLead();
    const other = await createLead({ title: 'Other lead' });
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;

    expect((await convert('0b0e7e2c-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await status(lead.id, '0b0e7e2c-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await status(other.id, conversionId)).status).toBe(404);
  });

  it('refuses what the schema does not allow: other properties, wrong types, unknown stages, ids that are not UUIDs', async () => {
    const { createLead, convert, status, post } = setUp();
    const lead = await createLead();
    const refusals = [
      await convert(lead.id, { title: 'x' }),
      await convert(lead.id, { stage_id: '3' }),
      await convert(lead.id, { stage_id: 99 }),
      await convert(lead.id, { pipeline_id: 42 }),
      await convert(lead.id, ['stage_id']),
      await post('/api/v2/leads/not-a-uuid/convert/deal', {}),
      await status(lead.id, 'not-a-uuid'),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(refusals.map((answer) => answer.body.error)).toEqual([
      'Validation failed: title: Is not allowed',
      'Validation failed: stage_id: Must be a positive integer',
      'Validation failed: stage_id: Stage not found',
      'Validation failed: pipeline_id: Pipeline not found',
      'Validation failed: body: Must be an object',
      'Validation failed: id: Must be a valid UUID',
      'Validation failed: conversion_id: Must be a valid UUID',
    ]);
  });

  it('takes no body at all, as the body is optional', async () => {
    const { sandbox, token, createLead } = setUp();
    const lead = await createLead();
    const response = await sandbox.apiApp.request(`/api/v2/leads/${lead.id}/convert/deal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it('needs leads:full to convert and leads:read or leads:full for the status: 403 like Pipedrive otherwise', async () => {
    const { sandbox, createLead, convert, get } = setUp();
    const lead = await createLead();
    const readOnly = accessToken(sandbox, ['base', 'leads:read']);
    const none = accessToken(sandbox, ['base']);

    const refused = await convert(lead.id, {}, readOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('Scope and URL mismatch');
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    const path = `/api/v2/leads/${lead.id}/convert/status/${conversionId}`;
    expect((await get(path, readOnly)).status).toBe(200);
    expect((await get(path, none)).status).toBe(403);
  });

  it('a reset forgets conversions, deals and injected failures', async () => {
    const { sandbox, createLead, convert, status, admin, deals, advance } = setUp();
    const lead = await createLead();
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    await status(lead.id, conversionId);
    await admin('/conversions/fail', { times: 2 });

    await sandbox.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS });

    expect(await deals()).toEqual([]);
    expect(sandbox.store.crm.conversions.pendingFailures()).toEqual([]);
    expect((await status(lead.id, conversionId)).status).toBe(404);
  });

  it('the admin surface refuses a failure without the admin header, or with a wrong body', async () => {
    const { sandbox, admin } = setUp();
    const withoutHeader = await sandbox.apiApp.request('/__sandbox/conversions/fail', {
      method: 'POST',
      body: '{}',
    });
    expect(withoutHeader.status).toBe(403);
    expect((await admin('/conversions/fail', { ending: 'lost' })).status).toBe(400);
    expect((await admin('/conversions/fail', { times: -1 })).status).toBe(400);
    expect((await admin('/conversions/fail', { leadId: 'not-a-lead' })).status).toBe(400);
    expect(sandbox.store.crm.conversions.pendingFailures()).toEqual([]);
  });

  it('serves the deal’s page, as Pipedrive’s /deal/{id} link opens it', async () => {
    const { sandbox, createLead, convert, status, advance } = setUp();
    const lead = await createLead({ title: 'Page <b>deal</b>' });
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    advance(CONVERSION_MS);
    const dealId = (await status(lead.id, conversionId)).body.data.deal_id as number;

    const page = await sandbox.apiApp.request(`/deal/${dealId}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('<h1>Page &lt;b&gt;deal&lt;/b&gt;</h1>');
    expect(text).toContain(FIXTURES.adaLovelace.name);
    expect((await sandbox.apiApp.request('/deal/424242')).status).toBe(404);
  });

  it('a started sandbox converts in 1.5 s unless SANDBOX_CONVERSION_MS says otherwise', () => {
    expect(sandboxSettingsFromEnv({}).conversionMs).toBe(1500);
    expect(sandboxSettingsFromEnv({ SANDBOX_CONVERSION_MS: '200' }).conversionMs).toBe(200);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_CONVERSION_MS: 'soon' })).toThrow(/SANDBOX_CONVERSION_MS/);
  });

  it('in-process, with no time set, a conversion is done by the next read', async () => {
    const { createLead, convert, status } = setUp({ conversionMs: 0 });
    const lead = await createLead();
    const conversionId = (await convert(lead.id)).body.data.conversion_id as string;
    expect((await status(lead.id, conversionId)).body.data.status).toBe('completed');
  });
});
