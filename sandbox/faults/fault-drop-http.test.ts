import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import { type RunningSandbox, startSandbox } from '../serve.ts';
import { APP_ORIGIN } from '../testing/test-support.ts';
import { FAULT_HEADER } from './fault-injection.ts';

// Over a real HTTP server on ephemeral ports: the only way to see what a client sees when the
// connection is dropped, since in-process there is no connection.
let running: RunningSandbox;
let base: string;
let token: string;

beforeAll(async () => {
  running = await startSandbox({
    oauthOrigin: 'http://127.0.0.1:1',
    apiOrigin: 'http://127.0.0.1:2',
    appOrigins: [APP_ORIGIN],
    oauthPort: 0,
    apiPort: 0,
  });
  base = `http://127.0.0.1:${running.ports.api}`;
  const { sandbox } = running;
  token = sandbox.store.auth.issueTokens({
    clientId: sandbox.clients.public.clientId,
    userId: sandbox.store.crm.users[0]?.id ?? 0,
    scopes: ['base', 'leads:full'],
  }).accessToken.token;
});

afterAll(async () => {
  await running?.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });

function postLead(title: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/v1/leads`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ title, person_id: FIXTURES.adaLovelace.personId }),
  });
}

async function findByTitle(title: string): Promise<string[]> {
  const query = new URLSearchParams({ term: title, exact_match: 'true' });
  const response = await fetch(`${base}/api/v2/leads/search?${query}`, { headers: auth() });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { items: Array<{ item: { id: string } }> } };
  return body.data.items.map((entry) => entry.item.id);
}

describe('dropAfterStore over HTTP', () => {
  it('fetch rejects with a network error, yet the lead is stored and can be read back', async () => {
    const rejection = await postLead('Dropped by header', {
      [FAULT_HEADER]: JSON.stringify({ dropAfterStore: true }),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejection).toBeInstanceOf(TypeError);

    const found = await findByTitle('Dropped by header');
    expect(found).toHaveLength(1);
    const read = await fetch(`${base}/api/v1/leads/${found[0]}`, { headers: auth() });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { title: string } }).data.title).toBe('Dropped by header');
  });

  it('a sandbox rule drops a POST on a reused keep-alive connection, storing exactly one lead', async () => {
    const added = await fetch(`${base}/__sandbox/faults`, {
      method: 'POST',
      headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify([{ method: 'POST', path: '/api/v1/leads', dropAfterStore: true }]),
    });
    expect(added.status).toBe(200);
    // Warms the connection, so the dropped POST goes out on a reused one.
    expect((await fetch(`${base}/api/v1/users/me`, { headers: auth() })).status).toBe(200);
    await expect(postLead('Dropped by rule')).rejects.toThrow(TypeError);
    expect(await findByTitle('Dropped by rule')).toHaveLength(1);
    // The rule is used up and the server carries on.
    expect((await postLead('After the drop')).status).toBe(201);
  });
});
