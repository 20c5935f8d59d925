import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_KEYS as K } from '../company/custom-field-keys.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createTestSandbox } from '../testing/test-support.ts';

const ada = FIXTURES.adaLovelace;
const engines = FIXTURES.analyticalEngines;
const globex = FIXTURES.globex;

function setup(scopes?: readonly string[]) {
  const sandbox = createTestSandbox();
  const token = accessToken(sandbox, scopes);
  const admin = accessToken(sandbox);
  return {
    sandbox,
    async create(body: Record<string, unknown>): Promise<string> {
      const response = await apiPostJson(sandbox, '/api/v1/leads', admin, body);
      expect(response.status).toBe(201);
      return ((await response.json()) as { data: { id: string } }).data.id;
    },
    async search(query: string) {
      const response = await apiGet(sandbox, `/api/v2/leads/search?${query}`, token);
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
  };
}

interface Item {
  result_score: number;
  item: { id: string; title: string; custom_fields: string[]; was_seen?: boolean };
}
const ids = (body: { data: { items: Item[] } }) => body.data.items.map((entry) => entry.item.id);

describe('GET /api/v2/leads/search', () => {
  it('finds a lead right after it is stored, with the documented item shape', async () => {
    const { sandbox, create, search } = setup();
    const id = await create({
      title: 'Difference engine retrofit',
      person_id: ada.personId,
      organization_id: engines.organizationId,
      value: { amount: 1200, currency: 'EUR' },
      [K.varchar]: 'Met at the Babbage conference',
    });
    const { status, headers, body } = await search('term=difference%20engine');
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('20');
    expect(body).toEqual({
      success: true,
      data: {
        items: [
          {
            result_score: expect.any(Number),
            item: {
              id,
              type: 'lead',
              title: 'Difference engine retrofit',
              owner: { id: sandbox.store.crm.users[0]?.id },
              person: { id: ada.personId, name: ada.name },
              organization: { id: engines.organizationId, name: engines.name },
              phones: ['+44 20 7946 0815'],
              emails: [ada.email],
              custom_fields: [],
              notes: [],
              value: 1200,
              currency: 'EUR',
              visible_to: 3,
              is_archived: false,
            },
          },
        ],
      },
      additional_data: { next_cursor: null },
    });
  });

  it('an organization-only lead has no person, phones or emails, and no value without one', async () => {
    const { create, search } = setup();
    const id = await create({ title: 'Globex cooling towers', organization_id: globex.organizationId });
    const [hit] = (await search('term=cooling')).body.data.items;
    expect(hit.item).toMatchObject({
      id,
      person: null,
      organization: { id: globex.organizationId, name: globex.name },
      phones: [],
      emails: [],
      value: null,
      currency: null,
    });
  });

  it('filters by person_id and organization_id, as a reconciling client does', async () => {
    const { create, search } = setup();
    const forAda = await create({ title: 'Resubmitted lead', person_id: ada.personId });
    const forGlobex = await create({ title: 'Resubmitted lead', organization_id: globex.organizationId });
    const both = await create({
      title: 'Resubmitted lead',
      person_id: FIXTURES.hankScorpio.personId,
      organization_id: globex.organizationId,
    });
    const term = `term=${encodeURIComponent('Resubmitted lead')}&exact_match=true`;
    expect(ids((await search(term)).body).sort()).toEqual([forAda, forGlobex, both].sort());
    expect(ids((await search(`${term}&person_id=${ada.personId}`)).body)).toEqual([forAda]);
    expect(ids((await search(`${term}&organization_id=${globex.organizationId}`)).body).sort()).toEqual(
      [forGlobex, both].sort(),
    );
    expect(
      ids((await search(`${term}&organization_id=${globex.organizationId}&person_id=${ada.personId}`)).body),
    ).toEqual([]);
  });

  it('exact_match finds only the whole title, ignoring case', async () => {
    const { create, search } = setup();
    const whole = await create({ title: 'Steam press', person_id: ada.personId });
    await create({ title: 'Steam press upgrade', person_id: ada.personId });
    expect(ids((await search('term=STEAM%20PRESS&exact_match=true')).body)).toEqual([whole]);
    expect(ids((await search('term=steam%20press')).body)).toHaveLength(2);
  });

  it('pages with limit and cursor without overlap', async () => {
    const { create, search } = setup();
    const created = new Set<string>();
    for (let n = 1; n <= 5; n += 1)
      created.add(await create({ title: `Paging lead ${n}`, person_id: ada.personId }));
    const seen: string[] = [];
    let query = 'term=paging&limit=2';
    for (let pageNumber = 0; pageNumber < 3; pageNumber += 1) {
      const { body } = await search(query);
      seen.push(...ids(body));
      const cursor: string | null = body.additional_data.next_cursor;
      if (pageNumber < 2) {
        expect(body.data.items).toHaveLength(2);
        query = `term=paging&limit=2&cursor=${encodeURIComponent(cursor ?? '')}`;
      } else {
        expect(body.data.items).toHaveLength(1);
        expect(cursor).toBeNull();
      }
    }
    expect(new Set(seen)).toEqual(created);
  });

  it('searches custom fields and lists the matching values; fields narrows where it looks', async () => {
    const { create, search } = setup();
    const id = await create({ title: 'Lathe', person_id: ada.personId, [K.text]: 'Wants a brass gearbox' });
    const all = await search('term=gearbox');
    expect(ids(all.body)).toEqual([id]);
    expect(all.body.data.items[0].item.custom_fields).toEqual(['Wants a brass gearbox']);
    expect(ids((await search('term=gearbox&fields=title')).body)).toEqual([]);
    expect(ids((await search('term=gearbox&fields=custom_fields')).body)).toEqual([id]);
    // The sandbox has no notes, so searching them finds nothing, but the field is accepted.
    expect((await search('term=lathe&fields=notes')).body.data.items).toEqual([]);
  });

  it('includes was_seen only when asked', async () => {
    const { create, search } = setup();
    await create({ title: 'Seen lead', person_id: ada.personId, was_seen: true });
    expect((await search('term=seen')).body.data.items[0].item).not.toHaveProperty('was_seen');
    const included = await search('term=seen&include_fields=lead.was_seen');
    expect(included.body.data.items[0].item.was_seen).toBe(true);
  });

  it('validates its parameters like the other v2 searches', async () => {
    const { search } = setup();
    for (const query of [
      'term=a',
      'term=ab&fields=name',
      'term=ab&person_id=abc',
      'term=ab&organization_id=0',
      'term=ab&include_fields=lead.title',
      'term=ab&limit=501',
      'term=ab&cursor=nonsense',
    ]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body.success).toBe(false);
    }
    expect((await search('term=a&exact_match=true')).status).toBe(200);
  });

  it('needs leads:read, leads:full or search:read', async () => {
    expect((await setup(['contacts:read']).search('term=ab')).status).toBe(403);
    for (const scope of ['leads:read', 'leads:full', 'search:read']) {
      expect((await setup([scope]).search('term=ab')).status, scope).toBe(200);
    }
  });

  it('a reset drops created leads from the index too', async () => {
    const { sandbox, create, search } = setup();
    await create({ title: 'Ephemeral lead', person_id: ada.personId });
    expect(ids((await search('term=ephemeral')).body)).toHaveLength(1);
    sandbox.store.crm.reset();
    expect(ids((await search('term=ephemeral')).body)).toEqual([]);
  });
});
