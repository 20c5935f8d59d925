import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock(Date.UTC(2026, 10, 22, 9, 30, 15, 123));
const sandbox = createTestSandbox(clock);
const token = accessToken(sandbox);
const me = sandbox.store.crm.users[0];
const person = { title: 'Analytical engine upgrade', person_id: FIXTURES.adaLovelace.personId };

async function create(body: unknown) {
  const response = await apiPostJson(sandbox, '/api/v1/leads', token, body);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function expectInvalid(body: unknown, message: string) {
  const result = await create(body);
  expect(result.status).toBe(400);
  expect(result.body).toEqual({
    success: false,
    data: null,
    additional_data: null,
    error: 'provided dataset is not valid',
    error_info: message,
  });
}

describe('POST /api/v1/leads', () => {
  it('creates a lead for a person and answers 201 with the full lead', async () => {
    const { status, headers, body } = await create({ ...person, value: { amount: 1200, currency: 'EUR' } });
    expect(status).toBe(201);
    expect(headers.get('x-token-cost')).toBe('10');
    expect(body.success).toBe(true);
    expect(body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      title: 'Analytical engine upgrade',
      owner_id: me?.id,
      creator_id: me?.id,
      label_ids: [],
      person_id: 1,
      organization_id: null,
      source_name: 'API',
      origin: 'API',
      origin_id: null,
      channel: null,
      channel_id: null,
      is_archived: false,
      archive_time: null,
      was_seen: false,
      value: { amount: 1200, currency: 'EUR' },
      expected_close_date: null,
      next_activity_id: null,
      add_time: '2026-11-22T09:30:15.123Z',
      update_time: '2026-11-22T09:30:15.123Z',
      visible_to: '3',
      cc_email: expect.stringMatching(
        /^northwind-sandbox\+\d+\+lead[A-Za-z0-9]+@sandbox\.pipedrivemail\.example$/,
      ),
      source_deal_id: null,
    });
  });

  it('creates a lead for an organization with every optional field', async () => {
    const labelId = sandbox.store.crm.leadLabels[0]?.id;
    const { status, body } = await create({
      title: 'Globex renewal',
      organization_id: FIXTURES.globex.organizationId,
      owner_id: sandbox.store.crm.users[1]?.id,
      label_ids: [labelId],
      expected_close_date: '2026-12-31',
      visible_to: '7',
      was_seen: true,
      origin_id: 'crm-import-7',
      channel: 64,
      channel_id: 'Jun23 Billboards',
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      organization_id: 2,
      person_id: null,
      owner_id: sandbox.store.crm.users[1]?.id,
      creator_id: me?.id,
      label_ids: [labelId],
      expected_close_date: '2026-12-31',
      visible_to: '7',
      was_seen: true,
      origin_id: 'crm-import-7',
      channel: 64,
      channel_id: 'Jun23 Billboards',
      value: null,
    });
  });

  it('requires a title', () => expectInvalid({ person_id: 1 }, '"title" is required'));
  it('requires the title to be a string', () =>
    expectInvalid({ title: 5, person_id: 1 }, '"title" must be a string'));
  it('requires a person or an organization', () =>
    expectInvalid({ title: 'x' }, '"value" must contain at least one of [person_id, organization_id]'));
  it('rejects a person that does not exist', () =>
    expectInvalid({ title: 'x', person_id: 999999 }, '"person_id" must refer to an existing person'));
  it('rejects an organization that does not exist', () =>
    expectInvalid(
      { title: 'x', organization_id: 999999 },
      '"organization_id" must refer to an existing organization',
    ));
  it('rejects null for a typed field', () =>
    expectInvalid({ ...person, owner_id: null }, '"owner_id" must be a number'));
  it('rejects null for person_id', () =>
    expectInvalid({ title: 'x', person_id: null }, '"person_id" must be a number'));
  it('rejects a deactivated owner', () =>
    expectInvalid(
      { ...person, owner_id: sandbox.store.crm.users.at(-1)?.id },
      '"owner_id" must refer to an existing active user',
    ));
  it('rejects a month that does not exist', () =>
    expectInvalid(
      { ...person, expected_close_date: '2026-13-01' },
      '"expected_close_date" must be in YYYY-MM-DD format',
    ));
  it('rejects a day that does not exist', () =>
    expectInvalid(
      { ...person, expected_close_date: '2026-02-30' },
      '"expected_close_date" must be in YYYY-MM-DD format',
    ));
  it('requires a currency with the value', () =>
    expectInvalid({ ...person, value: { amount: 10 } }, '"value.currency" is required'));
  it('requires an amount with the value', () =>
    expectInvalid({ ...person, value: { currency: 'EUR' } }, '"value.amount" is required'));
  it('requires value to be an object', () =>
    expectInvalid({ ...person, value: 100 }, '"value" must be of type object'));
  it('requires visible_to to be a string', () =>
    expectInvalid({ ...person, visible_to: 3 }, '"visible_to" must be a string'));
  it('rejects a visibility the plan does not have', () =>
    expectInvalid({ ...person, visible_to: '2' }, '"visible_to" must be one of [1, 3, 5, 7]'));
  it('rejects label ids that are not an array', () =>
    expectInvalid({ ...person, label_ids: 'hot' }, '"label_ids" must be an array'));
  it('rejects was_seen that is not a boolean', () =>
    expectInvalid({ ...person, was_seen: 'yes' }, '"was_seen" must be a boolean'));
  it('rejects a channel that is not a number', () =>
    expectInvalid({ ...person, channel: '64' }, '"channel" must be a number'));
  it('rejects an unknown key', () => expectInvalid({ ...person, note: 'hi' }, '"note" is not allowed'));
  it('rejects a body that is not an object', () => expectInvalid([person], '"value" must be of type object'));

  it('offers only visibility 1 and 3 on the Growth plan', async () => {
    const growth = createTestSandbox(createClock(), 'growth');
    const response = await apiPostJson(growth, '/api/v1/leads', accessToken(growth), {
      ...person,
      visible_to: '7',
    });
    expect((await response.json()).error_info).toBe('"visible_to" must be one of [1, 3]');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await sandbox.apiApp.request('/api/v1/leads', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=x&person_id=1',
    });
    expect(response.status).toBe(415);
  });

  it('needs leads:full', async () => {
    const readOnly = accessToken(sandbox, ['base', 'leads:read']);
    expect((await apiPostJson(sandbox, '/api/v1/leads', readOnly, person)).status).toBe(403);
  });
});

