import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import type { Sandbox } from '../create-sandbox.ts';
import {
  APP_ORIGIN,
  apiGet,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  createTestSandbox,
  DEMO_EMAIL,
  exchangeConfidentialCode,
  PUBLIC_REDIRECT,
  pkcePair,
  postForm,
  redirectQuery,
  requestIdFrom,
  signInOn,
} from '../testing/test-support.ts';

const SOFIA = { id: 21000008, email: 'sofia.rossi@northwind.example' };
const JAMES_EMAIL = 'james.carter@northwind.example';

function confidentialAuthorize(sandbox: Sandbox, state = 'st-1') {
  return sandbox.oauthApp.request(
    authorizeUrl({
      client_id: sandbox.clients.confidential.clientId,
      redirect_uri: CONFIDENTIAL_REDIRECT,
      state,
    }),
  );
}

/** Signs in through the authorize page: the consent page (200) or, when installed, the redirect (302). */
async function signIn(sandbox: Sandbox, email = DEMO_EMAIL, state = 'st-1') {
  return signInOn(sandbox, await confidentialAuthorize(sandbox, state), email);
}

async function decide(sandbox: Sandbox, consentPage: Response, decision: 'allow' | 'cancel') {
  expect(consentPage.status).toBe(200);
  const html = await consentPage.text();
  expect(html).toContain('>Allow and install</button>');
  return postForm(sandbox, '/oauth/consent', { request_id: requestIdFrom(html), decision });
}

async function installs(sandbox: Sandbox, query = '') {
  const response = await sandbox.apiApp.request(`/__sandbox/installs${query}`);
  return ((await response.json()) as { installs: Array<Record<string, unknown>> }).installs;
}

