import { describe, expect, it } from 'vitest';
import { SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { ACCESS_TOKEN_TTL_S } from '../../sandbox/store/auth-store.ts';
import {
  createHarness,
  type Harness,
  latestTokens,
  proxied,
  signIn,
  tokenCalls,
} from '../testing/harness.ts';

/** Moves both clocks to 30 s before the access token expires: inside the server's 60 s margin. */
function nearExpiry(h: Harness): void {
  h.clock.advance(ACCESS_TOKEN_TTL_S * 1000 - 30_000);
}

async function expectSignInRequired(h: Harness, response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({
    success: false,
    error: SIGN_IN_REQUIRED,
    error_info: 'Sign in again to continue.',
  });
  expect(h.jar.cookies.has('quicklead-session')).toBe(false);
}

describe('access token refresh through the proxy', () => {
  it('refreshes once for 50 concurrent calls of one session near expiry; all succeed', async () => {
    const h = createHarness();
    await signIn(h);
    const before = latestTokens(h);
    nearExpiry(h);

    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        proxied(h, '/api/v1/users/me', { headers: { cookie: h.jar.header() } }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);

    // Every API call went out with the new token, and the new session went back in the cookie.
    const after = latestTokens(h);
    expect(after.accessToken).not.toBe(before.accessToken);
    const bearerCalls = h.calls.filter((call) => call.url.endsWith('/api/v1/users/me'));
    expect(bearerCalls).toHaveLength(50);
    const session = (await (await h.request('/auth/session')).json()) as { expiresAt: number };
    expect(session.expiresAt).toBe(h.clock.now() + ACCESS_TOKEN_TTL_S * 1000);
  });

  it('refreshes once for 200 concurrent calls whose access token has just expired', async () => {
    const h = createHarness({ accessTokenTtlSeconds: 10 });
    await signIn(h);
    // A call right after sign-in does not refresh: a short token is renewed at half its life, not always.
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(0);

    h.clock.advance(10_000);
    const cookie = h.jar.header();
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => proxied(h, '/api/v1/users/me', { headers: { cookie } })),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
  });

  it('keeps one refresh when late calls still carry the old cookie, even with rotating refresh tokens', async () => {
    const h = createHarness({ rotateRefreshTokens: true });
    await signIn(h);
    nearExpiry(h);
    const oldCookie = h.jar.header();
    expect((await proxied(h, '/api/v1/users/me', { headers: { cookie: oldCookie } })).status).toBe(200);
    // A request that left the browser before the new cookie arrived.
    const late = await proxied(h, '/api/v1/users/me', { headers: { cookie: oldCookie } });
    expect(late.status).toBe(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
  });

  it('stores the rotated refresh token so the next refresh works', async () => {
    const h = createHarness({ rotateRefreshTokens: true });
    await signIn(h);
    nearExpiry(h);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    h.clock.advance(2 * 60_000);
    nearExpiry(h);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    const refreshes = tokenCalls(h, 'refresh_token').map((call) =>
      new URLSearchParams(call.body).get('refresh_token'),
    );
    expect(refreshes).toHaveLength(2);
    expect(refreshes[0]).not.toBe(refreshes[1]);
  });

  it('refreshes after a 401 from upstream and retries the call once', async () => {
    const h = createHarness();
    await signIn(h);
    const { accessToken } = latestTokens(h);
    // Revoked early at the provider, though the session still thinks it has an hour.
    h.sandbox.store.auth.revoke(accessToken, 'quicklead-sandbox');

    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(200);
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.calls.filter((call) => call.url.endsWith('/api/v1/users/me'))).toHaveLength(2);
  });

  it('answers sign_in_required and clears the cookie when the refresh token was revoked (near expiry)', async () => {
    const h = createHarness();
    await signIn(h);
    h.sandbox.store.auth.revoke(latestTokens(h).refreshToken, 'quicklead-sandbox');
    nearExpiry(h);
    await expectSignInRequired(h, await proxied(h, '/api/v1/users/me'));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.calls.some((call) => call.url.endsWith('/api/v1/users/me'))).toBe(false);
  });

  it('answers sign_in_required when upstream says 401 and the refresh is refused, without a retry loop', async () => {
    const h = createHarness();
    await signIn(h);
    h.sandbox.store.auth.revoke(latestTokens(h).refreshToken, 'quicklead-sandbox');
    await expectSignInRequired(h, await proxied(h, '/api/v1/users/me'));
    expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);
    expect(h.calls.filter((call) => call.url.endsWith('/api/v1/users/me'))).toHaveLength(1);
  });
});
