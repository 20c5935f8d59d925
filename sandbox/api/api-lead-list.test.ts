import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_KEYS as K } from '../company/custom-field-keys.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const ada = FIXTURES.adaLovelace;
const engines = FIXTURES.analyticalEngines;
const globex = FIXTURES.globex;
const PRIYA_ID = 21000007;

/** Three leads a minute apart, with different owners, contacts, dates and titles. */
async function setup(options: { searchLagMs?: number } = {}) {
  const clock = createClock(Date.UTC(2026, 10, 22, 9, 0, 0));
  const sandbox = createTestSandbox(clock, undefined, options);
  const token = accessToken(sandbox);
  const [me, colleague] = sandbox.store.crm.users;
  if (!me || !colleague) throw new Error('the sandbox needs two users');
  const create = async (body: Record<string, unknown>): Promise<string> => {
    const response = await apiPostJson(sandbox, '/api/v1/leads', token, body);
    expect(response.status).toBe(201);
    clock.advance(60_000);
    return (await response.json()).data.id;
  };
  const bravo = await create({
    title: 'Bravo boilers',
    person_id: ada.personId,
    organization_id: engines.organizationId,
    expected_close_date: '2026-12-01',
    [K.varchar]: 'From the fair',
  });
  const alpha = await create({ title: 'Alpha anvils', organization_id: globex.organizationId });
  const charlie = await create({
    title: 'Charlie chisels',
    person_id: ada.personId,
    owner_id: colleague.id,
    expected_close_date: '2026-11-30',
  });
  const list = async (query = '', withToken = token) => {
    const response = await apiGet(sandbox, `/api/v1/leads${query}`, withToken);
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const ids = async (query: string) =>
    (await list(query)).body.data.map((lead: { id: string }) => lead.id) as string[];
  return { clock, sandbox, token, me, colleague, leads: { alpha, bravo, charlie }, list, ids };
}

describe('GET /v1/leads', () => {
  it('lists every lead, oldest first, each as GET /v1/leads/{id} has it, in the v1 paging envelope', async () => {
    const { sandbox, token, leads, list } = await setup();
    const { status, headers, body } = await list();
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('20');
    expect(body.data.map((lead: { id: string }) => lead.id)).toEqual([
      leads.bravo,
      leads.alpha,
      leads.charlie,
    ]);
    const one = await (await apiGet(sandbox, `/api/v1/leads/${leads.bravo}`, token)).json();
    expect(body.data[0]).toEqual(one.data);
    expect(body.data[0][K.varchar]).toBe('From the fair');
    expect(body.additional_data).toEqual({
      pagination: { start: 0, limit: 100, more_items_in_collection: false },
    });
    expect(body.success).toBe(true);
    expect((await apiGet(sandbox, '/v1/leads', token)).status).toBe(200);
  });

  it('pages with limit and start, saying where the next page starts, and caps the page at 500', async () => {
    const { leads, list } = await setup();
    const first = (await list('?limit=2')).body;
    expect(first.data.map((lead: { id: string }) => lead.id)).toEqual([leads.bravo, leads.alpha]);
    expect(first.additional_data.pagination).toEqual({
      start: 0,
      limit: 2,
      more_items_in_collection: true,
      next_start: 2,
    });
    const last = (await list('?limit=2&start=2')).body;
    expect(last.data.map((lead: { id: string }) => lead.id)).toEqual([leads.charlie]);
    expect(last.additional_data.pagination).toEqual({ start: 2, limit: 2, more_items_in_collection: false });
    expect((await list('?start=9')).body.data).toEqual([]);
    expect((await list('?limit=10000')).body.additional_data.pagination.limit).toBe(500);
  });

  it('filters by owner, person and organization', async () => {
    const { me, colleague, leads, ids } = await setup();
    expect(await ids(`?owner_id=${colleague.id}`)).toEqual([leads.charlie]);
    expect(await ids(`?owner_id=${me.id}`)).toEqual([leads.bravo, leads.alpha]);
    expect(await ids(`?person_id=${ada.personId}`)).toEqual([leads.bravo, leads.charlie]);
    expect(await ids(`?organization_id=${globex.organizationId}`)).toEqual([leads.alpha]);
    expect(await ids(`?person_id=${ada.personId}&owner_id=${me.id}`)).toEqual([leads.bravo]);
    expect(await ids('?person_id=999999')).toEqual([]);
  });

  it('filters by update time from updated_since on, and by archived status', async () => {
    const { leads, ids } = await setup();
    expect(await ids('?updated_since=2026-11-22T09:01:00Z')).toEqual([leads.alpha, leads.charlie]);
    expect(await ids('?updated_since=2026-11-22T10:01:00%2B01:00')).toEqual([leads.alpha, leads.charlie]);
    expect(await ids('?updated_since=2026-11-22T09:02:00.001Z')).toEqual([]);
    // The API cannot archive a lead, so every sandbox lead is not archived.
    expect(await ids('?archived_status=not_archived')).toHaveLength(3);
    expect(await ids('?archived_status=all')).toHaveLength(3);
    expect(await ids('?archived_status=archived')).toEqual([]);
  });

  it('sorts by the documented fields, ASC by default, several keys in turn, nulls after values', async () => {
    const { me, colleague, leads, ids } = await setup();
    const { alpha, bravo, charlie } = leads;
    expect(await ids('?sort=add_time%20DESC')).toEqual([charlie, alpha, bravo]);
    expect(await ids('?sort=title')).toEqual([alpha, bravo, charlie]);
    expect(await ids('?sort=title%20desc')).toEqual([charlie, bravo, alpha]);
    expect(await ids('?sort=expected_close_date%20ASC')).toEqual([charlie, bravo, alpha]);
    expect(await ids('?sort=expected_close_date%20DESC')).toEqual([alpha, bravo, charlie]);
    // My two leads together, then by title within them; the colleague's one before or after by id.
    const mine = [bravo, alpha];
    const ownerFirst = me.id < colleague.id ? [...mine, charlie] : [charlie, ...mine];
    expect(await ids('?sort=owner_id%20ASC,%20title%20DESC')).toEqual(ownerFirst);
    expect(await ids('?sort=owner_id,title')).toEqual(
      me.id < colleague.id ? [alpha, bravo, charlie] : [charlie, alpha, bravo],
    );
  });

  it('refuses malformed parameters with the lead endpoints’ 400 body, and any filter_id', async () => {
    const { list } = await setup();
    const cases: Array<[string, unknown]> = [
      ['?limit=0', '"limit" must be greater than or equal to 1'],
      ['?limit=ten', '"limit" must be a number'],
      ['?start=-1', '"start" must be greater than or equal to 0'],
      ['?owner_id=abc', '"owner_id" must be a number'],
      ['?archived_status=gone', '"archived_status" must be one of [archived, not_archived, all]'],
      ['?updated_since=yesterday', '"updated_since" must be in ISO 8601 date format'],
      ['?sort=value%20DESC', expect.stringMatching(/^"sort" must be fields of id, title/)],
      ['?sort=title%20UP', expect.stringMatching(/^"sort" must be/)],
      ['?filter_id=1', '"filter_id" must refer to an existing filter'],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body, query).toEqual({
        success: false,
        data: null,
        additional_data: null,
        error: 'provided dataset is not valid',
        error_info: message,
      });
    }
  });

  it('needs leads:read or leads:full, and a permission set with leads', async () => {
    const { sandbox, list } = await setup();
    const issue = (userId: number, scopes: string[]) =>
      sandbox.store.auth.issueTokens({ clientId: sandbox.clients.public.clientId, userId, scopes })
        .accessToken.token;
    const me = sandbox.store.crm.users[0]?.id ?? 0;
    expect((await list('', issue(me, ['base', 'leads:read']))).status).toBe(200);
    expect((await list('', issue(me, ['base', 'contacts:full']))).status).toBe(403);
    const priya = await list('', issue(PRIYA_ID, ['base', 'leads:full']));
    expect(priya.status).toBe(403);
    expect(priya.body.error).toBe('You do not have permissions to do this.');
  });

  it('lists a lead the moment it is stored, while search still lags', async () => {
    const { sandbox, token, ids } = await setup({ searchLagMs: 3000 });
    const response = await apiPostJson(sandbox, '/api/v1/leads', token, {
      title: 'Delta drills',
      person_id: 1,
    });
    const created = (await response.json()).data.id;
    expect(await ids('?sort=add_time%20DESC&limit=1')).toEqual([created]);
    const search = await (await apiGet(sandbox, '/api/v2/leads/search?term=delta%20drills', token)).json();
    expect(search.data.items).toEqual([]);
  });
});
