import { describe, expect, it } from 'vitest';
import { PROVIDER_UNAVAILABLE } from '../common/bff-contract.ts';
import {
  authorize,
  CSRF,
  callback,
  createHarness,
  type HarnessOptions,
  type OutgoingCall,
  proxied,
  signIn,
  startSignIn,
} from './testing/harness.ts';

/** Short bounds, so a hung provider is given up on at once rather than after the real 10 or 30 s. */
const BOUND_MS = 50;
/** Long enough for the app server's own work around the bounded calls, far below any real bound. */
const ANSWER_WITHIN_MS = 2_000;

function hungProvider(neverAnswers: (call: OutgoingCall) => boolean, options: HarnessOptions = {}) {
  return createHarness({ ...options, neverAnswers, providerTimeouts: { authMs: BOUND_MS, apiMs: BOUND_MS } });
}

/** The app server's answer, or a failure naming the hang if there is none within `ms`. */
async function answeredWithin<T>(ms: number, pending: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the app server did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([pending, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const isUsersMe = (call: OutgoingCall) => call.url.endsWith('/api/v1/users/me');
const isGrant = (grant: string) => (call: OutgoingCall) =>
  call.url.endsWith('/oauth/token') && new URLSearchParams(call.body).get('grant_type') === grant;

describe('a provider that never answers cannot hold a request (each call to it is time-bound)', () => {
  it('users/me hanging at the callback: the callback answers within the bound with the unavailable sign-in error, and signs no one in', async () => {
    const h = hungProvider(isUsersMe);
    const redirect = await authorize(h, await startSignIn(h));
    const done = await answeredWithin(ANSWER_WITHIN_MS, callback(h, redirect));
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/?signin_error=unavailable');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(h.jar.cookies.has('quicklead-signin')).toBe(false);
  });

  it('the token endpoint hanging at the code exchange: the callback answers within the bound with the unavailable sign-in error', async () => {
    const h = hungProvider(isGrant('authorization_code'));
    const redirect = await authorize(h, await startSignIn(h));
    const done = await answeredWithin(ANSWER_WITHIN_MS, callback(h, redirect));
    expect(done.headers.get('location')).toBe('/?signin_error=unavailable');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
  });

  it('the token endpoint hanging at a refresh: the proxied call answers within the bound with provider_unavailable, and the session is kept', async () => {
    const h = hungProvider(isGrant('refresh_token'), { accessTokenTtlSeconds: 60 });
    await signIn(h);
    h.clock.advance(61_000);
    const response = await answeredWithin(ANSWER_WITHIN_MS, proxied(h, '/api/v1/users/me'));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toBe(PROVIDER_UNAVAILABLE);
    expect(((await (await h.request('/auth/session')).json()) as { signedIn: boolean }).signedIn).toBe(true);
  });

  it('the API hanging on a proxied call: the proxy answers within the bound with 502 upstream_unreachable', async () => {
    const h = hungProvider((call) => call.url.endsWith('/api/v1/currencies'));
    await signIn(h);
    const response = await answeredWithin(ANSWER_WITHIN_MS, proxied(h, '/api/v1/currencies'));
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toBe('upstream_unreachable');
  });

  it('the revocation endpoint hanging at a disconnect: it answers within the bound that Pipedrive did not confirm, still signed in', async () => {
    const h = hungProvider((call) => call.url.endsWith('/oauth/revoke'));
    await signIn(h);
    const response = await answeredWithin(
      ANSWER_WITHIN_MS,
      h.request('/auth/disconnect', { method: 'POST', headers: CSRF }),
    );
    expect(response.status).toBe(502);
    expect(((await response.json()) as { error: string }).error).toBe('revocation_failed');
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
  });
});
