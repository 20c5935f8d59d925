import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { BURST_WINDOW_MS } from '../store/usage-ledger.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

/**
 * The searches QuickLead makes before an inline create: one field, `exact_match=true`, as the v2
 * documents define them ("only full exact matches against the given term are returned. It is not
 * case sensitive.").
 */
function setup(searchLagMs = 0) {
  const clock = createClock();
  const sandbox = createTestSandbox(clock, undefined, { searchLagMs });
  const token = accessToken(sandbox);
  const names = async (entity: 'persons' | 'organizations', query: Record<string, string>) => {
    clock.advance(BURST_WINDOW_MS);
    const response = await apiGet(sandbox, `/api/v2/${entity}/search?${new URLSearchParams(query)}`, token);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return (body.data.items as Array<{ item: { name: string } }>).map((entry) => entry.item.name);
  };
  return { clock, sandbox, token, names };
}

const exact = (fields: string, term: string) => ({ term, fields, exact_match: 'true' });

describe('exact person look-ups', () => {
  it('by email: the whole address, in any case; a part of it finds nobody', async () => {
    const { names } = setup();
    expect(await names('persons', exact('email', 'Ada.Lovelace@Analytical-Engines.example'))).toEqual([
      'Ada Lovelace',
    ]);
    expect(await names('persons', exact('email', 'ada.lovelace@'))).toEqual([]);
    expect(await names('persons', exact('email', 'Ada Lovelace'))).toEqual([]);
  });

  it('by phone: only the number as stored matches, not the same digits in another layout', async () => {
    const { names } = setup();
    expect(await names('persons', exact('phone', '+44 20 7946 0815'))).toEqual(['Ada Lovelace']);
    expect(await names('persons', exact('phone', '+44 (20) 7946-0815'))).toEqual([]);
    expect(await names('persons', exact('phone', '+442079460815'))).toEqual([]);
    expect(await names('persons', exact('phone', '020 7946 0815'))).toEqual([]);
    expect(await names('persons', exact('phone', '7946 0815'))).toEqual([]);
  });

  it('by name: the full name in any case; a first name alone finds nobody', async () => {
    const { names } = setup();
    expect(await names('persons', exact('name', 'ada lovelace'))).toEqual(['Ada Lovelace']);
    expect(await names('persons', exact('name', 'Ada'))).toEqual([]);
  });

  it('several fields in one search, comma-separated', async () => {
    const { names } = setup();
    expect(await names('persons', exact('email,name', 'Hank Scorpio'))).toEqual(['Hank Scorpio']);
    expect(await names('persons', exact('email,name', FIXTURES.hankScorpio.email))).toEqual(['Hank Scorpio']);
  });

  it('a person created a moment ago is not found until the index has caught up', async () => {
    const { clock, sandbox, token, names } = setup(3000);
    const created = await apiPostJson(sandbox, '/api/v2/persons', token, {
      name: 'Grace Hopper',
      emails: [{ value: 'grace@navy.example', primary: true, label: 'work' }],
    });
    expect(created.status).toBe(200);
    expect(await names('persons', exact('email', 'grace@navy.example'))).toEqual([]);
    clock.advance(3000);
    expect(await names('persons', exact('email', 'grace@navy.example'))).toEqual(['Grace Hopper']);
  });
});

describe('exact organization look-ups', () => {
  it('by name, in any case', async () => {
    const { names } = setup();
    expect(await names('organizations', exact('name', 'globex corporation'))).toEqual(['Globex Corporation']);
    expect(await names('organizations', exact('name', 'Globex'))).toEqual([]);
  });

  it('a website or domain is no search field of the v2 document: refused', async () => {
    const { clock, sandbox, token } = setup();
    for (const field of ['website', 'domain']) {
      clock.advance(BURST_WINDOW_MS);
      const response = await apiGet(
        sandbox,
        `/api/v2/organizations/search?term=globex.example&fields=${field}&exact_match=true`,
        token,
      );
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/^Validation failed: fields: /);
    }
  });
});
