import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { apiGet, pkcePair } from '../../sandbox/testing/test-support.ts';
import { MAX_UPSTREAM_BODY_BYTES } from '../proxy/upstream-body.ts';
import { SessionCookies } from '../sessions/session-cookie.ts';
import {
  APP_ORIGIN,
  authorize,
  CSRF,
  callback,
  createHarness,
  type Harness,
  latestTokens,
  proxied,
  signIn,
  startSignIn,
  tokenCalls,
} from '../testing/harness.ts';

/** A callback URL with one parameter changed (or removed, with `null`). */
function withParam(url: URL, name: string, value: string | null): URL {
  const changed = new URL(url);
  if (value === null) changed.searchParams.delete(name);
  else changed.searchParams.set(name, value);
  return changed;
}

/** The browser's pending sign-in, sealed again with another returnTo (as a cookie from an older build could be). */
async function resealSignIn(h: Harness, returnTo: string): Promise<void> {
  const cookies = new SessionCookies({ secrets: h.config.sessionSecrets, secure: false, now: h.clock.now });
  const app = new Hono();
  app.get('/', async (c) => {
    const pending = await cookies.readSignIn(c);
    if (!pending) throw new Error('no sign-in pending');
    await cookies.writeSignIn(c, { ...pending, returnTo });
    return c.body(null, 204);
  });
  h.jar.take(await app.request('/', { headers: { cookie: h.jar.header() } }));
}

function expectRefused(h: Harness, response: Response, kind: string): void {
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe(`/?signin_error=${kind}`);
  expect(h.jar.cookies.has('quicklead-session')).toBe(false);
  // The sign-in in progress is spent either way: a second try with it is impossible.
  expect(h.jar.cookies.has('quicklead-signin')).toBe(false);
}