describe('installs per user and client', () => {
  it('asks for consent the first time only; later sign-ins go straight back with a code and the state', async () => {
    const sandbox = createTestSandbox();
    const first = redirectQuery(await decide(sandbox, await signIn(sandbox), 'allow'));
    expect(first).toEqual({ code: expect.any(String), state: 'st-1' });

    const again = await signIn(sandbox, DEMO_EMAIL, 'st-2');
    const query = redirectQuery(again);
    expect(query).toEqual({ code: expect.any(String), state: 'st-2' });
    expect(again.headers.get('location')?.startsWith(`${CONFIDENTIAL_REDIRECT}?`)).toBe(true);
    expect(query.code).not.toBe(first.code);

    const tokens = await (await exchangeConfidentialCode(sandbox, query.code ?? '')).json();
    expect(tokens.scope).toBe('base,leads:full,contacts:full,users:read,deals:read,activities:full');
    expect((await apiGet(sandbox, '/api/v1/users/me', tokens.access_token)).status).toBe(200);
  });

  it('keeps the sign-in page, whose form may now end at the app: its CSP allows that', async () => {
    const sandbox = createTestSandbox();
    await decide(sandbox, await signIn(sandbox), 'allow');
    const page = await confidentialAuthorize(sandbox);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Sign in to Pipedrive</h1>');
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${APP_ORIGIN}`);
  });

  it('a wrong password on an installed app still shows the sign-in page, not a redirect', async () => {
    const sandbox = createTestSandbox();
    await decide(sandbox, await signIn(sandbox), 'allow');
    const page = await confidentialAuthorize(sandbox);
    const wrong = await postForm(sandbox, '/oauth/login', {
      request_id: requestIdFrom(await page.text()),
      email: DEMO_EMAIL,
      password: 'wrong',
    });
    expect(wrong.status).toBe(400);
  });

  it('cancel redirects with access_denied and installs nothing: the next sign-in asks again', async () => {
    const sandbox = createTestSandbox();
    const cancelled = redirectQuery(await decide(sandbox, await signIn(sandbox), 'cancel'));
    expect(cancelled).toEqual({ error: 'access_denied', state: 'st-1' });
    expect(await installs(sandbox)).toEqual([]);
    const again = await signIn(sandbox);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('Allow and install');
  });

  it('is per user and per client: a colleague, and the same user on the other client, are still asked', async () => {
    const sandbox = createTestSandbox();
    await decide(sandbox, await signIn(sandbox), 'allow');
    expect((await signIn(sandbox, JAMES_EMAIL)).status).toBe(200);
    const { challenge } = pkcePair();
    const publicPage = await sandbox.oauthApp.request(
      authorizeUrl({
        client_id: sandbox.clients.public.clientId,
        redirect_uri: PUBLIC_REDIRECT,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
    );
    expect((await signInOn(sandbox, publicPage)).status).toBe(200);
    expect(await installs(sandbox)).toEqual([
      {
        userId: 21000001,
        clientId: sandbox.clients.confidential.clientId,
        scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read', 'activities:full'],
        redirectUri: CONFIDENTIAL_REDIRECT,
        installedAt: '2026-11-22T12:00:00.000Z',
      },
    ]);
  });

  it('keeps an old install’s scopes when consent is skipped', async () => {
    const sandbox = createTestSandbox();
    await decide(sandbox, await signIn(sandbox, SOFIA.email), 'allow');
    const { code } = redirectQuery(await signIn(sandbox, SOFIA.email));
    const tokens = await (await exchangeConfidentialCode(sandbox, code ?? '')).json();
    expect(tokens.scope).toBe('base,leads:full,contacts:full,deals:read');
    expect(await installs(sandbox, `?userId=${SOFIA.id}`)).toHaveLength(1);
  });

  it('DELETE /__sandbox/installs forgets installs without ending tokens, so consent shows again', async () => {
    const sandbox = createTestSandbox();
    const { code } = redirectQuery(await decide(sandbox, await signIn(sandbox), 'allow'));
    const tokens = await (await exchangeConfidentialCode(sandbox, code ?? '')).json();
    const forget = await sandbox.apiApp.request('/__sandbox/installs?userId=21000001', {
      method: 'DELETE',
      headers: SANDBOX_ADMIN_HEADERS,
    });
    expect(await forget.json()).toEqual({ ok: true, forgotten: 1 });
    expect((await signIn(sandbox)).status).toBe(200);
    expect((await apiGet(sandbox, '/api/v1/users/me', tokens.access_token)).status).toBe(200);
    expect((await sandbox.apiApp.request('/__sandbox/installs?userId=me')).status).toBe(400);
  });
});

describe('GET /oauth/install, the installation link', () => {
  const link = (sandbox: Sandbox, extra: Record<string, string> = {}) =>
    sandbox.oauthApp.request(
      `/oauth/install?${new URLSearchParams({ client_id: sandbox.clients.confidential.clientId, ...extra })}`,
    );

  it('signs in, asks for consent and comes back to the registered callback with a code and no state', async () => {
    const sandbox = createTestSandbox();
    const page = await link(sandbox);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain(`form-action 'self' ${APP_ORIGIN}`);
    const redirect = await decide(sandbox, await signInOn(sandbox, page), 'allow');
    expect(redirect.headers.get('location')?.startsWith(`${CONFIDENTIAL_REDIRECT}?`)).toBe(true);
    const query = redirectQuery(redirect);
    expect(query).toEqual({ code: expect.any(String) });
    // The code is a real one: an app that chose to use it could.
    expect((await exchangeConfidentialCode(sandbox, query.code ?? '')).status).toBe(200);
    expect(await installs(sandbox)).toHaveLength(1);
  });

  it('ignores a state in the link, and skips consent for a user who installed already', async () => {
    const sandbox = createTestSandbox();
    await decide(sandbox, await signIn(sandbox), 'allow');
    const query = redirectQuery(await signInOn(sandbox, await link(sandbox, { state: 'planted' })));
    expect(query).toEqual({ code: expect.any(String) });
  });

  it('cancel comes back with access_denied and no state', async () => {
    const sandbox = createTestSandbox();
    const query = redirectQuery(
      await decide(sandbox, await signInOn(sandbox, await link(sandbox)), 'cancel'),
    );
    expect(query).toEqual({ error: 'access_denied' });
  });

  it('refuses an unknown client or an unregistered redirect_uri on a page, without redirecting', async () => {
    const sandbox = createTestSandbox();
    const unknown = await sandbox.oauthApp.request('/oauth/install?client_id=nobody');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('client_id in the installation link is not known');
    const elsewhere = await link(sandbox, { redirect_uri: 'http://evil.example/auth/callback' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
  });
});
