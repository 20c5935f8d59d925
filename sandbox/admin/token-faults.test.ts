import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../create-sandbox.ts';
import {
  apiGet,
  createTestSandbox,
  exchangePublicCode,
  postForm,
  publicClientCode,
} from '../testing/test-support.ts';
import { SANDBOX_ADMIN_HEADERS } from './admin-guard.ts';

function admin(sandbox: Sandbox, path: string, body?: unknown) {
  return sandbox.apiApp.request(`/__sandbox${path}`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function tokenFor(sandbox: Sandbox, userId: number): string {
  return sandbox.store.auth.issueTokens({
    clientId: sandbox.clients.public.clientId,
    userId,
    scopes: ['base'],
  }).accessToken.token;
}

async function signedIn(sandbox: Sandbox) {
  const { code, verifier } = await publicClientCode(sandbox);
  const tokens = (await (await exchangePublicCode(sandbox, code, verifier)).json()) as {
    access_token: string;
    refresh_token: string;
  };
  return tokens;
}

function refresh(sandbox: Sandbox, refreshToken: string) {
  return postForm(sandbox, '/oauth/token', {
    grant_type: 'refresh_token',
    client_id: sandbox.clients.public.clientId,
    refresh_token: refreshToken,
  });
}

const me = (sandbox: Sandbox, token: string) => apiGet(sandbox, '/api/v1/users/me', token);

describe('POST /__sandbox/tokens/expire', () => {
  it('expires every live access token now; the refresh token still gets a new one', async () => {
    const sandbox = createTestSandbox();
    const tokens = await signedIn(sandbox);
    const other = tokenFor(sandbox, sandbox.store.crm.users[1]?.id ?? 0);
    expect((await me(sandbox, tokens.access_token)).status).toBe(200);

    const response = await admin(sandbox, '/tokens/expire');
    expect(await response.json()).toEqual({ ok: true, expired: 2 });
    expect((await me(sandbox, tokens.access_token)).status).toBe(401);
    expect((await me(sandbox, other)).status).toBe(401);

    const refreshed = await refresh(sandbox, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    expect((await me(sandbox, access_token)).status).toBe(200);
  });

  it('with a userId, expires only that user’s tokens', async () => {
    const sandbox = createTestSandbox();
    const [first, second] = sandbox.store.crm.users;
    const mine = tokenFor(sandbox, first?.id ?? 0);
    const theirs = tokenFor(sandbox, second?.id ?? 0);
    const response = await admin(sandbox, '/tokens/expire', { userId: first?.id });
    expect(await response.json()).toEqual({ ok: true, expired: 1 });
    expect((await me(sandbox, mine)).status).toBe(401);
    expect((await me(sandbox, theirs)).status).toBe(200);
    expect((await admin(sandbox, '/tokens/expire', { userId: 'me' })).status).toBe(400);
  });
});

describe('POST /__sandbox/tokens/fail-refresh', () => {
  it('the next n refresh grants answer invalid_grant, then refresh works again', async () => {
    const sandbox = createTestSandbox();
    const tokens = await signedIn(sandbox);
    expect(await (await admin(sandbox, '/tokens/fail-refresh', { times: 2 })).json()).toEqual({
      ok: true,
      pendingFailures: 2,
      fault: { kind: 'invalid_grant' },
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await refresh(sandbox, tokens.refresh_token);
      expect(failed.status).toBe(400);
      // The body Pipedrive's Node SDK tests mock for a refused refresh, exactly.
      expect(await failed.json()).toEqual({
        success: false,
        message: 'Invalid grant: refresh token is invalid',
        error: 'invalid_grant',
      });
    }
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
  });

  it('defaults to one failure, and POST /__sandbox/reset clears pending ones', async () => {
    const sandbox = createTestSandbox();
    const tokens = await signedIn(sandbox);
    expect(await (await admin(sandbox, '/tokens/fail-refresh')).json()).toEqual({
      ok: true,
      pendingFailures: 1,
      fault: { kind: 'invalid_grant' },
    });
    await admin(sandbox, '/tokens/fail-refresh', { times: 3 });
    await admin(sandbox, '/reset');
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
    expect((await admin(sandbox, '/tokens/fail-refresh', { times: -1 })).status).toBe(400);
  });

  it('with a userId, fails only that user’s refreshes', async () => {
    const sandbox = createTestSandbox();
    const tokens = await signedIn(sandbox);
    const demoUserId = sandbox.store.auth.findRefreshToken(
      tokens.refresh_token,
      sandbox.clients.public.clientId,
    )?.userId;
    const otherUserId = sandbox.store.crm.users.find((user) => user.id !== demoUserId)?.id ?? 0;
    expect(await (await admin(sandbox, '/tokens/fail-refresh', { userId: otherUserId })).json()).toEqual({
      ok: true,
      pendingFailures: 1,
      fault: { kind: 'invalid_grant' },
    });
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
    await admin(sandbox, '/tokens/fail-refresh', { userId: demoUserId });
    const next = (await (await refresh(sandbox, tokens.refresh_token)).json()) as { refresh_token?: string };
    expect(next.refresh_token).toBeUndefined();
    expect((await admin(sandbox, '/tokens/fail-refresh', { userId: 0 })).status).toBe(400);
  });
});
