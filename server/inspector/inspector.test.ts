import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../common/inspector/model.ts';
import { textOf } from '../../common/inspector/model.ts';
import { ACCESS_TOKEN_TTL_S } from '../../sandbox/store/auth-store.ts';
import { FAILED_SIGN_IN_COOKIE } from '../sessions/session-cookie.ts';
import {
  authorize,
  CookieJar,
  CSRF,
  callback,
  createHarness,
  type Harness,
  latestTokens,
  proxied,
  signIn,
  startSignIn,
} from '../testing/harness.ts';

async function timeline(h: Harness): Promise<{ raw: string; steps: FlowStep[] }> {
  const response = await h.request('/auth/inspector', { headers: CSRF });
  expect(response.status).toBe(200);
  const raw = await response.text();
  return { raw, steps: (JSON.parse(raw) as { steps: FlowStep[] }).steps };
}

function factOf(step: FlowStep | undefined, label: string, reveal = true): string | undefined {
  const fact = step?.facts.find((candidate) => candidate.label === label);
  return fact ? textOf(fact.value, reveal) : undefined;
}

/** Everything the browser must never get from a `bff` server. */
function secretsOf(h: Harness): string[] {
  const { accessToken, refreshToken } = latestTokens(h);
  const basic = Buffer.from(`${h.config.clientId}:${h.config.clientSecret}`).toString('base64');
  return [accessToken, refreshToken, h.config.clientSecret, basic, encodeURIComponent(h.config.clientSecret)];
}

