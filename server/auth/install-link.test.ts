import { describe, expect, it } from 'vitest';
import { approve } from '../../sandbox/testing/test-support.ts';
import {
  APP_ORIGIN,
  authorize,
  callback,
  createHarness,
  type Harness,
  proxied,
  tokenCalls,
} from '../testing/harness.ts';

/** What Pipedrive's installation link does: consent, then back to the callback with a code and no state. */
async function installFromLink(h: Harness): Promise<URL> {
  const redirect = await approve(h.sandbox, {
    client_id: h.config.clientId,
    redirect_uri: `${APP_ORIGIN}/auth/callback`,
    response_type: 'code',
  });
  expect(redirect.searchParams.get('code')).toMatch(/.+/);
  expect(redirect.searchParams.has('state')).toBe(false);
  return redirect;
}

describe('a callback from the installation link (a code, no state, no sign-in pending)', () => {
  it('does not use the code: it starts an ordinary sign-in, which then completes', async () => {
    const h = createHarness();
    // The callback starts the sign-in itself: a foreign page cannot reach the sign-in route, and
    // the redirect from Pipedrive is exactly such a cross-site navigation.
    const install = await callback(h, await installFromLink(h));
    expect(install.status).toBe(302);
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(h.jar.cookies.has('quicklead-signin')).toBe(true);

    const authorizeUrl = new URL(install.headers.get('location') ?? '');
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(h.config.provider.authorizationEndpoint);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const done = await callback(h, await authorize(h, authorizeUrl));
    expect(done.headers.get('location')).toBe('/');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(1);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
  });

  it('does not loop in a browser that keeps no cookies: the restarted sign-in ends in the state error', async () => {
    const h = createHarness();
    const send = (path: string) => h.app.request(new URL(path, APP_ORIGIN).href);
    const install = await send(`/auth/callback${(await installFromLink(h)).search}`);
    const redirect = await authorize(h, new URL(install.headers.get('location') ?? ''));
    // Back with our own state, but the sign-in cookie never came back: refused, not restarted again.
    expect(redirect.searchParams.has('state')).toBe(true);
    const back = await send(`${redirect.pathname}${redirect.search}`);
    expect(back.headers.get('location')).toBe('/?signin_error=state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it('an error callback without a pending sign-in still says what went wrong', async () => {
    const h = createHarness();
    const denied = await h.request('/auth/callback?error=access_denied');
    expect(denied.headers.get('location')).toBe('/?signin_error=denied');
    const other = await h.request('/auth/callback?error=server_error&code=x');
    expect(other.headers.get('location')).toBe('/?signin_error=state');
  });

  it('a callback with a code and a state that no sign-in here is waiting for is refused, not restarted', async () => {
    const h = createHarness();
    const response = await h.request('/auth/callback?code=some-code&state=some-state');
    expect(response.headers.get('location')).toBe('/?signin_error=state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });
});
