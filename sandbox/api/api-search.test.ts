import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { BURST_WINDOW_MS } from '../store/usage-ledger.ts';
import { accessToken, apiGet, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock();
const sandbox = createTestSandbox(clock);
const token = accessToken(sandbox);

async function search(path: string) {
  // Each search in a window of its own: these tests are about what search finds, not how often it
  // may be asked (10 per 2 s; sandbox/store/rate-limits.test.ts).
  clock.advance(BURST_WINDOW_MS);
  const response = await apiGet(sandbox, path, token);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

interface Item {
  item: { id: number; name: string; type: string };
  result_score: number;
}

describe('GET /api/v2/persons/search', () => {
  it('rejects a one-character term with a validation error', async () => {
    const { status, body } = await search('/api/v2/persons/search?term=a');
    expect(status).toBe(400);
    expect(body.success).toBe(false);
    expect(body.error).toContain('term');
  });

  it('accepts a one-character term with exact_match', async () => {
    expect((await search('/api/v2/persons/search?term=a&exact_match=true')).status).toBe(200);
  });

  it('finds Ada Lovelace by a prefix of her last name, with the documented item shape', async () => {
    const { status, headers, body } = await search('/api/v2/persons/search?term=lov');
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('20');
    const hit = body.data.items.find((entry: Item) => entry.item.id === FIXTURES.adaLovelace.personId);
    expect(hit).toEqual({
      result_score: expect.any(Number),
      item: {
        id: 1,
        type: 'person',
        name: 'Ada Lovelace',
        phones: ['+44 20 7946 0815'],
        emails: ['ada.lovelace@analytical-engines.example'],
        visible_to: 3,
        owner: { id: expect.any(Number) },
        organization: {
          id: FIXTURES.analyticalEngines.organizationId,
          name: 'Analytical Engines Ltd',
          address: expect.any(String),
        },
        custom_fields: [],
        notes: [],
      },
    });
  });

  it('finds Ada Lovelace by an email prefix and by phone digits', async () => {
    const byEmail = await search(`/api/v2/persons/search?term=${encodeURIComponent('ada.lovelace@analy')}`);
    expect(byEmail.body.data.items.map((entry: Item) => entry.item.name)).toEqual(['Ada Lovelace']);
    const byPhone = await search('/api/v2/persons/search?term=7946%200815');
    expect(byPhone.body.data.items.map((entry: Item) => entry.item.id)).toContain(1);
  });

  it('ranks the exact full name first and ignores case and accents', async () => {
    const exact = await search('/api/v2/persons/search?term=ADA%20LOVELACE');
    expect(exact.body.data.items[0].item.name).toBe('Ada Lovelace');
    expect(exact.body.data.items[0].result_score).toBe(1);
    const accents = await search('/api/v2/persons/search?term=lopez&limit=500');
    const names: string[] = accents.body.data.items.map((entry: Item) => entry.item.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((name) => /l[oó]pez/i.test(name))).toBe(true);
    expect(names.some((name) => name.includes('López'))).toBe(true);
  });

  it('respects limit and pages with the cursor without overlap', async () => {
    const first = await search('/api/v2/persons/search?term=ma&limit=7');
    expect(first.body.data.items).toHaveLength(7);
    const cursor = first.body.additional_data.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const second = await search(
      `/api/v2/persons/search?term=ma&limit=7&cursor=${encodeURIComponent(cursor)}`,
    );
    expect(second.body.data.items).toHaveLength(7);
    const firstIds = first.body.data.items.map((entry: Item) => entry.item.id);
    const secondIds = second.body.data.items.map((entry: Item) => entry.item.id);
    expect(firstIds.filter((id: number) => secondIds.includes(id))).toEqual([]);
  });

  it('ends with a null next_cursor', async () => {
    const { body } = await search('/api/v2/persons/search?term=lovelace');
    expect(body.additional_data).toEqual({ next_cursor: null });
  });

  it('rejects a limit above 500 and a forged cursor', async () => {
    expect((await search('/api/v2/persons/search?term=ma&limit=501')).status).toBe(400);
    expect((await search('/api/v2/persons/search?term=ma&cursor=not-a-cursor')).status).toBe(400);
  });

  it('filters by organization_id', async () => {
    const { body } = await search(
      `/api/v2/persons/search?term=scorpio&organization_id=${FIXTURES.globex.organizationId}`,
    );
    expect(body.data.items.map((entry: Item) => entry.item.name)).toEqual(['Hank Scorpio']);
    const elsewhere = await search('/api/v2/persons/search?term=scorpio&organization_id=1');
    expect(elsewhere.body.data.items).toEqual([]);
  });

  it('searches only the requested fields', async () => {
    const nameOnly = await search(
      `/api/v2/persons/search?term=${encodeURIComponent('ada.lovelace@')}&fields=name`,
    );
    expect(nameOnly.body.data.items).toEqual([]);
  });
});

describe('GET /api/v2/organizations/search', () => {
  it('finds Globex Corporation exactly once with the documented item shape', async () => {
    const { status, body } = await search('/api/v2/organizations/search?term=globex');
    expect(status).toBe(200);
    expect(body.data.items).toEqual([
      {
        result_score: expect.any(Number),
        item: {
          id: FIXTURES.globex.organizationId,
          type: 'organization',
          name: 'Globex Corporation',
          address: expect.any(String),
          visible_to: 3,
          owner: { id: expect.any(Number) },
          custom_fields: [],
          notes: [],
        },
      },
    ]);
  });

  it('rejects a short term', async () => {
    expect((await search('/api/v2/organizations/search?term=g')).status).toBe(400);
  });
});
