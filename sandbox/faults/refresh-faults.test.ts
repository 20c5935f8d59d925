import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import type { Sandbox } from '../create-sandbox.ts';
import { type RunningSandbox, startSandbox } from '../serve.ts';
import {
  APP_ORIGIN,
  createTestSandbox,
  exchangePublicCode,
  FORM,
  postForm,
  publicClientCode,
} from '../testing/test-support.ts';
import { FAULT_APPLIED_HEADER, SandboxConnectionDropped } from './fault-injection.ts';

const MARIA = 21000001;

function setFault(sandbox: Sandbox, body: unknown) {
  return sandbox.apiApp.request('/__sandbox/tokens/fail-refresh', {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function refreshToken(sandbox: Sandbox): Promise<string> {
  const { code, verifier } = await publicClientCode(sandbox);
  return ((await (await exchangePublicCode(sandbox, code, verifier)).json()) as { refresh_token: string })
    .refresh_token;
}

const refresh = (sandbox: Sandbox, token: string) =>
  postForm(sandbox, '/oauth/token', {
    grant_type: 'refresh_token',
    client_id: sandbox.clients.public.clientId,
    refresh_token: token,
  });

/** A sandbox, the demo user's refresh token, and the fault set for the next `times` refreshes. */
async function faulted(fault: Record<string, unknown>) {
  const sandbox = createTestSandbox();
  const token = await refreshToken(sandbox);
  const set = await setFault(sandbox, fault);
  expect(set.status).toBe(200);
  return { sandbox, token, set: (await set.json()) as Record<string, unknown> };
}

describe('refresh faults, one kind at a time', () => {
  it('invalid_grant: 400 with Pipedrive’s body', async () => {
    const { sandbox, token } = await faulted({ kind: 'invalid_grant' });
    const response = await refresh(sandbox, token);
    expect(response.status).toBe(400);
    expect(response.headers.get(FAULT_APPLIED_HEADER)).toBe('refresh:invalid_grant');
    expect(await response.text()).toBe(
      '{"success":false,"message":"Invalid grant: refresh token is invalid","error":"invalid_grant"}',
    );
  });

  it('rate_limited: 429 with Retry-After (5 s unless told) and the over-limit body', async () => {
    const { sandbox, token, set } = await faulted({ kind: 'rate_limited', times: 2, retryAfterSeconds: 30 });
    expect(set).toEqual({
      ok: true,
      pendingFailures: 2,
      fault: { kind: 'rate_limited', retryAfterSeconds: 30 },
    });
    const response = await refresh(sandbox, token);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(await response.json()).toEqual({ success: false, error: 'Request over limit', errorCode: 429 });
    expect((await refresh(sandbox, token)).status).toBe(429);
    expect((await refresh(sandbox, token)).status).toBe(200);

    const plain = await faulted({ kind: 'rate_limited' });
    expect((await refresh(plain.sandbox, plain.token)).headers.get('retry-after')).toBe('5');
  });

  it('server_error: a 5xx with a JSON body, 500 unless told', async () => {
    const { sandbox, token } = await faulted({ kind: 'server_error' });
    const response = await refresh(sandbox, token);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      success: false,
      error: 'server_error',
      error_description: 'Internal server error',
      message: 'Internal server error',
    });
    const unavailable = await faulted({ kind: 'server_error', status: 503 });
    const busy = await refresh(unavailable.sandbox, unavailable.token);
    expect(busy.status).toBe(503);
    expect(await busy.json()).toMatchObject({ error: 'temporarily_unavailable' });
  });

  it('html_bad_gateway: 502 with an HTML page, not JSON', async () => {
    const { sandbox, token } = await faulted({ kind: 'html_bad_gateway' });
    const response = await refresh(sandbox, token);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await response.text();
    expect(body).toContain('<title>502 Bad Gateway</title>');
    expect(() => JSON.parse(body)).toThrow();
  });

  it('dropped: in-process the request rejects with SandboxConnectionDropped, and nothing was refreshed', async () => {
    const sandbox = createTestSandbox(undefined, undefined, { rotateRefreshTokens: true });
    const token = await refreshToken(sandbox);
    await setFault(sandbox, { kind: 'dropped' });
    await expect(refresh(sandbox, token)).rejects.toBeInstanceOf(SandboxConnectionDropped);
    // Even with rotation on, the refresh token was not spent: the grant was never handled.
    expect((await refresh(sandbox, token)).status).toBe(200);
  });
});

describe('refresh faults: counting and aim', () => {
  it('keeps the refresh token valid through the faults, and applies to that user only when aimed', async () => {
    const sandbox = createTestSandbox();
    const token = await refreshToken(sandbox);
    const set = await setFault(sandbox, { kind: 'server_error', userId: MARIA + 1, times: 3 });
    expect(await set.json()).toMatchObject({ pendingFailures: 3 });
    expect((await refresh(sandbox, token)).status).toBe(200);
    await setFault(sandbox, { kind: 'html_bad_gateway', userId: MARIA });
    expect((await refresh(sandbox, token)).status).toBe(502);
    expect((await refresh(sandbox, token)).status).toBe(200);
  });

  it('can be set in-process through the store', async () => {
    const sandbox = createTestSandbox();
    const token = await refreshToken(sandbox);
    sandbox.store.auth.failNextRefreshes(1, MARIA, { kind: 'rate_limited', retryAfterSeconds: 7 });
    const response = await refresh(sandbox, token);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(sandbox.store.auth.pendingRefreshFailures(MARIA)).toBe(0);
  });

  it('refuses a body that names no real fault, rather than setting a different one', async () => {
    const sandbox = createTestSandbox();
    const refused = [
      { kind: 'teapot' },
      { kind: 'invalid_grant', retryAfterSeconds: 5 },
      { kind: 'rate_limited', status: 500 },
      { kind: 'server_error', status: 404 },
      { kind: 'server_error', retry: 1 },
      [{ kind: 'dropped' }],
    ];
    for (const body of refused) expect((await setFault(sandbox, body)).status).toBe(400);
    expect(sandbox.store.auth.pendingRefreshFailures()).toBe(0);
  });
});

// Over real HTTP on ephemeral ports: only there does a dropped connection look like one.
describe('dropped over HTTP', () => {
  let running: RunningSandbox;
  beforeAll(async () => {
    running = await startSandbox({
      oauthOrigin: 'http://127.0.0.1:1',
      apiOrigin: 'http://127.0.0.1:2',
      appOrigins: [APP_ORIGIN],
      oauthPort: 0,
      apiPort: 0,
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('fetch rejects with a network error, and the next refresh works', async () => {
    const { sandbox } = running;
    const token = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: MARIA,
      scopes: ['base'],
    }).refreshToken.token;
    sandbox.store.auth.failNextRefreshes(1, MARIA, { kind: 'dropped' });
    const send = () =>
      fetch(`http://127.0.0.1:${running.ports.oauth}/oauth/token`, {
        method: 'POST',
        headers: FORM,
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: sandbox.clients.public.clientId,
          refresh_token: token,
        }),
      });
    const failure = await send().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((await send()).status).toBe(200);
  });
});
