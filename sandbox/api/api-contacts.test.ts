import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock(Date.UTC(2026, 10, 22, 9, 30, 15, 123));
const sandbox = createTestSandbox(clock);
const token = accessToken(sandbox);
const me = sandbox.store.crm.users[0];

async function post(path: string, body: unknown, target = sandbox, withToken = token) {
  const response = await apiPostJson(target, path, withToken, body);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function expectV2Invalid(path: string, body: unknown, parameter: string) {
  const result = await post(path, body);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ success: false, code: 'ERR_SCHEMA_VALIDATION_FAILED', data: null });
  expect(result.body.error).toMatch(
    new RegExp(`^Validation failed: ${parameter.replace(/[[\].]/g, '\\$&')}: `),
  );
}

describe('POST /api/v2/persons', () => {
  it('creates a person and answers 200 with the v2 person shape, costing 5 tokens', async () => {
    const { status, headers, body } = await post('/api/v2/persons', {
      name: '  Grace Brewster Hopper ',
      org_id: FIXTURES.analyticalEngines.organizationId,
      emails: [
        { value: 'grace@navy.example', label: 'work' },
        { value: 'grace@home.example', primary: true, label: 'home' },
      ],
      phones: [{ value: '+1 202 555 0199' }],
    });
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('5');
    expect(body).toEqual({
      success: true,
      data: {
        id: expect.any(Number),
        name: 'Grace Brewster Hopper',
        first_name: 'Grace Brewster',
        last_name: 'Hopper',
        owner_id: me?.id,
        org_id: FIXTURES.analyticalEngines.organizationId,
        add_time: '2026-11-22T09:30:15Z',
        update_time: '2026-11-22T09:30:15Z',
        emails: [
          { value: 'grace@navy.example', primary: false, label: 'work' },
          { value: 'grace@home.example', primary: true, label: 'home' },
        ],
        phones: [{ value: '+1 202 555 0199', primary: true, label: 'work' }],
        is_deleted: false,
        visible_to: 3,
        label_ids: [],
        custom_fields: {},
      },
    });
    expect(sandbox.store.crm.findPerson(body.data.id)?.name).toBe('Grace Brewster Hopper');
  });

  it('takes owner_id and visible_to from the body', async () => {
    const owner = sandbox.store.crm.users[2];
    const { body } = await post('/api/v2/persons', { name: 'Solo', owner_id: owner?.id, visible_to: 7 });
    expect(body.data).toMatchObject({ owner_id: owner?.id, visible_to: 7, first_name: 'Solo' });
    expect(body.data).not.toHaveProperty('org_id');
  });

  it('rejects a missing, non-string or blank name', async () => {
    await expectV2Invalid('/api/v2/persons', { emails: [] }, 'name');
    await expectV2Invalid('/api/v2/persons', { name: 42 }, 'name');
    await expectV2Invalid('/api/v2/persons', { name: '   ' }, 'name');
  });

  it('rejects an organization that does not exist', () =>
    expectV2Invalid('/api/v2/persons', { name: 'X', org_id: 999_999 }, 'org_id'));
  it('rejects an inactive owner', () =>
    expectV2Invalid(
      '/api/v2/persons',
      { name: 'X', owner_id: sandbox.store.crm.users.at(-1)?.id },
      'owner_id',
    ));
  it('rejects emails that are not an array of {value}', async () => {
    await expectV2Invalid('/api/v2/persons', { name: 'X', emails: 'a@b.example' }, 'emails');
    await expectV2Invalid('/api/v2/persons', { name: 'X', emails: [{ label: 'work' }] }, 'emails[0].value');
    await expectV2Invalid(
      '/api/v2/persons',
      { name: 'X', phones: [{ value: '1', primary: 'yes' }] },
      'phones[0].primary',
    );
  });
  it('rejects a visibility the plan does not have', () =>
    expectV2Invalid('/api/v2/persons', { name: 'X', visible_to: '3' }, 'visible_to'));
  it('rejects unknown fields', () =>
    expectV2Invalid('/api/v2/persons', { name: 'X', job_title: 'CTO' }, 'job_title'));

  it('needs contacts:full', async () => {
    const readOnly = accessToken(sandbox, ['contacts:read']);
    expect((await post('/api/v2/persons', { name: 'X' }, sandbox, readOnly)).status).toBe(403);
  });
});

