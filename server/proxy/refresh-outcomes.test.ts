import { describe, expect, it } from 'vitest';
import { PROVIDER_BUSY, PROVIDER_UNAVAILABLE, SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { REFRESH_RETRY_DELAYS_MS } from '../../common/oauth/refresh-outcome.ts';
import { ACCESS_TOKEN_TTL_S } from '../../sandbox/store/auth-store.ts';
import {
  createHarness,
  type Harness,
  type HarnessOptions,
  latestTokens,
  proxied,
  signIn,
  tokenCalls,
} from '../testing/harness.ts';

const NOT_ANSWERING = {
  success: false,
  error: PROVIDER_UNAVAILABLE,
  error_info: 'Pipedrive is not answering. Your lead is kept; try again in a moment.',
};

type TokenEndpoint = () => Response | undefined;

/**
 * A harness whose token endpoint answers what `tokenEndpoint.answer` says (undefined: the sandbox's
 * own answer). Throwing there is a network failure.
 */
function harnessWith(options: HarnessOptions = {}) {
  const tokenEndpoint: { answer: TokenEndpoint } = { answer: () => undefined };
  const h = createHarness({
    ...options,
    alterResponse: (url, response) =>
      url.endsWith('/oauth/token') ? (tokenEndpoint.answer() ?? response) : response,
  });
  return { h, tokenEndpoint };
}

function expire(h: Harness): void {
  h.clock.advance(ACCESS_TOKEN_TTL_S * 1000 + 1000);
}

function nearExpiry(h: Harness): void {
  h.clock.advance(ACCESS_TOKEN_TTL_S * 1000 - 30_000);
}

async function expectSessionKept(h: Harness): Promise<void> {
  expect(h.jar.cookies.has('quicklead-session')).toBe(true);
  expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
}

const html502 = () =>
  new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
    status: 502,
    headers: { 'content-type': 'text/html' },
  });
const json500 = () =>
  new Response(JSON.stringify({ error: 'server_error' }), {
    status: 500,
    headers: { 'content-type': 'application/json' },
  });
const networkDown = (): Response => {
  throw new TypeError('fetch failed');
};
const tooMany = (retryAfter: string) => () =>
  new Response(JSON.stringify({ success: false, error: 'Too many requests' }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': retryAfter },
  });