describe('sign-in attacks (one test per attack, each asserting the refusal)', () => {
  it('refuses a callback without state while a sign-in is pending (the CSRF defence), before any token request', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h));
    expectRefused(h, await callback(h, withParam(redirect, 'state', null)), 'state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it('never exchanges a planted code without state when no sign-in is pending (install-link path): it starts the browser’s own sign-in instead', async () => {
    const h = createHarness();
    // The attacker's own code, from their own authorization, sent to the victim's browser.
    const planted = await authorize(h, await startSignIn(h));
    planted.searchParams.delete('state');
    h.jar.cookies.clear();

    const response = await callback(h, planted);
    expect(response.status).toBe(302);
    const authorizeUrl = new URL(response.headers.get('location') ?? '');
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(h.config.provider.authorizationEndpoint);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h.jar.cookies.has('quicklead-signin')).toBe(true);
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it.each([
    ['a foreign page’s form (its Origin)', { origin: 'https://evil.example' }],
    ['a foreign page’s form (fetch metadata)', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling site’s form', { 'sec-fetch-site': 'same-site', origin: 'https://other.127.0.0.1' }],
    ['a sandboxed frame (Origin: null)', { origin: 'null' }],
  ])('refuses to start a sign-in for %s, leaving the sign-in in progress intact', async (_from, headers) => {
    const h = createHarness();
    const authorizeUrl = await startSignIn(h);
    const pending = h.jar.cookies.get('quicklead-signin');

    const response = await h.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'returnTo=%2F',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('location')).toBeNull();
    expect(h.jar.cookies.get('quicklead-signin')).toBe(pending);
    // The sign-in the rep started still completes.
    expect((await callback(h, await authorize(h, authorizeUrl))).headers.get('location')).toBe('/');
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
  });

  it('a foreign page’s fetch cannot get the preflight it needs to start a sign-in with the CSRF header', async () => {
    const h = createHarness();
    const preflight = await h.request('/auth/login', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-quicklead-csrf',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('starts nothing on a GET to /auth/login (a foreign link or image), leaving the sign-in in progress intact', async () => {
    const h = createHarness();
    const authorizeUrl = await startSignIn(h);
    const pending = h.jar.cookies.get('quicklead-signin');

    const response = await h.request('/auth/login?returnTo=%2Fleads', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    // Back to the app, which shows its sign-in button: a sign-in starts only from there.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/leads');
    expect(h.jar.cookies.get('quicklead-signin')).toBe(pending);
    expect((await callback(h, await authorize(h, authorizeUrl))).headers.get('location')).toBe('/');
  });

  it('refuses a callback whose state does not match the one this browser sent', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h));
    expectRefused(h, await callback(h, withParam(redirect, 'state', 'attacker-state')), 'state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it('refuses a replayed callback (same code and state) after a successful sign-in', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h));
    expect((await callback(h, redirect)).headers.get('location')).toBe('/');
    h.jar.cookies.delete('quicklead-session');

    expectRefused(h, await callback(h, redirect), 'state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(1);
  });

  it('refuses a replayed code even with the captured sign-in cookie, and sets no session', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h));
    const capturedSignIn = h.jar.cookies.get('quicklead-signin') ?? '';
    await callback(h, redirect);
    const firstSession = h.jar.cookies.get('quicklead-session');
    h.jar.cookies.clear();

    const replay = await callback(h, redirect, { headers: { cookie: `quicklead-signin=${capturedSignIn}` } });
    expectRefused(h, replay, 'exchange');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(2);
    // The provider treats a reused code as stolen and takes back the tokens it produced (RFC 6749 §4.1.2).
    const old = await proxied(h, '/api/v1/users/me', {
      headers: { cookie: `quicklead-session=${firstSession}` },
    });
    expect(old.status).toBe(401);
  });

  it('sends the PKCE verifier a strict provider checks: a code issued for another challenge is refused', async () => {
    const control = createHarness({ pkce: 'require' });
    expect((await signIn(control)).headers.get('location')).toBe('/');
    expect(control.jar.cookies.has('quicklead-session')).toBe(true);

    const h = createHarness({ pkce: 'require' });
    const authorizeUrl = await startSignIn(h);
    // An attacker's code: obtained with their own challenge, injected into the victim's callback.
    const attacker = pkcePair();
    authorizeUrl.searchParams.set('code_challenge', attacker.challenge);
    const redirect = await authorize(h, authorizeUrl);
    expectRefused(h, await callback(h, redirect), 'exchange');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(1);
  });

  it('cannot complete a sign-in when its redirect URI is not the one registered at the provider', async () => {
    const h = createHarness({ env: { QUICKLEAD_PUBLIC_URL: 'http://127.0.0.1:5999' } });
    const authorizeUrl = await startSignIn(h);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:5999/auth/callback');
    // The provider will not even show its sign-in page for an unregistered redirect URI...
    const page = await h.sandbox.oauthApp.request(`${authorizeUrl.pathname}${authorizeUrl.search}`);
    expect(page.status).toBe(400);

    // ...and a code issued for the registered URI fails at the exchange, where ours is sent.
    authorizeUrl.searchParams.set('redirect_uri', `${APP_ORIGIN}/auth/callback`);
    const redirect = await authorize(h, authorizeUrl);
    expectRefused(h, await callback(h, redirect), 'exchange');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(1);
  });

  it('refuses a callback carrying a foreign iss (mix-up), before any token request', async () => {
    const h = createHarness();
    const redirect = await authorize(h, await startSignIn(h));
    expectRefused(h, await callback(h, withParam(redirect, 'iss', 'https://evil.example')), 'state');
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
  });

  it.each([
    'https://evil.example/phish',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    '/auth/logout',
  ])('lands on / after sign-in when returnTo is %s', async (returnTo) => {
    const h = createHarness();
    const done = await signIn(h, returnTo);
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe('/');
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
  });

  // Each of these once got past a check made on the raw value while the normalised one was used.
  it.each([
    '/.//evil.example/phish',
    '/x/..//evil.example/phish',
    '/%2e//evil.example/phish',
    '/%2E%2E//evil.example/phish',
    '/\\evil.example',
    '/\\\\evil.example',
    '/%2f%2fevil.example',
    '/%5cevil.example',
    '/\t/evil.example',
    '/.\t//evil.example',
    '/\n/evil.example',
    '/.//\r\nevil.example',
    'https://evil.example',
    'https://evil.example/phish',
  ])('open redirect after sign-in: returnTo %j keeps the browser on the app origin', async (returnTo) => {
    const h = createHarness();
    const done = await signIn(h, returnTo);
    expect(done.status).toBe(302);
    // Where a browser goes: the Location header resolved against the page it came from.
    const landing = new URL(done.headers.get('location') ?? '', `${APP_ORIGIN}/auth/callback`);
    expect(landing.origin).toBe(APP_ORIGIN);
    expect(h.jar.cookies.has('quicklead-session')).toBe(true);
  });

  it('open redirect after sign-in: a sign-in cookie sealed before the current check (returnTo //evil.example) still lands on the app origin', async () => {
    const h = createHarness();
    const authorizeUrl = await startSignIn(h);
    await resealSignIn(h, '//evil.example/phish');
    const done = await callback(h, await authorize(h, authorizeUrl));
    expect(done.status).toBe(302);
    expect(new URL(done.headers.get('location') ?? '', `${APP_ORIGIN}/auth/callback`).origin).toBe(
      APP_ORIGIN,
    );
  });

  it('refuses a token response whose api_domain is outside the allowed origins, and revokes its tokens', async () => {
    // The sandbox answers api_domain http://127.0.0.1:5182; this deployment only trusts :5999.
    const h = createHarness({ env: { QUICKLEAD_API_ORIGIN: 'http://127.0.0.1:5999' } });
    expectRefused(h, await signIn(h), 'api-domain');
    const { accessToken } = latestTokens(h);
    expect((await apiGet(h.sandbox, '/api/v1/users/me', accessToken)).status).toBe(401);
  });

  it('treats a tampered session cookie as signed out', async () => {
    const h = createHarness();
    await signIn(h);
    const cookie = h.jar.cookies.get('quicklead-session') ?? '';
    const at = Math.floor(cookie.length / 2);
    const flipped = `${cookie.slice(0, at)}${cookie[at] === 'A' ? 'B' : 'A'}${cookie.slice(at + 1)}`;
    h.jar.cookies.set('quicklead-session', flipped);

    const session = await h.request('/auth/session');
    expect(await session.json()).toEqual({ signedIn: false });
    // The bad cookie is cleared rather than sent again and again.
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);

    h.jar.cookies.set('quicklead-session', flipped);
    const call = await proxied(h, '/api/v1/users/me');
    expect(call.status).toBe(401);
    expect(((await call.json()) as { error: string }).error).toBe(SIGN_IN_REQUIRED);
    expect(h.calls.some((c) => c.url.includes('/api/v1/'))).toBe(false);
  });

  it('does not accept the sign-in cookie in place of a session cookie', async () => {
    const h = createHarness();
    await startSignIn(h);
    const signInCookie = h.jar.cookies.get('quicklead-signin') ?? '';
    h.jar.cookies.set('quicklead-session', signInCookie);
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
  });
});

