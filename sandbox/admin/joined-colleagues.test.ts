import { describe, expect, it } from 'vitest';
import {
  accessToken,
  apiGet,
  authorizeUrl,
  createTestSandbox,
  PUBLIC_REDIRECT,
  pkcePair,
  signInOn,
} from '../testing/test-support.ts';
import { SANDBOX_ADMIN_HEADERS } from './admin-guard.ts';

async function join(sandbox: ReturnType<typeof createTestSandbox>, body: unknown) {
  return sandbox.apiApp.request('/__sandbox/users', {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('a colleague joins through the admin surface', () => {
  it('gets an id and email of their own, appears among the users before the switched-off one, and goes at reset', async () => {
    const sandbox = createTestSandbox();
    const first = (await (await join(sandbox, { name: 'Noor Haddad' })).json()) as Record<string, unknown>;
    const second = (await (await join(sandbox, { name: 'Noor Haddad' })).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ ok: true, name: 'Noor Haddad', password: 'sandbox' });
    expect(first.email).toMatch(/^noor\.haddad\.\d+@northwind\.example$/);
    expect(second.id).not.toBe(first.id);
    expect(second.email).not.toBe(first.email);

    const users = (await (await apiGet(sandbox, '/api/v1/users', accessToken(sandbox))).json())
      .data as Array<{
      id: number;
      active_flag: boolean;
    }>;
    expect(users.map((user) => user.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(users.at(-1)?.active_flag).toBe(false);

    await sandbox.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS });
    expect(sandbox.store.crm.findUser(first.id as number)).toBeUndefined();
  });

  it('signs in with the sandbox password and is shown the consent page: the app is installed for nobody new', async () => {
    const sandbox = createTestSandbox();
    const joined = (await (await join(sandbox, { name: 'Tariq Aziz' })).json()) as { email: string };
    const { challenge } = pkcePair();
    const page = await sandbox.oauthApp.request(
      authorizeUrl({
        client_id: sandbox.clients.public.clientId,
        redirect_uri: PUBLIC_REDIRECT,
        response_type: 'code',
        state: 's',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    );
    const consent = await signInOn(sandbox, page, joined.email);
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain('Allow and install');
  });

  it('with installedScopes, installed the app when it asked for only those: their tokens get those', async () => {
    const sandbox = createTestSandbox();
    const older = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'];
    const joined = (await (await join(sandbox, { name: 'Lena Vogel', installedScopes: older })).json()) as {
      id: number;
    };
    expect(sandbox.store.crm.findUser(joined.id)?.installedScopes).toEqual(older);
    for (const installedScopes of ['base', [7], Array.from({ length: 41 }, () => 'base')]) {
      expect((await join(sandbox, { name: 'Bad Scopes', installedScopes })).status).toBe(400);
    }
  });

  it('refuses a name that is missing, blank or too long', async () => {
    const sandbox = createTestSandbox();
    for (const body of [{}, { name: '  ' }, { name: 'x'.repeat(101) }, { name: 7 }]) {
      expect((await join(sandbox, body)).status).toBe(400);
    }
  });
});
