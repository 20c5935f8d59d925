import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import type { Sandbox } from '../create-sandbox.ts';
import {
  apiGet,
  approve,
  authorizeUrl,
  basic,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  createClock,
  createTestSandbox,
  DEMO_EMAIL,
  exchangeConfidentialCode,
  exchangePublicCode,
  postForm,
  publicClientCode,
  signInOn,
  type TestClock,
} from '../testing/test-support.ts';

const MARIA = 21000001;
const JAMES_EMAIL = 'james.carter@northwind.example';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** A sandbox whose uninstall DELETEs land here; `answer` is what the app replies. */
function observed(answer: () => Promise<Response> = async () => new Response('{"success":true}')) {
  const sent: Sent[] = [];
  const clock: TestClock = createClock();
  const fetchSpy: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });
    return answer();
  };
  const sandbox = createTestSandbox(clock, undefined, { fetch: fetchSpy });
  return { sandbox, sent, clock };
}

type Tokens = { access_token: string; refresh_token: string };

/** A full confidential sign-in as `email` (consent the first time, none later): the token response. */
async function confidentialTokens(sandbox: Sandbox, email = DEMO_EMAIL): Promise<Tokens> {
  const params = { client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT };
  const redirect = await approve(sandbox, params, 'allow', email);
  const response = await exchangeConfidentialCode(sandbox, redirect.searchParams.get('code') ?? '');
  expect(response.status).toBe(200);
  return response.json();
}

const revoke = (sandbox: Sandbox, token: string) =>
  postForm(sandbox, '/oauth/revoke', { token }, confidentialAuth(sandbox));

const refresh = (sandbox: Sandbox, token: string) =>
  postForm(
    sandbox,
    '/oauth/token',
    { grant_type: 'refresh_token', refresh_token: token },
    confidentialAuth(sandbox),
  );

const me = async (sandbox: Sandbox, token: string) =>
  (await apiGet(sandbox, '/api/v1/users/me', token)).status;

/** Whether the next confidential sign-in of the demo user shows the consent page. */
async function consentShown(sandbox: Sandbox): Promise<boolean> {
  const page = await sandbox.oauthApp.request(
    authorizeUrl({ client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT }),
  );
  const answer = await signInOn(sandbox, page);
  return answer.status === 200 && (await answer.text()).includes('Allow and install');
}

async function uninstallCalls(sandbox: Sandbox, query = '') {
  const response = await sandbox.apiApp.request(`/__sandbox/uninstall-calls${query}`);
  return ((await response.json()) as { calls: unknown[] }).calls;
}