describe('sign-out reach', () => {
  it.each(['/auth/logout', '/auth/disconnect'])(
    'POST %s does not wipe the cookies of every site under the same registrable domain, and still expires QuickLead’s own',
    async (path) => {
      const h = createHarness();
      await signIn(h);
      const response = await h.request(path, { method: 'POST', headers: CSRF });
      expect(response.status).toBe(204);
      // "cookies" (or "*") reaches the whole registrable domain: at leads.example.com it would sign
      // the user out of every *.example.com site.
      const directives = (response.headers.get('clear-site-data') ?? '').split(',').map((d) => d.trim());
      expect(directives).not.toContain('"cookies"');
      expect(directives).not.toContain('"*"');
      const expired = response.headers
        .getSetCookie()
        .filter((line) => /;\s*Max-Age=0(;|$)/i.test(line))
        .map((line) => line.slice(0, line.indexOf('=')));
      expect(expired).toEqual(
        expect.arrayContaining(['quicklead-session', 'quicklead-signin', 'quicklead-signin-failed']),
      );
      expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
    },
  );
});

describe('API proxy refusals', () => {
  it('refuses a proxied call without the CSRF header, before reading the session or calling upstream', async () => {
    const h = createHarness();
    await signIn(h);
    const calls = h.calls.length;
    const missing = await h.request('/api/pipedrive/api/v1/users/me');
    expect(missing.status).toBe(403);
    const wrong = await h.request('/api/pipedrive/api/v1/leads', {
      method: 'POST',
      headers: { 'x-quicklead-csrf': '0', 'content-type': 'application/json' },
      body: '{"title":"csrf"}',
    });
    expect(wrong.status).toBe(403);
    expect(h.calls.length).toBe(calls);
  });

  it.each(['/auth/logout', '/auth/disconnect'])(
    'refuses POST %s without the CSRF header and keeps the session',
    async (path) => {
      const h = createHarness();
      await signIn(h);
      const response = await h.request(path, { method: 'POST' });
      expect(response.status).toBe(403);
      expect(h.calls.some((call) => call.url.endsWith('/oauth/revoke'))).toBe(false);
      expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
    },
  );

  it.each([
    ['GET', '/api/v1/deals', 404],
    ['GET', '/api/v1/users/1/permissions', 404],
    ['GET', '/api/v1/users/-1', 404],
    ['GET', '/api/v1/users/me/../../v1/deals', 404],
    ['GET', '/api/v1/users/%2e%2e/deals', 404],
    ['GET', '/api/v1/users%2Fme', 404],
    ['GET', '/__sandbox/usage', 404],
    ['DELETE', '/api/v1/leads/0b0a9f4e-5f4a-4b8e-9b1a-6f3e2a1c9d7e', 405],
    ['POST', '/api/v1/users/me', 405],
    ['PATCH', '/api/v1/leads/0b0a9f4e-5f4a-4b8e-9b1a-6f3e2a1c9d7e', 405],
  ])(
    'refuses %s %s (not on the allowlist) with %i and calls nothing upstream',
    async (method, path, status) => {
      const h = createHarness();
      await signIn(h);
      const calls = h.calls.length;
      const response = await proxied(h, path, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(response.status).toBe(status);
      expect(h.calls.length).toBe(calls);
    },
  );

  it('answers 401 sign_in_required to a proxied call without a session', async () => {
    const h = createHarness();
    const response = await proxied(h, '/api/v1/users/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      error: SIGN_IN_REQUIRED,
      error_info: 'Sign in again to continue.',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

/** A harness whose API answers `/api/v1/currencies` with `answer` instead of the sandbox's. */
function upstreamAnswers(answer: () => Response): Harness {
  return createHarness({
    alterResponse: (url, response) => (url.endsWith('/api/v1/currencies') ? answer() : response),
  });
}

/** A body of `bytes` handed over in 64 KB chunks as it is read; `pulled()` says how much was read. */
function streamedBody(bytes: number) {
  const chunk = new TextEncoder().encode(`[${'1,'.repeat(32 * 1024 - 1)}`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

async function expectUpstreamRefused(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ success: false, error });
  return text;
}

describe('hostile or broken upstream answers (the proxy serves JSON only, of bounded size)', () => {
  it('turns an HTML page from upstream (a gateway, a captive portal) into a 502 JSON error, never serving the HTML from the app origin', async () => {
    const h = upstreamAnswers(
      () =>
        new Response('<html><script>alert(document.cookie)</script></html>', {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    );
    await signIn(h);
    const text = await expectUpstreamRefused(
      await proxied(h, '/api/v1/currencies'),
      502,
      'upstream_not_json',
    );
    expect(text).not.toContain('<script>');
  });

  it('refuses a body labelled JSON that is not JSON, and JSON labelled as something else', async () => {
    const mislabelled = upstreamAnswers(
      () => new Response('<svg onload="alert(1)"/>', { headers: { 'content-type': 'application/json' } }),
    );
    await signIn(mislabelled);
    await expectUpstreamRefused(await proxied(mislabelled, '/api/v1/currencies'), 502, 'upstream_not_json');

    const plain = upstreamAnswers(
      () => new Response('{"success":true,"data":[]}', { headers: { 'content-type': 'text/plain' } }),
    );
    await signIn(plain);
    await expectUpstreamRefused(await proxied(plain, '/api/v1/currencies'), 502, 'upstream_not_json');
  });

  it('keeps a 429 a 429 (with its Retry-After) when its body is not JSON, so the app still backs off', async () => {
    const h = upstreamAnswers(
      () =>
        new Response('<html>Slow down</html>', {
          status: 429,
          headers: { 'content-type': 'text/html', 'retry-after': '7' },
        }),
    );
    await signIn(h);
    const response = await proxied(h, '/api/v1/currencies');
    await expectUpstreamRefused(response, 429, 'upstream_not_json');
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('serves a JSON answer as application/json, whatever charset upstream named', async () => {
    const h = upstreamAnswers(
      () =>
        new Response('{"success":true,"data":[]}', {
          headers: { 'content-type': 'application/json; charset=ISO-8859-1' },
        }),
    );
    await signIn(h);
    const response = await proxied(h, '/api/v1/currencies');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual({ success: true, data: [] });
  });

  it(`cuts off an oversized upstream body with 502 once past ${MAX_UPSTREAM_BODY_BYTES / 1024 / 1024} MB, without reading the rest`, async () => {
    const huge = streamedBody(200 * 1024 * 1024);
    const h = upstreamAnswers(
      () => new Response(huge.body, { headers: { 'content-type': 'application/json' } }),
    );
    await signIn(h);
    await expectUpstreamRefused(await proxied(h, '/api/v1/currencies'), 502, 'upstream_too_large');
    expect(huge.pulled()).toBeLessThan(MAX_UPSTREAM_BODY_BYTES + 1024 * 1024);
  });

  it('refuses an upstream body whose Content-Length is over the cap without reading it', async () => {
    const huge = streamedBody(200 * 1024 * 1024);
    const h = upstreamAnswers(
      () =>
        new Response(huge.body, {
          headers: { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) },
        }),
    );
    await signIn(h);
    await expectUpstreamRefused(await proxied(h, '/api/v1/currencies'), 502, 'upstream_too_large');
    // At most the start the inspector keeps (and what the stream buffers ahead), never the body.
    expect(huge.pulled()).toBeLessThan(1024 * 1024);
  });
});