describe('what a failed refresh does to a proxied call', () => {
  it('a refused grant (invalid_grant) ends the session at once: 401 sign_in_required, no retry', async () => {
    const { h } = harnessWith();
    await signIn(h);
    h.sandbox.store.auth.revoke(latestTokens(h).refreshToken, 'quicklead-sandbox');
    expire(h);
    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ success: false, error: SIGN_IN_REQUIRED });
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it.each([
    ['a 500 with JSON', json500],
    ['an HTML 502 page', html502],
    ['a network failure', networkDown],
  ])(
    '%s: retried after each delay, then 503 provider_unavailable, session kept; fine once Pipedrive is back',
    async (_, failure) => {
      const { h, tokenEndpoint } = harnessWith();
      await signIn(h);
      expire(h);
      tokenEndpoint.answer = failure;

      const response = await proxied(h, '/api/v1/users/me');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual(NOT_ANSWERING);
      expect(tokenCalls(h, 'refresh_token')).toHaveLength(REFRESH_RETRY_DELAYS_MS.length + 1);
      expect(h.sleeps).toEqual([...REFRESH_RETRY_DELAYS_MS]);
      expect(h.calls.some((call) => call.url.endsWith('/api/v1/users/me'))).toBe(false);
      await expectSessionKept(h);

      tokenEndpoint.answer = () => undefined;
      expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
      expect(tokenCalls(h, 'refresh_token')).toHaveLength(REFRESH_RETRY_DELAYS_MS.length + 2);
    },
  );

  it('a provider that comes back during the retries serves the same request', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    expire(h);
    let failures = 2;
    tokenEndpoint.answer = () => (failures-- > 0 ? json500() : undefined);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    expect(h.sleeps).toEqual(REFRESH_RETRY_DELAYS_MS.slice(0, 2));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(3);
  });

  it('before expiry, one failed try is enough: the call goes ahead with the token it has, no waiting', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    nearExpiry(h);
    tokenEndpoint.answer = json500;
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('a 401 from the API with the token endpoint down: retried, then 503 provider_unavailable, session kept', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    h.sandbox.store.auth.revoke(latestTokens(h).accessToken, 'quicklead-sandbox');
    tokenEndpoint.answer = html502;
    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(NOT_ANSWERING);
    expect(h.sleeps).toEqual([...REFRESH_RETRY_DELAYS_MS]);
    await expectSessionKept(h);
  });

  it('concurrent calls of one session share one sequence of tries', async () => {
    let first = true;
    const { h, tokenEndpoint } = harnessWith({
      // The first wait is held a moment in real time, so every call has joined before the tries go on.
      afterSleep: async () => {
        if (!first) return;
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    });
    await signIn(h);
    expire(h);
    tokenEndpoint.answer = json500;
    const cookie = h.jar.header();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => proxied(h, '/api/v1/users/me', { headers: { cookie } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(503));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(REFRESH_RETRY_DELAYS_MS.length + 1);
    expect(h.sleeps).toEqual([...REFRESH_RETRY_DELAYS_MS]);
  });

  it('a 429 with a long Retry-After: 503 provider_busy passing it on, no retry, session kept, no asking again until then', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    expire(h);
    tokenEndpoint.answer = tooMany('120');

    const busy = await proxied(h, '/api/v1/users/me');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('120');
    expect(await busy.json()).toEqual({
      success: false,
      error: PROVIDER_BUSY,
      error_info: 'Pipedrive is busy. Your lead is kept; try again in a moment.',
    });
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    await expectSessionKept(h);

    // Half a minute on, the wait is not over: the token endpoint is not asked again.
    h.clock.advance(30_000);
    const still = await proxied(h, '/api/v1/users/me');
    expect(still.status).toBe(503);
    expect(still.headers.get('retry-after')).toBe('90');
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);

    h.clock.advance(90_000);
    tokenEndpoint.answer = () => undefined;
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(2);
  });

  it('a 429 asking for a second or two is waited out within the request', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    expire(h);
    let limited = true;
    tokenEndpoint.answer = () => {
      if (!limited) return undefined;
      limited = false;
      return tooMany('2')();
    };
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    // At least the Retry-After, even though the first scheduled delay is shorter.
    expect(h.sleeps).toEqual([2000]);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(2);
  });

  it('a 429 before expiry: the call goes ahead with the token it has', async () => {
    const { h, tokenEndpoint } = harnessWith();
    await signIn(h);
    nearExpiry(h);
    tokenEndpoint.answer = tooMany('60');
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    // The second call did not ask the token endpoint again inside the wait.
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
  });
});

describe('against the sandbox’s own refresh faults (its bodies, as Pipedrive’s)', () => {
  const tries = REFRESH_RETRY_DELAYS_MS.length + 1;

  it('invalid_grant with Pipedrive’s body: signed out', async () => {
    const { h } = harnessWith();
    await signIn(h);
    expire(h);
    h.sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'invalid_grant' });
    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: SIGN_IN_REQUIRED });
  });

  it('rate_limited: 503 provider_busy with the sandbox’s Retry-After, session kept', async () => {
    const { h } = harnessWith();
    await signIn(h);
    expire(h);
    h.sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'rate_limited', retryAfterSeconds: 60 });
    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toMatchObject({ error: PROVIDER_BUSY });
    await expectSessionKept(h);
  });

  it.each(['server_error', 'html_bad_gateway', 'dropped'] as const)(
    '%s on every try: 503 provider_unavailable, session kept, then fine',
    async (kind) => {
      const { h } = harnessWith();
      await signIn(h);
      expire(h);
      h.sandbox.store.auth.failNextRefreshes(tries, undefined, { kind });
      const response = await proxied(h, '/api/v1/users/me');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual(NOT_ANSWERING);
      expect(tokenCalls(h, 'refresh_token')).toHaveLength(tries);
      await expectSessionKept(h);
      expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    },
  );
});
