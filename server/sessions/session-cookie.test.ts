import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../sandbox/testing/test-support.ts';
import { CookieJar, createHarness, signIn } from '../testing/harness.ts';
import {
  newSessionId,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  SessionCookies,
  SIGN_IN_TTL_MS,
} from './session-cookie.ts';

const SECRET = 'cookie-test-secret-0123456789-abcdefghijkl';

/** A session id as sign-in makes them: the only thing the session cookie carries. */
const SID = newSessionId();

/** A tiny app around SessionCookies, so the cookies go through real Set-Cookie and Cookie headers. */
function cookieApp(secure: boolean, now: () => number, secret = SECRET) {
  const cookies = new SessionCookies({ secrets: [secret], secure, now });
  const app = new Hono();
  app.post('/write', async (c) => {
    await cookies.writeSessionId(c, SID, now() + SESSION_IDLE_TIMEOUT_MS);
    await cookies.writeSignIn(c, { state: 's', codeVerifier: 'v'.repeat(43), returnTo: '/x' });
    return c.body(null, 204);
  });
  app.get('/read', async (c) =>
    c.json({ session: await cookies.readSessionId(c), signIn: await cookies.readSignIn(c) }),
  );
  return app;
}

describe('session cookies', () => {
  it('on https: __Host- prefix, Secure, HttpOnly, SameSite=Strict, Path=/, no Domain', async () => {
    const clock = createClock();
    const response = await cookieApp(true, clock.now).request('/write', { method: 'POST' });
    const [sessionCookie, signInCookie] = response.headers.getSetCookie();
    expect(sessionCookie).toMatch(/^__Host-quicklead-session=/);
    expect(sessionCookie).toMatch(/; HttpOnly/);
    expect(sessionCookie).toMatch(/; Secure/);
    expect(sessionCookie).toMatch(/; SameSite=Strict/);
    expect(sessionCookie).toMatch(/; Path=\//);
    expect(sessionCookie).toMatch(new RegExp(`; Max-Age=${SESSION_IDLE_TIMEOUT_MS / 1000}`));
    expect(sessionCookie).not.toMatch(/Domain=/i);
    // The sign-in cookie must survive the provider's cross-site redirect back: Lax, and short-lived.
    expect(signInCookie).toMatch(/^__Host-quicklead-signin=/);
    expect(signInCookie).toMatch(/; SameSite=Lax/);
    expect(signInCookie).toMatch(new RegExp(`; Max-Age=${SIGN_IN_TTL_MS / 1000}`));
  });

  it('on http: plain names without Secure, which browsers would refuse there', async () => {
    const clock = createClock();
    const response = await cookieApp(false, clock.now).request('/write', { method: 'POST' });
    const [sessionCookie] = response.headers.getSetCookie();
    expect(sessionCookie).toMatch(/^quicklead-session=/);
    expect(sessionCookie).not.toMatch(/Secure/);
    expect(sessionCookie).toMatch(/; HttpOnly/);
  });

  it('reads back what it wrote, and nothing from another secret or after the sign-in cookie expires', async () => {
    const clock = createClock();
    const app = cookieApp(false, clock.now);
    const jar = new CookieJar();
    jar.take(await app.request('/write', { method: 'POST' }));
    const read = async () => (await app.request('/read', { headers: { cookie: jar.header() } })).json();
    expect(await read()).toEqual({
      session: SID,
      signIn: { state: 's', codeVerifier: 'v'.repeat(43), returnTo: '/x' },
    });

    const other = cookieApp(false, clock.now, 'another-secret-0123456789-abcdefghijklmn');
    const foreign = await (await other.request('/read', { headers: { cookie: jar.header() } })).json();
    expect(foreign).toEqual({});

    clock.advance(SIGN_IN_TTL_MS + 1000);
    expect(await read()).toEqual({ session: SID });
  });
});

describe('session timeouts', () => {
  it('ends a session unused for longer than the idle timeout', async () => {
    const h = createHarness();
    await signIn(h);
    h.clock.advance(SESSION_IDLE_TIMEOUT_MS - 60_000);
    expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
    // That use slid the deadline: another almost-idle period is fine...
    h.clock.advance(SESSION_IDLE_TIMEOUT_MS - 60_000);
    expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
    // ...but a full idle period is not, even though the browser kept the cookie.
    const kept = h.jar.header();
    h.clock.advance(SESSION_IDLE_TIMEOUT_MS + 1000);
    const response = await h.request('/auth/session', { headers: { cookie: kept } });
    expect(await response.json()).toEqual({ signedIn: false });
  });

  it('ends a session at the absolute timeout however often it is used', async () => {
    const h = createHarness();
    await signIn(h);
    const step = 11 * 60 * 60 * 1000;
    let elapsed = 0;
    while (elapsed + step < SESSION_ABSOLUTE_TIMEOUT_MS) {
      h.clock.advance(step);
      elapsed += step;
      expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
    }
    h.clock.advance(SESSION_ABSOLUTE_TIMEOUT_MS - elapsed);
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
  });
});
