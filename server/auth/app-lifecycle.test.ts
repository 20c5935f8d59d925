import { describe, expect, it } from 'vitest';
import { installLink } from '../../sandbox/oauth/oauth-install-link.ts';
import { authorizeUrl, postForm, requestIdFrom, signInOn } from '../../sandbox/testing/test-support.ts';
import {
  CSRF,
  callback,
  createHarness,
  type Harness,
  OAUTH_ORIGIN,
  otherBrowser,
  proxied,
  signInAs,
  startSignIn,
  tokenCalls,
} from '../testing/harness.ts';

const MARIA = 'maria.lopez@northwind.example';
const JAMES = 'james.carter@northwind.example';

/** What the provider answers once the password is in: its consent page (200) or straight back (302). */
async function afterPassword(h: Harness, authorize: URL, email = MARIA): Promise<Response> {
  const page = await h.sandbox.oauthApp.request(authorizeUrl(Object.fromEntries(authorize.searchParams)));
  return signInOn(h.sandbox, page, email);
}

async function allow(h: Harness, consentPage: Response): Promise<URL> {
  const redirect = await postForm(h.sandbox, '/oauth/consent', {
    request_id: requestIdFrom(await consentPage.text()),
    decision: 'allow',
  });
  expect(redirect.status).toBe(302);
  return new URL(redirect.headers.get('location') ?? '');
}

async function signedIn(h: Harness): Promise<boolean> {
  const info = (await (await h.request('/auth/session')).json()) as { signedIn: boolean };
  return info.signedIn;
}

describe('the app’s life at the provider: install, sign out, disconnect, uninstall', () => {
  it('sign out keeps the app installed: the next sign-in goes straight back, with no consent page', async () => {
    const h = createHarness();
    const first = await afterPassword(h, await startSignIn(h));
    expect(first.status).toBe(200);
    await callback(h, await allow(h, first));
    expect(await signedIn(h)).toBe(true);

    expect((await h.request('/auth/logout', { method: 'POST', headers: CSRF })).status).toBe(204);
    const again = await afterPassword(h, await startSignIn(h));
    expect(again.status).toBe(302);
    const done = await callback(h, new URL(again.headers.get('location') ?? ''));
    expect(done.headers.get('location')).toBe('/');
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
  });

  it('disconnect uninstalls: Pipedrive’s notice ends the user’s other sessions, not a colleague’s, and consent comes back', async () => {
    const h = createHarness();
    await signInAs(h, MARIA);
    const laptop = otherBrowser(h);
    await signInAs(laptop, MARIA);
    const colleague = otherBrowser(h);
    await signInAs(colleague, JAMES);
    h.clock.advance(1000);

    expect((await h.request('/auth/disconnect', { method: 'POST', headers: CSRF })).status).toBe(204);
    await h.sandbox.store.uninstallNotices.settled();
    const notices = h.sandbox.store.uninstallNotices.list();
    expect(notices.map((notice) => [notice.url, notice.status])).toEqual([
      ['http://127.0.0.1:5173/auth/callback', 200],
    ]);

    // The session on the other device is over; the colleague's is not.
    expect(await signedIn(laptop)).toBe(false);
    expect((await proxied(laptop, '/api/v1/users/me')).status).toBe(401);
    expect(await signedIn(colleague)).toBe(true);
    expect((await proxied(colleague, '/api/v1/users/me')).status).toBe(200);

    // Uninstalled: the next sign-in asks to install again.
    expect((await afterPassword(h, await startSignIn(h))).status).toBe(200);
  });

  it('the installation link: its code is not used, the sign-in that follows needs no second consent', async () => {
    const h = createHarness();
    const link = new URL(installLink(OAUTH_ORIGIN, h.config.clientId));
    const page = await h.sandbox.oauthApp.request(`${link.pathname}${link.search}`);
    const consent = await signInOn(h.sandbox, page, MARIA);
    expect(consent.status).toBe(200);
    const installed = await allow(h, consent);
    expect(installed.searchParams.has('code')).toBe(true);
    expect(installed.searchParams.has('state')).toBe(false);

    // No code exchanged: the callback starts an ordinary sign-in, straight to Pipedrive.
    const back = await callback(h, installed);
    expect(tokenCalls(h, 'authorization_code')).toHaveLength(0);
    const straightBack = await afterPassword(h, new URL(back.headers.get('location') ?? ''));
    expect(straightBack.status).toBe(302);
    const done = await callback(h, new URL(straightBack.headers.get('location') ?? ''));
    expect(done.headers.get('location')).toBe('/');
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
  });
});
