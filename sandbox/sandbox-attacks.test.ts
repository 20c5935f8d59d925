import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from './admin/admin-guard.ts';
import { MAX_OAUTH_BODY_BYTES } from './oauth/oauth-app.ts';
import { MAX_PENDING_AUTHORIZATIONS } from './store/auth-store.ts';
import {
  accessToken,
  apiGet,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  createTestSandbox,
  FORM,
  OTHER_ORIGIN,
  postForm,
  requestIdFrom,
  signInOn,
} from './testing/test-support.ts';

/**
 * What a page the newcomer visits could do to the sandbox `npm start` runs on their machine. The
 * sandbox listens on 127.0.0.1 only, but any page in their browser can still send requests there.
 */

/** A body of `bytes` handed over in 64 KB chunks as it is read; `pulled()` says how much was read. */
function streamedBody(bytes: number) {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

const FIFTY_MB = 50 * 1024 * 1024;

describe('oversized bodies at the OAuth origin', () => {
  it.each(['/oauth/token', '/oauth/revoke', '/oauth/login', '/oauth/consent'])(
    'a 50 MB body posted to %s is refused with 413, without being read to the end',
    async (path) => {
      const sandbox = createTestSandbox();
      const { body, pulled } = streamedBody(FIFTY_MB);
      const response = await sandbox.oauthApp.request(path, {
        method: 'POST',
        headers: FORM,
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
      expect(pulled()).toBeLessThan(1024 * 1024);
    },
  );

  it('a body just over the cap is refused, one at the cap still reaches the token endpoint', async () => {
    const sandbox = createTestSandbox();
    const over = await sandbox.oauthApp.request('/oauth/token', {
      method: 'POST',
      headers: FORM,
      body: 'a'.repeat(MAX_OAUTH_BODY_BYTES + 1),
    });
    expect(over.status).toBe(413);
    const atCap = await sandbox.oauthApp.request('/oauth/token', {
      method: 'POST',
      headers: FORM,
      body: `grant_type=refresh_token&pad=${'a'.repeat(MAX_OAUTH_BODY_BYTES - 29)}`,
    });
    // Read and answered as OAuth: no client credentials came with it.
    expect(atCap.status).toBe(401);
  });
});

describe('a flood of authorization requests', () => {
  it(`cannot grow the pending sign-ins without bound: past ${MAX_PENDING_AUTHORIZATIONS} the oldest is dropped, the newest still works`, async () => {
    const sandbox = createTestSandbox();
    const params = {
      client_id: sandbox.clients.confidential.clientId,
      redirect_uri: CONFIDENTIAL_REDIRECT,
      response_type: 'code',
      state: 'flood',
    };
    const open = () => sandbox.oauthApp.request(authorizeUrl(params));
    const first = requestIdFrom(await (await open()).text());
    for (let i = 0; i < MAX_PENDING_AUTHORIZATIONS - 1; i += 1) await open();
    expect(sandbox.store.auth.pendingAuthorizationCount).toBe(MAX_PENDING_AUTHORIZATIONS);

    const newest = await open();
    expect(sandbox.store.auth.pendingAuthorizationCount).toBe(MAX_PENDING_AUTHORIZATIONS);
    const oldest = await postForm(sandbox, '/oauth/login', {
      request_id: first,
      email: 'maria.lopez@northwind.example',
      password: 'sandbox',
    });
    expect(oldest.status).toBe(400);
    expect(await oldest.text()).toContain('This sign-in request has expired');
    const consent = await signInOn(sandbox, newest);
    expect(consent.status).toBe(200);
    expect(await consent.text()).toContain('Allow and install');
  });
});

/** Every admin route that changes something, with a body it would accept. */
const STATE_CHANGING_ADMIN_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['POST', '/__sandbox/reset'],
  ['POST', '/__sandbox/users', { name: 'Planted Colleague' }],
  ['POST', '/__sandbox/users/21000001/active', { active: false }],
  ['POST', '/__sandbox/faults', [{ path: '*', status: 500, times: 1000 }]],
  ['DELETE', '/__sandbox/faults'],
  ['POST', '/__sandbox/tokens/expire', {}],
  ['POST', '/__sandbox/tokens/fail-refresh', { times: 1000 }],
  ['DELETE', '/__sandbox/installs'],
  ['POST', '/__sandbox/uninstall', { userId: 21000001 }],
  ['DELETE', '/__sandbox/uninstall-calls'],
  ['POST', '/__sandbox/usage/reset'],
  ['POST', '/__sandbox/usage/budget', { remaining: 0 }],
];

describe('cross-site requests to the sandbox admin routes', () => {
  it.each(STATE_CHANGING_ADMIN_ROUTES)(
    'refuses %s %s sent as a cross-site page can (no admin header), changing nothing',
    async (method, path, body) => {
      const sandbox = createTestSandbox();
      const token = accessToken(sandbox);
      const response = await sandbox.apiApp.request(path, {
        method,
        // A form or a no-cors fetch: a CORS-safelisted content type, the page's Origin, no custom header.
        headers: { 'content-type': 'text/plain', origin: OTHER_ORIGIN },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false });
      // The newcomer's session and data are as they were.
      expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
      expect(sandbox.store.auth.pendingRefreshFailures()).toBe(0);
    },
  );

  it('a cross-site page cannot get the preflight it would need to send the admin header', async () => {
    const sandbox = createTestSandbox();
    const preflight = await sandbox.apiApp.request('/__sandbox/reset', {
      method: 'OPTIONS',
      headers: {
        origin: OTHER_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-sandbox-admin',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('a local tool that sends the admin header is served as before', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.apiApp.request('/__sandbox/users', {
      method: 'POST',
      headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Invited Colleague' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, name: 'Invited Colleague' });
  });

  it('reads need no header: they change nothing, and no other origin can read their answers', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.apiApp.request('/__sandbox/usage', { headers: { origin: OTHER_ORIGIN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