describe('POST /api/v2/organizations', () => {
  it('creates an organization and answers 200 with the v2 organization shape', async () => {
    const { status, headers, body } = await post('/api/v2/organizations', {
      name: 'Hopper Compilers Inc.',
      address: { value: '1 Compiler Way, Arlington VA', locality: 'Arlington' },
    });
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('5');
    expect(body).toEqual({
      success: true,
      data: {
        id: expect.any(Number),
        name: 'Hopper Compilers Inc.',
        owner_id: me?.id,
        add_time: '2026-11-22T09:30:15Z',
        update_time: '2026-11-22T09:30:15Z',
        is_deleted: false,
        visible_to: 3,
        address: { value: '1 Compiler Way, Arlington VA', locality: 'Arlington' },
        label_ids: [],
        website: null,
        linkedin: null,
        industry: null,
        annual_revenue: null,
        employee_count: null,
        custom_fields: {},
      },
    });
  });

  it('rejects a missing name and a malformed address', async () => {
    await expectV2Invalid('/api/v2/organizations', { address: { value: 'x' } }, 'name');
    await expectV2Invalid('/api/v2/organizations', { name: 'X', address: '1 Road' }, 'address');
    await expectV2Invalid('/api/v2/organizations', { name: 'X', address: { value: '' } }, 'address.value');
    await expectV2Invalid('/api/v2/organizations', { name: 'X', employee_count: -1 }, 'employee_count');
  });
});

describe('created persons and organizations', () => {
  it('are found by search right after creation', async () => {
    const own = createTestSandbox();
    const ownToken = accessToken(own);
    const org = await post('/api/v2/organizations', { name: 'Zyxwv Quantum Looms' }, own, ownToken);
    const person = await post(
      '/api/v2/persons',
      { name: 'Qwerty Zanzibar', org_id: org.body.data.id, emails: [{ value: 'qz@looms.example' }] },
      own,
      ownToken,
    );
    const people = await (await apiGet(own, '/api/v2/persons/search?term=zanzibar', ownToken)).json();
    expect(people.data.items).toHaveLength(1);
    expect(people.data.items[0].item).toMatchObject({
      id: person.body.data.id,
      name: 'Qwerty Zanzibar',
      emails: ['qz@looms.example'],
      organization: { id: org.body.data.id, name: 'Zyxwv Quantum Looms', address: null },
    });
    const byEmail = await (
      await apiGet(own, '/api/v2/persons/search?term=qz@looms.example', ownToken)
    ).json();
    expect(byEmail.data.items.map((hit: { item: { id: number } }) => hit.item.id)).toEqual([
      person.body.data.id,
    ]);
    const orgs = await (await apiGet(own, '/api/v2/organizations/search?term=zyxwv', ownToken)).json();
    expect(orgs.data.items.map((hit: { item: { id: number } }) => hit.item.id)).toEqual([org.body.data.id]);
  });

  it('are not visible in another sandbox', async () => {
    const one = createTestSandbox();
    const other = createTestSandbox();
    await post('/api/v2/persons', { name: 'Isolated Ylvamoth' }, one, accessToken(one));
    const hits = await (
      await apiGet(other, '/api/v2/persons/search?term=ylvamoth', accessToken(other))
    ).json();
    expect(hits.data.items).toEqual([]);
  });

  it('can be linked from a lead', async () => {
    const person = await post('/api/v2/persons', { name: 'Lead Linkable' });
    const org = await post('/api/v2/organizations', { name: 'Linkable Org' });
    const lead = await post('/api/v1/leads', {
      title: 'From new contacts',
      person_id: person.body.data.id,
      organization_id: org.body.data.id,
    });
    expect(lead.status).toBe(201);
    expect(lead.body.data).toMatchObject({
      person_id: person.body.data.id,
      organization_id: org.body.data.id,
    });
  });

  it('are removed by /__sandbox/reset, which keeps the seed', async () => {
    const own = createTestSandbox();
    const ownToken = accessToken(own);
    const person = await post('/api/v2/persons', { name: 'Ephemeral Vwxyzperson' }, own, ownToken);
    const org = await post('/api/v2/organizations', { name: 'Ephemeral Vwxyzorg' }, own, ownToken);
    expect(
      (await own.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS }))
        .status,
    ).toBe(200);
    expect(own.store.crm.findPerson(person.body.data.id)).toBeUndefined();
    expect(own.store.crm.findOrganization(org.body.data.id)).toBeUndefined();
    const hits = await (await apiGet(own, '/api/v2/persons/search?term=vwxyzperson', ownToken)).json();
    expect(hits.data.items).toEqual([]);
    const lead = await post('/api/v1/leads', { title: 'x', person_id: person.body.data.id }, own, ownToken);
    expect(lead.body.error_info).toBe('"person_id" must refer to an existing person');
    expect(own.store.crm.findPerson(FIXTURES.adaLovelace.personId)?.name).toBe(FIXTURES.adaLovelace.name);
  });
});
