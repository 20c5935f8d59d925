import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_STORE_UNAVAILABLE, SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { basic } from '../../sandbox/testing/test-support.ts';
import { createAppServer } from '../app-server.ts';
import {
  authorize,
  CookieJar,
  callback,
  createHarness,
  type Harness,
  proxied,
  signIn,
  startSignIn,
  tokenCalls,
} from '../testing/harness.ts';
import { type LocalRedis, startLocalRedis } from '../testing/local-redis.ts';
import { CUSTOM_PROVIDER_ENV, longTokenProvider } from '../testing/long-token-provider.ts';
import { EmbeddedSessionStore } from './embedded-session-store.ts';
import { RedisSessionStore } from './redis-session-store.ts';
import type { SessionStore } from './session-store.ts';

/**
 * The session behaviour of the app server, once per store: the embedded default and Redis (a real
 * one, started here on a free loopback port). "Another instance" is a second app server sharing the
 * store and the provider, as instances behind one address share Redis.
 */
let redis: LocalRedis;
beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(async () => {
  await redis.stop();
});

const STORES: Array<[string, () => (now: () => number) => SessionStore]> = [
  ['embedded', () => (now) => new EmbeddedSessionStore(now)],
  ['redis', () => (now) => new RedisSessionStore(redis.url, now, () => {})],
];

/** Another app server over the same store, provider and clock. */
function anotherInstance(h: Harness) {
  const app = createAppServer({
    config: h.config,
    fetch: h.providerFetch,
    now: h.clock.now,
    refreshRetry: h.refreshRetry,
    sessionStore: h.store,
  });
  return (path: string, jar: CookieJar, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', jar.header());
    return app.request(new URL(path, h.config.publicUrl).href, { ...init, headers });
  };
}

const CSRF_HEADERS = { 'x-quicklead-csrf': '1' };

describe.each(STORES)('sessions in the %s store', (_kind, storeFactory) => {
  it('a session signed in on one instance is served by another', async () => {
    const h = createHarness({ sessionStore: storeFactory() });
    await signIn(h);
    const other = anotherInstance(h);
    const session = await other('/auth/session', h.jar);
    expect(await session.json()).toMatchObject({ signedIn: true });
    expect((await other('/api/pipedrive/api/v1/users/me', h.jar, { headers: CSRF_HEADERS })).status).toBe(
      200,
    );
  });

  it('sign out, then the old cookie replayed: signed out, on every instance', async () => {
    const h = createHarness({ sessionStore: storeFactory() });
    await signIn(h);
    const copied = new CookieJar();
    for (const [name, value] of h.jar.cookies) copied.cookies.set(name, value);
    expect((await h.request('/auth/logout', { method: 'POST', headers: CSRF_HEADERS })).status).toBe(204);

    const replayed = await h.app.request(`${h.config.publicUrl}/auth/session`, {
      headers: { cookie: copied.header() },
    });
    expect(await replayed.json()).toEqual({ signedIn: false });
    const other = anotherInstance(h);
    expect(await (await other('/auth/session', copied)).json()).toEqual({ signedIn: false });
    const call = await other('/api/pipedrive/api/v1/users/me', copied, { headers: CSRF_HEADERS });
    expect(call.status).toBe(401);
    expect(((await call.json()) as { error: string }).error).toBe(SIGN_IN_REQUIRED);
  });

  it('Pipedrive’s uninstall notice to one instance ends the user’s session on the other', async () => {
    const h = createHarness({ sessionStore: storeFactory() });
    await signIn(h);
    const me = (await (await proxied(h, '/api/v1/users/me')).json()) as {
      data: { id: number; company_id: number };
    };
    const notice = await h.app.request(`${h.config.publicUrl}/auth/callback`, {
      method: 'DELETE',
      headers: {
        'content-type': 'application/json',
        authorization: basic(h.config.clientId, h.config.clientSecret),
      },
      body: JSON.stringify({
        client_id: h.config.clientId,
        company_id: me.data.company_id,
        user_id: me.data.id,
        timestamp: '2026-11-22T12:00:00Z',
      }),
    });
    expect(notice.status).toBe(200);
    expect(await (await anotherInstance(h)('/auth/session', h.jar)).json()).toEqual({ signedIn: false });
  });

  it('with refresh-token rotation, calls through two instances at token expiry make one refresh and all succeed', async () => {
    const h = createHarness({ sessionStore: storeFactory(), rotateRefreshTokens: true });
    await signIn(h);
    const other = anotherInstance(h);
    h.clock.advance(60 * 60 * 1000);
    const calls = Array.from({ length: 20 }, (_, index) =>
      index % 2 === 0
        ? proxied(h, '/api/v1/users/me')
        : other('/api/pipedrive/api/v1/users/me', h.jar, { headers: CSRF_HEADERS }),
    );
    const statuses = (await Promise.all(calls)).map((response) => response.status);
    expect(statuses).toEqual(Array(20).fill(200));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
  });

  it('5,000-character tokens: sign-in works, the cookie stays small, and the proxy sends the whole token', async () => {
    const provider = longTokenProvider(5000);
    const h = createHarness({
      env: CUSTOM_PROVIDER_ENV,
      provider: provider.wrap,
      sessionStore: storeFactory(),
    });
    const callback = await signIn(h);
    expect(callback.headers.get('location')).toBe('/');
    const cookie = callback.headers.getSetCookie().find((line) => line.startsWith('quicklead-session='));
    expect(cookie?.length).toBeLessThan(400);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    const [accessToken] = provider.issued();
    expect(accessToken).toHaveLength(5000);
  });
});

describe('Redis out of reach', () => {
  it('answers 503 session_store_unavailable and keeps the cookie: the rep is not signed out', async () => {
    const own = await startLocalRedis();
    const lines: string[] = [];
    const h = createHarness({
      sessionStore: (now) => new RedisSessionStore(own.url, now, (line) => lines.push(line)),
    });
    await signIn(h);
    const cookie = h.jar.cookies.get('quicklead-session');
    await own.stop();

    for (const response of [await h.request('/auth/session'), await proxied(h, '/api/v1/users/me')]) {
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toBe(SESSION_STORE_UNAVAILABLE);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(h.jar.cookies.get('quicklead-session')).toBe(cookie);
    expect(lines.filter((line) => line.includes('unavailable'))).toHaveLength(1);
    await h.store.close();
  });

  it('a sign-in finishing while Redis is out of reach says why, and leaves no session cookie', async () => {
    const own = await startLocalRedis();
    const h = createHarness({ sessionStore: (now) => new RedisSessionStore(own.url, now, () => {}) });
    const authorizeUrl = await startSignIn(h);
    await own.stop();
    const done = await callback(h, await authorize(h, authorizeUrl));
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/?signin_error=session-store');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    await h.store.close();
  });
});