describe('the bff inspector timeline', () => {
  it('shows every sign-in step, redacted: no token, no client secret anywhere in the JSON', async () => {
    const h = createHarness();
    await signIn(h);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    const { raw, steps } = await timeline(h);

    for (const secret of secretsOf(h)) expect(raw).not.toContain(secret);
    expect(steps.map((step) => step.kind)).toEqual([
      'pkce',
      'authorization-request',
      'callback',
      'token-request',
      'token-response',
      'api-call', // who signed in, read once by the callback
      'api-call',
    ]);
    expect(steps.every((step) => step.by === 'server')).toBe(true);

    const [pkce, authorize, callback, tokenRequest, tokenResponse] = steps;
    // The verifier may be revealed once spent, and it hashes to the challenge that was sent.
    const verifier = factOf(pkce, 'code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(factOf(authorize, 'code_challenge')).toBe(challenge);
    expect(factOf(authorize, 'code_challenge_method')).toBe('S256');
    expect(factOf(callback, 'state')).toBe(factOf(authorize, 'state'));
    expect(callback?.facts.find((fact) => fact.label === 'state')?.verdict).toBe('match');

    expect(factOf(tokenRequest, 'code_verifier')).toBe(verifier);
    const authorization = tokenRequest?.request?.headers.find(([name]) => name === 'authorization')?.[1];
    expect(textOf(authorization ?? [], true)).toBe('Basic ••••');

    // Tokens: masked even when "revealed", with a length and fingerprint to tell them apart.
    expect(factOf(tokenResponse, 'access_token')).toBe('••••');
    const accessPart = tokenResponse?.facts.find((fact) => fact.label === 'access_token')?.value[0];
    const { accessToken } = latestTokens(h);
    const fingerprint = createHash('sha256').update(accessToken).digest('hex').slice(0, 8);
    expect(accessPart).toEqual({
      secret: 'access token',
      hint: `${accessToken.length} characters, SHA-256 fingerprint ${fingerprint}`,
    });
    expect(factOf(tokenResponse, 'api_domain')).toBe('http://127.0.0.1:5182');
    // Counted from when the answer arrived (the exchange's real duration is added to the clock).
    const expiresAt = tokenResponse?.facts.find((fact) => fact.label === 'expires_in')?.expiresAt ?? 0;
    expect(expiresAt - (h.clock.now() + ACCESS_TOKEN_TTL_S * 1000)).toBeGreaterThanOrEqual(0);
    expect(expiresAt - (h.clock.now() + ACCESS_TOKEN_TTL_S * 1000)).toBeLessThan(2000);

    const apiCall = steps.at(-1);
    expect(apiCall?.title).toBe('GET /api/v1/users/me');
    expect(factOf(apiCall, 'status')).toBe('200');
    expect(factOf(apiCall, 'x-token-cost')).toBeDefined();
    expect(factOf(apiCall, 'x-ratelimit-remaining')).toBeDefined();
    const bearer = apiCall?.request?.headers.find(([name]) => name === 'authorization')?.[1];
    expect(textOf(bearer ?? [], true)).toBe('Bearer ••••');
  });

  it('records refreshes as they happen, still without tokens', async () => {
    const h = createHarness();
    await signIn(h);
    h.clock.advance(ACCESS_TOKEN_TTL_S * 1000 - 30_000);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    const { raw, steps } = await timeline(h);
    for (const secret of secretsOf(h)) expect(raw).not.toContain(secret);
    const refresh = steps.find((step) => step.kind === 'refresh');
    expect(refresh?.request?.body && textOf(refresh.request.body, true)).toBe(
      'refresh_token=••••&grant_type=refresh_token',
    );
    expect(factOf(refresh, 'access_token')).toBe('••••');
  });

  it('serves a session only its own steps, needs the CSRF header, and forgets them at sign-out', async () => {
    const h = createHarness();
    await signIn(h);
    const other = new CookieJar();
    const anonymous = await h.app.request('http://127.0.0.1:5173/auth/inspector', {
      headers: { ...CSRF, cookie: other.header() },
    });
    expect(await anonymous.json()).toEqual({ steps: [] });
    expect((await h.request('/auth/inspector')).status).toBe(403);

    const logout = await h.request('/auth/logout', {
      method: 'POST',
      headers: { ...CSRF, accept: 'application/json' },
    });
    expect(logout.status).toBe(200);
    const steps = (JSON.parse(await logout.text()) as { steps: FlowStep[] }).steps;
    expect(steps.map((step) => step.kind).slice(0, 3)).toEqual(['pkce', 'authorization-request', 'callback']);
    // Sign-out revokes nothing (that would uninstall the app at Pipedrive).
    expect(steps.some((step) => step.kind === 'revocation')).toBe(false);
    expect((await timeline(h)).steps).toEqual([]);
  });

  it('a disconnect answers the timeline with both revocations, redacted, then forgets it', async () => {
    const h = createHarness();
    await signIn(h);
    const disconnect = await h.request('/auth/disconnect', {
      method: 'POST',
      headers: { ...CSRF, accept: 'application/json' },
    });
    expect(disconnect.status).toBe(200);
    const raw = await disconnect.text();
    for (const secret of secretsOf(h)) expect(raw).not.toContain(secret);
    const steps = (JSON.parse(raw) as { steps: FlowStep[] }).steps;
    const revocations = steps.filter((step) => step.kind === 'revocation');
    expect(revocations.map((step) => factOf(step, 'token_type_hint'))).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(revocations.map((step) => factOf(step, 'status'))).toEqual(['200', '200']);
    expect((await timeline(h)).steps).toEqual([]);
  });

  it('a cancelled sign-in stays visible to the browser that tried, until it tries again', async () => {
    const h = createHarness();
    const sent = await startSignIn(h);
    expect((await callback(h, await authorize(h, sent, 'cancel'))).headers.get('location')).toBe(
      '/?signin_error=denied',
    );
    const { steps } = await timeline(h);
    expect(steps.map((step) => step.kind)).toEqual(['pkce', 'authorization-request', 'callback']);
    const callbackStep = steps[2];
    expect(factOf(callbackStep, 'error')).toBe('access_denied');
    expect(factOf(callbackStep, 'state')).toBe(sent.searchParams.get('state'));

    // Another browser sees nothing of it, nor does a forged id.
    const other = new CookieJar();
    other.cookies.set(FAILED_SIGN_IN_COOKIE, 'A'.repeat(43));
    const forged = await h.app.request('http://127.0.0.1:5173/auth/inspector', {
      headers: { ...CSRF, cookie: other.header() },
    });
    expect(await forged.json()).toEqual({ steps: [] });

    // Trying again drops it; the new attempt shows once the provider sends the browser back.
    await startSignIn(h);
    expect((await timeline(h)).steps).toEqual([]);
    expect(h.jar.cookies.has(FAILED_SIGN_IN_COOKIE)).toBe(false);
  });

  it('does not exist when the inspector is off, and records nothing', async () => {
    const h = createHarness({ env: { QUICKLEAD_INSPECTOR: 'off' } });
    await signIn(h);
    expect((await h.request('/auth/inspector', { headers: CSRF })).status).toBe(404);
    const logout = await h.request('/auth/logout', {
      method: 'POST',
      headers: { ...CSRF, accept: 'application/json' },
    });
    expect(logout.status).toBe(204);
  });
});
