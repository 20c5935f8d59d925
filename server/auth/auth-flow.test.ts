import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { apiGet } from '../../sandbox/testing/test-support.ts';
import {
  authorize,
  CSRF,
  callback,
  createHarness,
  latestTokens,
  proxied,
  signIn,
  startSignIn,
  tokenCalls,
} from '../testing/harness.ts';

describe('bff sign-in, session, proxy and sign-out against the sandbox', () => {
  it('signs in, proxies a call, and signs out without revoking the tokens (the app stays installed)', async () => {
    const h = createHarness();

    const authorizeUrl = await startSignIn(h, '/leads/new?from=test#top');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('http://127.0.0.1:5181/oauth/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe('quicklead-sandbox');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:5173/auth/callback');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.jar.cookies.has('quicklead-signin')).toBe(true);

    const redirect = await authorize(h, authorizeUrl);
    const done = await callback(h, redirect);
    expect(done.status).toBe(302);
    // Back to where the user was, with nothing from the provider in the URL.
    expect(done.headers.get('location')).toBe('/leads/new?from=test#top');
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
    expect(h.jar.cookies.has('quicklead-signin')).toBe(false);

    // The token exchange used HTTP Basic and sent the PKCE verifier (defence in depth).
    const [exchange] = tokenCalls(h, 'authorization_code');
    expect(new URLSearchParams(exchange?.body).get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(new URLSearchParams(exchange?.body).has('client_secret')).toBe(false);

    const sessionResponse = await h.request('/auth/session');
    expect(sessionResponse.headers.get('cache-control')).toBe('no-store');
    const sessionText = await sessionResponse.text();
    const { accessToken, refreshToken } = latestTokens(h);
    expect(sessionText).not.toContain(accessToken);
    expect(sessionText).not.toContain(refreshToken);
    expect(JSON.parse(sessionText)).toEqual({
      signedIn: true,
      apiDomain: 'http://127.0.0.1:5182',
      expiresAt: h.clock.now() + 3599 * 1000,
      scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read', 'activities:full'],
      user: { id: expect.any(Number), name: 'Maria Lopez', companyName: 'Northwind Traders' },
    });
    // Neither does the cookie carry them readably: it is encrypted.
    const cookie = h.jar.cookies.get('quicklead-session') ?? '';
    expect(cookie).not.toContain(accessToken);
    expect(Buffer.from(cookie.replace(/\./g, ''), 'base64url').toString('latin1')).not.toContain(accessToken);

    const me = await proxied(h, '/api/v1/users/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(me.headers.get('x-token-cost')).toBe('2');
    expect(me.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(me.headers.get('x-daily-ratelimit-token-remaining')).toMatch(/^\d+$/);
    const body = (await me.json()) as { success: boolean; data: { email: string } };
    expect(body.success).toBe(true);
    expect(body.data.email).toBe('maria.lopez@northwind.example');
    const apiCall = h.calls.find((call) => call.url === 'http://127.0.0.1:5182/api/v1/users/me');
    expect(apiCall?.method).toBe('GET');

    const logout = await h.request('/auth/logout', { method: 'POST', headers: CSRF });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('clear-site-data')).toBe('"storage"');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
    const after = await proxied(h, '/api/v1/users/me');
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      success: false,
      error: SIGN_IN_REQUIRED,
      error_info: 'Sign in again to continue.',
    });
    // Sign-out ends QuickLead's session only: revoking would uninstall the app at Pipedrive.
    expect(h.calls.some((call) => call.url.endsWith('/oauth/revoke'))).toBe(false);
    expect((await apiGet(h.sandbox, '/api/v1/users/me', accessToken)).status).toBe(200);
    expect(h.sandbox.store.auth.findRefreshToken(refreshToken, 'quicklead-sandbox')).toBeDefined();
  });

  it('a call still on its way at sign-out cannot bring the session back: the old cookie is refused from then on', async () => {
    const h = createHarness();
    await signIn(h);
    const sessionCookie = h.jar.cookies.get('quicklead-session');
    expect(sessionCookie).toBeDefined();
    expect((await h.request('/auth/logout', { method: 'POST', headers: CSRF })).status).toBe(204);

    // What a request sent before the sign-out still carries.
    h.jar.cookies.set('quicklead-session', sessionCookie ?? '');
    const late = await proxied(h, '/api/v1/users/me');
    expect(late.status).toBe(401);
    expect(((await late.json()) as { error: string }).error).toBe(SIGN_IN_REQUIRED);
    h.jar.cookies.set('quicklead-session', sessionCookie ?? '');
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
  });

  it('disconnects: revokes the refresh token, then the access token, and ends the session', async () => {
    const h = createHarness();
    await signIn(h);
    const { accessToken, refreshToken } = latestTokens(h);

    const disconnect = await h.request('/auth/disconnect', { method: 'POST', headers: CSRF });
    expect(disconnect.status).toBe(204);
    expect(disconnect.headers.get('clear-site-data')).toBe('"storage"');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    const revokes = h.calls.filter((call) => call.url.endsWith('/oauth/revoke'));
    expect(revokes.map((call) => new URLSearchParams(call.body).get('token_type_hint'))).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(revokes.map((call) => new URLSearchParams(call.body).get('token'))).toEqual([
      refreshToken,
      accessToken,
    ]);

    // Neither token works at the provider any more.
    expect((await apiGet(h.sandbox, '/api/v1/users/me', accessToken)).status).toBe(401);
    expect(h.sandbox.store.auth.findRefreshToken(refreshToken, 'quicklead-sandbox')).toBeUndefined();
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
    const after = await proxied(h, '/api/v1/users/me');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: string }).error).toBe(SIGN_IN_REQUIRED);
  });

  it('a disconnect Pipedrive does not confirm keeps the rep signed in and says so (502), since the app may still be installed', async () => {
    // A gateway in front of Pipedrive fails the revocation: Pipedrive never saw it, nothing was uninstalled.
    const h = createHarness({
      answerInstead: (url) =>
        url.endsWith('/oauth/revoke') ? new Response('<html>Bad gateway</html>', { status: 502 }) : undefined,
    });
    await signIn(h);
    const disconnect = await h.request('/auth/disconnect', { method: 'POST', headers: CSRF });
    expect(disconnect.status).toBe(502);
    expect(((await disconnect.json()) as { error: string }).error).toBe('revocation_failed');
    expect(disconnect.headers.get('clear-site-data')).toBeNull();
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
    expect(((await (await h.request('/auth/session')).json()) as { signedIn: boolean }).signedIn).toBe(true);
  });

  it('a disconnect without a session revokes nothing and still clears the cookies', async () => {
    const h = createHarness();
    const response = await h.request('/auth/disconnect', { method: 'POST', headers: CSRF });
    expect(response.status).toBe(204);
    expect(h.calls).toEqual([]);
  });

  it('forwards a POST body and query string, and copies back the status', async () => {
    const h = createHarness();
    await signIn(h);
    const search = await proxied(h, '/api/v2/persons/search?term=ma&limit=5');
    expect(search.status).toBe(200);
    expect(h.calls.at(-1)?.url).toBe('http://127.0.0.1:5182/api/v2/persons/search?term=ma&limit=5');

    const created = await proxied(h, '/api/v2/organizations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Proxy Test Ltd' }),
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as { data: { name: string } }).data.name).toBe('Proxy Test Ltd');

    const lead = await proxied(h, '/api/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Proxied lead', organization_id: 1 }),
    });
    expect(lead.status).toBe(201);

    const invalid = await proxied(h, '/api/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { success: boolean }).success).toBe(false);
  });

  it('compresses a JSON answer for a browser that accepts it (brotli, else gzip), and only then', async () => {
    const h = createHarness();
    await signIn(h);
    const plain = await proxied(h, '/api/v1/dealFields?start=0&limit=500');
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(text.length).toBeGreaterThan(10_000);

    const br = await proxied(h, '/api/v1/dealFields?start=0&limit=500', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(text.length / 4);
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(text);

    const gzip = await proxied(h, '/api/v1/dealFields?start=0&limit=500', {
      headers: { 'accept-encoding': 'gzip, br;q=0' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString('utf8')).toBe(text);

    // A small answer goes as it is: compressing it would save nothing.
    const labels = await proxied(h, '/api/v1/leadLabels', { headers: { 'accept-encoding': 'br' } });
    expect(labels.headers.get('content-encoding')).toBeNull();
  });

  it('never copies a Set-Cookie from upstream', async () => {
    const h = createHarness({
      alterResponse: (url, response) => {
        if (!url.includes('/api/v1/')) return response;
        const headers = new Headers(response.headers);
        headers.append('set-cookie', 'tracker=1; Path=/');
        return new Response(response.body, { status: response.status, headers });
      },
    });
    await signIn(h);
    const response = await proxied(h, '/api/v1/currencies');
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().some((line) => line.startsWith('tracker='))).toBe(false);
  });

  it('sends a user who cancels at the provider back with signin_error=denied and no session', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h), 'cancel');
    const done = await callback(h, redirect);
    expect(done.headers.get('location')).toBe('/?signin_error=denied');
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });
});
