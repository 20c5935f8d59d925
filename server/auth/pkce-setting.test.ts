import { describe, expect, it } from 'vitest';
import type { BffSignInStart } from '../../common/bff-contract.ts';
import type { FlowStep } from '../../common/inspector/model.ts';
import { textOf } from '../../common/inspector/model.ts';
import { sandboxSettingsFromEnv } from '../../sandbox/env-settings.ts';
import { createAppServer } from '../app-server.ts';
import { FlowRecorder } from '../inspector/flow-recorder.ts';
import { readServerConfig } from '../server-config.ts';
import {
  authorize,
  authorizeAs,
  CSRF,
  callback,
  createHarness,
  type Harness,
  proxied,
  randomSessionSecret,
  signIn,
  startSignIn,
  tokenCalls,
} from '../testing/harness.ts';

const PKCE_PARAMS = ['code_challenge', 'code_challenge_method'];

/** A Pipedrive deployment with placeholder credentials. */
const PIPEDRIVE_ENV: NodeJS.ProcessEnv = {
  QUICKLEAD_PROVIDER: 'pipedrive',
  QUICKLEAD_CLIENT_ID: 'placeholder-client-id',
  QUICKLEAD_CLIENT_SECRET: 'placeholder-client-secret',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
  QUICKLEAD_SESSION_SECRET: randomSessionSecret(),
};

/** The app server for that deployment; it must not call anyone to build the URL. */
function pipedriveServer(env: NodeJS.ProcessEnv = {}) {
  const config = readServerConfig({ ...PIPEDRIVE_ENV, ...env });
  const fetchImpl: typeof fetch = async (input) => {
    throw new Error(`no network in this test (asked for ${String(input)})`);
  };
  return createAppServer({ config, fetch: fetchImpl });
}

async function authorizeUrlOf(app: ReturnType<typeof createAppServer>): Promise<URL> {
  const response = await app.request('https://leads.example.com/auth/login', {
    method: 'POST',
    headers: CSRF,
  });
  expect(response.status).toBe(200);
  return new URL(((await response.json()) as BffSignInStart).authorizationUrl);
}