describe('revoking a refresh token uninstalls the app for that user', () => {
  it('ends every grant of that user for that client and brings the consent page back', async () => {
    const { sandbox } = observed();
    const first = await confidentialTokens(sandbox);
    const second = await confidentialTokens(sandbox);
    const refreshed = (await (await refresh(sandbox, first.refresh_token)).json()) as Tokens;
    const colleague = await confidentialTokens(sandbox, JAMES_EMAIL);
    const { code, verifier } = await publicClientCode(sandbox);
    const spa = (await (await exchangePublicCode(sandbox, code, verifier)).json()) as Tokens;
    // A code handed out but not exchanged yet is part of the grant too.
    const pending = (
      await approve(sandbox, {
        client_id: sandbox.clients.confidential.clientId,
        redirect_uri: CONFIDENTIAL_REDIRECT,
      })
    ).searchParams.get('code');
    expect(await consentShown(sandbox)).toBe(false);

    const response = await revoke(sandbox, second.refresh_token);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');

    for (const token of [first.access_token, second.access_token, refreshed.access_token]) {
      expect(await me(sandbox, token)).toBe(401);
    }
    expect((await refresh(sandbox, first.refresh_token)).status).toBe(400);
    expect((await exchangeConfidentialCode(sandbox, pending ?? '')).status).toBe(400);
    expect(await consentShown(sandbox)).toBe(true);
    // Another user, and the same user's install of the other client, are untouched.
    expect(await me(sandbox, colleague.access_token)).toBe(200);
    expect(await me(sandbox, spa.access_token)).toBe(200);
  });

  it('sends DELETE to the callback URL with Basic client credentials and Pipedrive’s JSON body', async () => {
    const { sandbox, sent, clock } = observed();
    const tokens = await confidentialTokens(sandbox);
    clock.advance(90_000);
    await revoke(sandbox, tokens.refresh_token);
    await sandbox.store.uninstallNotices.settled();

    expect(sent).toHaveLength(1);
    const [call] = sent;
    const { clientId, clientSecret } = sandbox.clients.confidential;
    expect(call?.method).toBe('DELETE');
    expect(call?.url).toBe(CONFIDENTIAL_REDIRECT);
    expect(call?.headers.get('authorization')).toBe(basic(clientId, clientSecret));
    expect(call?.headers.get('content-type')).toBe('application/json');
    const body = JSON.parse(call?.body ?? '');
    expect(body).toEqual({
      client_id: clientId,
      company_id: sandbox.store.crm.company.id,
      user_id: MARIA,
      timestamp: '2026-11-22T12:01:30.000Z',
    });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
  });

  it('lists each DELETE with the app’s answer at GET /__sandbox/uninstall-calls, per user if asked', async () => {
    const { sandbox } = observed(async () => new Response(null, { status: 204 }));
    await revoke(sandbox, (await confidentialTokens(sandbox)).refresh_token);
    await revoke(sandbox, (await confidentialTokens(sandbox, JAMES_EMAIL)).refresh_token);
    await sandbox.store.uninstallNotices.settled();
    const calls = await uninstallCalls(sandbox, `?userId=${MARIA}`);
    expect(calls).toEqual([
      {
        url: CONFIDENTIAL_REDIRECT,
        body: expect.objectContaining({ user_id: MARIA }),
        status: 204,
        error: null,
      },
    ]);
    expect(await uninstallCalls(sandbox)).toHaveLength(2);
    await sandbox.apiApp.request('/__sandbox/uninstall-calls', {
      method: 'DELETE',
      headers: SANDBOX_ADMIN_HEADERS,
    });
    expect(await uninstallCalls(sandbox)).toEqual([]);
  });

  it('ignores the answer: an app that refuses or is down changes nothing, and the error is listed', async () => {
    const refusing = observed(async () => new Response('nope', { status: 401 }));
    await revoke(refusing.sandbox, (await confidentialTokens(refusing.sandbox)).refresh_token);
    await refusing.sandbox.store.uninstallNotices.settled();
    expect(await uninstallCalls(refusing.sandbox)).toMatchObject([{ status: 401, error: null }]);

    const down = observed(async () => {
      throw new TypeError('fetch failed');
    });
    const tokens = await confidentialTokens(down.sandbox);
    expect((await revoke(down.sandbox, tokens.refresh_token)).status).toBe(200);
    await down.sandbox.store.uninstallNotices.settled();
    expect(await uninstallCalls(down.sandbox)).toMatchObject([{ status: null, error: 'fetch failed' }]);
    expect(await me(down.sandbox, tokens.access_token)).toBe(401);
  });

  it('an in-process sandbox given no fetch sends nothing and says so', async () => {
    const sandbox = createTestSandbox();
    await revoke(sandbox, (await confidentialTokens(sandbox)).refresh_token);
    await sandbox.store.uninstallNotices.settled();
    expect(await uninstallCalls(sandbox)).toMatchObject([
      { status: null, error: expect.stringContaining('no fetch') },
    ]);
  });

  it('uninstalls the public client too, but sends it no DELETE: it has no secret to authenticate one', async () => {
    const { sandbox, sent } = observed();
    const { code, verifier } = await publicClientCode(sandbox);
    const tokens = (await (await exchangePublicCode(sandbox, code, verifier)).json()) as Tokens;
    await postForm(sandbox, '/oauth/revoke', {
      client_id: sandbox.clients.public.clientId,
      token: tokens.refresh_token,
    });
    await sandbox.store.uninstallNotices.settled();
    expect(await me(sandbox, tokens.access_token)).toBe(401);
    expect(sandbox.store.installs.list()).toEqual([]);
    expect(sent).toEqual([]);
  });
});

describe('what does not uninstall', () => {
  it('revoking an access token ends that token only: refresh, the install and the app’s silence stay', async () => {
    const { sandbox, sent } = observed();
    const tokens = await confidentialTokens(sandbox);
    const other = await confidentialTokens(sandbox);
    await revoke(sandbox, tokens.access_token);
    await sandbox.store.uninstallNotices.settled();
    expect(await me(sandbox, tokens.access_token)).toBe(401);
    expect(await me(sandbox, other.access_token)).toBe(200);
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
    expect(await consentShown(sandbox)).toBe(false);
    expect(sent).toEqual([]);
  });

  it('revoking an unknown token, or another client’s refresh token, uninstalls nothing', async () => {
    const { sandbox, sent } = observed();
    const { code, verifier } = await publicClientCode(sandbox);
    const spa = (await (await exchangePublicCode(sandbox, code, verifier)).json()) as Tokens;
    await confidentialTokens(sandbox);
    await revoke(sandbox, 'not-a-token');
    await revoke(sandbox, spa.refresh_token);
    await sandbox.store.uninstallNotices.settled();
    expect(await me(sandbox, spa.access_token)).toBe(200);
    expect(sandbox.store.installs.list()).toHaveLength(2);
    expect(sent).toEqual([]);
  });
});

describe('POST /__sandbox/uninstall, as if the user removed the app in Pipedrive', () => {
  it('does what a revoked refresh token does, for the confidential client unless told', async () => {
    const { sandbox, sent } = observed();
    const tokens = await confidentialTokens(sandbox);
    const response = await sandbox.apiApp.request('/__sandbox/uninstall', {
      method: 'POST',
      headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: MARIA }),
    });
    expect(await response.json()).toEqual({ ok: true });
    await sandbox.store.uninstallNotices.settled();
    expect(await me(sandbox, tokens.access_token)).toBe(401);
    expect(await consentShown(sandbox)).toBe(true);
    expect(sent.map((call) => JSON.parse(call.body).user_id)).toEqual([MARIA]);

    const unknown = await sandbox.apiApp.request('/__sandbox/uninstall', {
      method: 'POST',
      headers: SANDBOX_ADMIN_HEADERS,
      body: JSON.stringify({ userId: MARIA, clientId: 'nobody' }),
    });
    expect(unknown.status).toBe(404);
    const bad = await sandbox.apiApp.request('/__sandbox/uninstall', {
      method: 'POST',
      headers: SANDBOX_ADMIN_HEADERS,
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });
});
