import { describe, expect, it } from 'vitest';
import { DEFAULT_ENV_SEARCH_LAG_MS, sandboxSettingsFromEnv } from '../env-settings.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const LAG_MS = 3000;

/** A sandbox with the given search lag; `'default'` passes none, to see what createSandbox picks. */
function setup(searchLagMs: number | 'default' = LAG_MS) {
  const clock = createClock();
  const sandbox = createTestSandbox(clock, undefined, searchLagMs === 'default' ? {} : { searchLagMs });
  const token = accessToken(sandbox);
  const get = async (path: string) => {
    const response = await apiGet(sandbox, path, token);
    expect(response.status, path).toBe(200);
    return response.json();
  };
  const post = async (path: string, body: unknown) => {
    const response = await apiPostJson(sandbox, path, token, body);
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()).data;
  };
  const found = async (path: string): Promise<unknown[]> =>
    (await get(path)).data.items.map((entry: { item: { id: unknown } }) => entry.item.id);
  return { clock, sandbox, get, post, found };
}

describe('search lag', () => {
  it('a new lead is found by search only once the lag has passed; reads by id see it at once', async () => {
    const { clock, get, post, found } = setup();
    const lead = await post('/api/v1/leads', { title: 'Lagging lighthouse', person_id: 1 });
    const search = '/api/v2/leads/search?term=lagging%20lighthouse';
    expect(await found(search)).toEqual([]);
    expect((await get(`/api/v1/leads/${lead.id}`)).data.title).toBe('Lagging lighthouse');
    clock.advance(LAG_MS - 1);
    expect(await found(search)).toEqual([]);
    clock.advance(1);
    expect(await found(search)).toEqual([lead.id]);
  });

  it('a new person and a new organization are found by search only once the lag has passed', async () => {
    const { clock, post, found } = setup();
    const org = await post('/api/v2/organizations', { name: 'Quixotic Quarries' });
    clock.advance(1000);
    const person = await post('/api/v2/persons', { name: 'Zebedee Quillfeather', org_id: org.id });
    const people = '/api/v2/persons/search?term=quillfeather';
    const orgs = '/api/v2/organizations/search?term=quixotic';
    expect(await found(people)).toEqual([]);
    expect(await found(orgs)).toEqual([]);
    clock.advance(LAG_MS - 1000);
    expect(await found(orgs)).toEqual([org.id]);
    expect(await found(people)).toEqual([]);
    clock.advance(1000);
    expect(await found(people)).toEqual([person.id]);
  });

  it('the seed is searchable from the start, lag or not', async () => {
    const { found } = setup();
    expect(await found('/api/v2/persons/search?term=lovelace&exact_match=false')).toContain(
      FIXTURES.adaLovelace.personId,
    );
  });

  it('a changed lead is found as it was indexed until its new version is, never both or neither', async () => {
    const { clock, sandbox, post, get } = setup();
    const created = await post('/api/v1/leads', { title: 'Original orchard', person_id: 1 });
    clock.advance(LAG_MS);
    const stored = sandbox.store.crm.findLead(created.id);
    if (!stored) throw new Error('the lead was not stored');
    // No API route edits a lead; the store stands in for a change made in Pipedrive's own UI.
    sandbox.store.crm.addLead({ ...stored, title: 'Renamed vineyard' });
    const titles = async (term: string) =>
      (await get(`/api/v2/leads/search?term=${term}`)).data.items.map(
        (entry: { item: { title: string } }) => entry.item.title,
      );
    expect((await get(`/api/v1/leads/${created.id}`)).data.title).toBe('Renamed vineyard');
    expect(await titles('orchard')).toEqual(['Original orchard']);
    expect(await titles('vineyard')).toEqual([]);
    clock.advance(LAG_MS);
    expect(await titles('orchard')).toEqual([]);
    expect(await titles('vineyard')).toEqual(['Renamed vineyard']);
  });

  it('an in-process sandbox has no lag unless asked for one', async () => {
    const { post, found } = setup('default');
    const lead = await post('/api/v1/leads', { title: 'Instant inkwell', person_id: 1 });
    expect(await found('/api/v2/leads/search?term=inkwell')).toEqual([lead.id]);
  });

  it('is 3000 ms in a sandbox started from the environment unless SANDBOX_SEARCH_LAG_MS says otherwise', () => {
    expect(DEFAULT_ENV_SEARCH_LAG_MS).toBe(3000);
    expect(sandboxSettingsFromEnv({}).searchLagMs).toBe(3000);
    expect(sandboxSettingsFromEnv({ SANDBOX_SEARCH_LAG_MS: '0' }).searchLagMs).toBe(0);
    expect(sandboxSettingsFromEnv({ SANDBOX_SEARCH_LAG_MS: '250' }).searchLagMs).toBe(250);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_SEARCH_LAG_MS: '2s' })).toThrow(/SANDBOX_SEARCH_LAG_MS/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_SEARCH_LAG_MS: '-1' })).toThrow(/SANDBOX_SEARCH_LAG_MS/);
  });
});