describe('PKCE per provider (QUICKLEAD_PKCE)', () => {
  it('sends Pipedrive client_id, redirect_uri and state and no PKCE parameters by default', async () => {
    const url = await authorizeUrlOf(pipedriveServer());
    expect(`${url.origin}${url.pathname}`).toBe('https://oauth.pipedrive.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('placeholder-client-id');
    expect(url.searchParams.get('redirect_uri')).toBe('https://leads.example.com/auth/callback');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const name of PKCE_PARAMS) expect(url.searchParams.has(name)).toBe(false);
  });

  it('sends Pipedrive an S256 challenge when QUICKLEAD_PKCE=on', async () => {
    const url = await authorizeUrlOf(pipedriveServer({ QUICKLEAD_PKCE: 'on' }));
    expect(`${url.origin}${url.pathname}`).toBe('https://oauth.pipedrive.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('placeholder-client-id');
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it('signs in with PKCE off: no challenge out, no verifier in the token request, state still checked', async () => {
    const h = createHarness({ env: { QUICKLEAD_PKCE: 'off' } });
    const authorizeUrl = await startSignIn(h, '/leads');
    for (const name of PKCE_PARAMS) expect(authorizeUrl.searchParams.has(name)).toBe(false);
    const done = await callback(h, await authorize(h, authorizeUrl));
    expect(done.headers.get('location')).toBe('/leads');

    const [exchange] = tokenCalls(h, 'authorization_code');
    const body = new URLSearchParams(exchange?.body);
    expect(body.get('grant_type')).toBe('authorization_code');
    expect(body.get('code')).toMatch(/.+/);
    expect(body.get('redirect_uri')).toBe('http://127.0.0.1:5173/auth/callback');
    expect(body.has('code_verifier')).toBe(false);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
  });

  it('with PKCE off, a callback whose state differs is still refused before any token request', async () => {
    const h = createHarness({ env: { QUICKLEAD_PKCE: 'off' } });
    const redirect = await authorize(h, await startSignIn(h));
    redirect.searchParams.set('state', 'attacker-state');
    const done = await callback(h, redirect);
    expect(done.headers.get('location')).toBe('/?signin_error=state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it('with PKCE on, the token request carries the verifier of the challenge sent', async () => {
    const h = createHarness({ pkce: 'require', env: { QUICKLEAD_PKCE: 'on' } });
    expect((await signIn(h)).headers.get('location')).toBe('/');
    const [exchange] = tokenCalls(h, 'authorization_code');
    expect(new URLSearchParams(exchange?.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
  });

  it('a provider that requires PKCE refuses a sign-in with PKCE off, which shows none is sent', async () => {
    const h = createHarness({ pkce: 'require', env: { QUICKLEAD_PKCE: 'off' } });
    const authorizeUrl = await startSignIn(h);
    const page = await h.sandbox.oauthApp.request(`${authorizeUrl.pathname}${authorizeUrl.search}`);
    // The strict sandbox sends the browser straight back with an error instead of a sign-in page.
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toBe('code_challenge is required');
    expect((await callback(h, back)).headers.get('location')).toBe('/?signin_error=exchange');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it('the inspector says PKCE is off and why, and the token request step has no verifier', async () => {
    const h = createHarness({ env: { QUICKLEAD_PKCE: 'off' } });
    await signIn(h);
    const response = await h.request('/auth/inspector', { headers: CSRF });
    const { steps } = (await response.json()) as { steps: FlowStep[] };
    expect(steps.map((step) => step.kind).slice(0, 5)).toEqual([
      'pkce',
      'authorization-request',
      'callback',
      'token-request',
      'token-response',
    ]);
    const [pkce, authorizeStep, , tokenRequest] = steps;
    expect(pkce?.title).toBe('PKCE off: state protects this sign-in');
    expect(pkce?.why).toMatch(/turned off for this provider .* state, bound to this browser/);
    const stateFact = pkce?.facts.find((fact) => fact.label === 'state');
    const sentState = authorizeStep?.facts.find((fact) => fact.label === 'state');
    expect(textOf(stateFact?.value ?? [], true)).toBe(textOf(sentState?.value ?? ['-'], true));
    expect(authorizeStep?.facts.map((fact) => fact.label)).not.toContain('code_challenge');
    expect(tokenRequest?.facts.map((fact) => fact.label)).not.toContain('code_verifier');
    expect(tokenRequest?.why).toMatch(/no PKCE verifier/);
  });

  it('for Pipedrive, the inspector gives Pipedrive’s reason: it documents no PKCE', () => {
    const config = readServerConfig({ ...PIPEDRIVE_ENV, QUICKLEAD_INSPECTOR: 'on' });
    const recorder = new FlowRecorder(config, () => 0);
    const url = new URL('https://oauth.pipedrive.com/oauth/authorize?client_id=c&state=s-1');
    recorder.signInStarted(url, undefined);
    const key = recorder.callbackReceived(
      new URL('https://leads.example.com/auth/callback?code=x&state=s-1'),
      's-1',
      '/',
    );
    const [pkce] = recorder.steps(key);
    expect(pkce?.title).toBe('PKCE off: state protects this sign-in');
    expect(pkce?.why).toMatch(/^Pipedrive documents no PKCE/);
  });
});

/**
 * Pipedrive documents no PKCE and clients report errors when it is sent; the sandbox can act that
 * out with SANDBOX_PKCE=reject. These run once the sandbox knows the setting (it changes its options).
 */
const PKCE_REJECT = { SANDBOX_PKCE: 'reject' };
const sandboxCanRejectPkce =
  JSON.stringify(sandboxSettingsFromEnv(PKCE_REJECT)) !== JSON.stringify(sandboxSettingsFromEnv({}));

/** Where the browser lands after trying to sign in; a refusal on the provider's own pages included. */
async function signInOutcome(h: Harness): Promise<string> {
  const authorizeUrl = await startSignIn(h);
  const page = await h.sandbox.oauthApp.request(`${authorizeUrl.pathname}${authorizeUrl.search}`);
  if (page.status !== 200) {
    const location = page.headers.get('location');
    if (location === null) return `refused on the provider's page (${page.status})`;
    return (await callback(h, new URL(location))).headers.get('location') ?? '';
  }
  const redirect = await authorizeAs(h, authorizeUrl, 'maria.lopez@northwind.example');
  return (await callback(h, redirect)).headers.get('location') ?? '';
}

describe.skipIf(!sandboxCanRejectPkce)('against a provider that refuses PKCE (SANDBOX_PKCE=reject)', () => {
  it('signs in with PKCE off, as QuickLead does with Pipedrive by default', async () => {
    const h = createHarness({ sandboxEnv: PKCE_REJECT, env: { QUICKLEAD_PKCE: 'off' } });
    expect(await signInOutcome(h)).toBe('/');
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
  });

  it('cannot sign in with PKCE on, which is why it is off for Pipedrive', async () => {
    const h = createHarness({ sandboxEnv: PKCE_REJECT, env: { QUICKLEAD_PKCE: 'on' } });
    expect(await signInOutcome(h)).not.toBe('/');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
  });
});
