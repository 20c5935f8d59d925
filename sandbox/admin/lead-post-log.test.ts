import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, createTestSandbox } from '../testing/test-support.ts';
import { SANDBOX_ADMIN_HEADERS } from './admin-guard.ts';

function setup() {
  const sandbox = createTestSandbox();
  const token = accessToken(sandbox);
  const postLead = (title: string, headers: Record<string, string> = {}, authorization = `Bearer ${token}`) =>
    sandbox.apiApp.request('/api/v1/leads', {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ title, person_id: FIXTURES.adaLovelace.personId }),
    });
  const posts = async (title: string) => {
    const response = await sandbox.apiApp.request(`/__sandbox/lead-posts?title=${encodeURIComponent(title)}`);
    return ((await response.json()) as { count: number }).count;
  };
  return { sandbox, postLead, posts };
}

describe('GET /__sandbox/lead-posts counts the creates that arrived, per title', () => {
  it('counts stored, refused and faulted creates alike, and nothing else', async () => {
    const { sandbox, postLead, posts } = setup();
    expect((await postLead('Counted lead')).status).toBe(201);
    expect(
      (await postLead('Counted lead', { 'x-sandbox-fault': JSON.stringify({ status: 500 }) })).status,
    ).toBe(500);
    expect((await postLead('Counted lead', {}, 'Bearer not-a-token')).status).toBe(401);
    expect((await postLead('Another lead')).status).toBe(201);
    await sandbox.apiApp.request(`/api/v2/leads/search?term=Counted`, {
      headers: { authorization: `Bearer ${accessToken(sandbox)}` },
    });

    expect(await posts('Counted lead')).toBe(3);
    expect(await posts('Another lead')).toBe(1);
    expect(await posts('Never sent')).toBe(0);
    expect(sandbox.store.crm.countLeads()).toBe(2);
  });

  it('leaves the body for the route, and starts again at a reset', async () => {
    const { sandbox, postLead, posts } = setup();
    const created = await postLead('Body intact');
    expect(((await created.json()) as { data: { title: string } }).data.title).toBe('Body intact');
    await sandbox.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS });
    expect(await posts('Body intact')).toBe(0);
  });

  it('asks for a title', async () => {
    const { sandbox } = setup();
    expect((await sandbox.apiApp.request('/__sandbox/lead-posts')).status).toBe(400);
  });
});