describe('sandbox admin: switching a user off', () => {
  it('makes leads owned by that user fail on owner_id, until switched on again', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox);
    const owner = sandbox.store.crm.users[4];
    if (!owner) throw new Error('the seed has fewer than 5 users');
    const setActive = (active: boolean) =>
      sandbox.apiApp.request(`/__sandbox/users/${owner.id}/active`, {
        method: 'POST',
        headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ active }),
      });
    const lead = { title: 'Owned', person_id: FIXTURES.adaLovelace.personId, owner_id: owner.id };

    expect((await setActive(false)).status).toBe(200);
    const refused = await apiPostJson(sandbox, '/api/v1/leads', token, lead);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error_info).toBe('"owner_id" must refer to an existing active user');

    expect((await setActive(true)).status).toBe(200);
    expect((await apiPostJson(sandbox, '/api/v1/leads', token, lead)).status).toBe(201);
  });
});

describe('GET /api/v1/leads/:id', () => {
  it('returns the lead that was created', async () => {
    const created = await create(person);
    const response = await apiGet(sandbox, `/api/v1/leads/${created.body.data.id}`, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: created.body.data });
  });

  it('answers 404 with Pipedrive body for an unknown lead', async () => {
    const response = await apiGet(sandbox, '/api/v1/leads/adf21080-0e10-41eb-879b-05d71fb426ec', token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      success: false,
      error: 'requested lead not found',
      error_info: 'Object was not found.',
      data: null,
      additional_data: null,
    });
  });

  it('answers 400 for an id that is not a GUID', async () => {
    const response = await apiGet(sandbox, '/api/v1/leads/123', token);
    expect(response.status).toBe(400);
    expect((await response.json()).error_info).toBe('"id" must be a valid GUID');
  });
});

describe('lead inbox page and reset', () => {
  it('shows the lead with every name escaped', async () => {
    const created = await create({
      title: '<script>alert("t")</script> deal',
      person_id: FIXTURES.markupName.personId,
      value: { amount: 1500, currency: 'EUR' },
    });
    const response = await sandbox.apiApp.request(`/leads/inbox/${created.body.data.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; deal</h1>');
    expect(html).toContain('Bobby &lt;img src=x onerror=alert(1)&gt; Tables');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('€1,500.00');
    expect(html).toContain('Maria Lopez');
  });

  it('answers 404 with a page for an unknown lead', async () => {
    const response = await sandbox.apiApp.request('/leads/inbox/adf21080-0e10-41eb-879b-05d71fb426ec');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>Lead not found</h1>');
  });

  it('reset clears the leads', async () => {
    const own = createTestSandbox();
    const ownToken = accessToken(own);
    const created = await (await apiPostJson(own, '/api/v1/leads', ownToken, person)).json();
    expect(
      (await own.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS }))
        .status,
    ).toBe(200);
    expect((await apiGet(own, `/api/v1/leads/${created.data.id}`, ownToken)).status).toBe(404);
    expect(own.store.crm.findPerson(1)?.name).toBe('Ada Lovelace');
  });
});
