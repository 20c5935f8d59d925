import { describe, expect, it } from 'vitest';
import { SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { basic } from '../../sandbox/testing/test-support.ts';
import { createHarness, type Harness, otherBrowser, proxied, signInAs } from '../testing/harness.ts';

const MARIA = 'maria.lopez@northwind.example';
const JAMES = 'james.carter@northwind.example';

async function notify(h: Harness, body: unknown, authorization?: string): Promise<Response> {
  const auth = authorization ?? basic(h.config.clientId, h.config.clientSecret);
  return h.app.request(`${h.config.publicUrl}/auth/callback`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json', ...(auth === '' ? {} : { authorization: auth }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Who this browser's session belongs to, as Pipedrive's notice names them. */
async function whoIs(h: Harness): Promise<{ userId: number; companyId: number }> {
  const me = (await (await proxied(h, '/api/v1/users/me')).json()) as {
    data: { id: number; company_id: number };
  };
  return { userId: me.data.id, companyId: me.data.company_id };
}

function noticeFor(who: { userId: number; companyId: number }, clientId: string) {
  return {
    client_id: clientId,
    company_id: who.companyId,
    user_id: who.userId,
    timestamp: '2026-11-22T12:00:00Z',
  };
}

async function expectSignedIn(h: Harness): Promise<void> {
  expect(await (await h.request('/auth/session')).json()).toMatchObject({ signedIn: true });
  expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
}

describe('DELETE /auth/callback: Pipedrive’s uninstall notice', () => {
  it('ends the uninstalling user’s earlier session, not a colleague’s, and not a later one', async () => {
    const maria = createHarness();
    expect((await signInAs(maria, MARIA)).headers.get('location')).toBe('/');
    const james = otherBrowser(maria);
    expect((await signInAs(james, JAMES)).headers.get('location')).toBe('/');
    const who = await whoIs(maria);
    expect(who.userId).not.toBe((await whoIs(james)).userId);

    maria.clock.advance(1000);
    const notice = await notify(maria, noticeFor(who, maria.config.clientId));
    expect(notice.status).toBe(200);
    expect(await notice.json()).toEqual({ success: true });

    // Maria's session reads as signed out, and its cookie goes.
    expect(await (await maria.request('/auth/session')).json()).toEqual({ signedIn: false });
    expect(maria.jar.cookies.has('quicklead-session')).toBe(false);
    await expectSignedIn(james);

    // A proxied call with the old cookie: 401 sign_in_required, nothing sent upstream.
    const stale = otherBrowser(maria);
    expect((await signInAs(stale, MARIA)).status).toBe(302);
    const before = maria.calls.length;
    maria.clock.advance(1000);
    await notify(maria, noticeFor(who, maria.config.clientId));
    const refused = await proxied(stale, '/api/v1/users/me');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ success: false, error: SIGN_IN_REQUIRED });
    expect(stale.jar.cookies.has('quicklead-session')).toBe(false);
    expect(maria.calls.length).toBe(before);

    // Installing again and signing in after the notice gives a session that lasts.
    maria.clock.advance(1000);
    expect((await signInAs(maria, MARIA)).headers.get('location')).toBe('/');
    await expectSignedIn(maria);
    await expectSignedIn(james);
  });

  it('takes ids as numbers or numeric strings, ignores extra keys, and needs the company to match', async () => {
    const h = createHarness();
    await signInAs(h, MARIA);
    const who = await whoIs(h);
    h.clock.advance(1000);

    const elsewhere = { ...noticeFor(who, h.config.clientId), company_id: who.companyId + 1 };
    expect((await notify(h, elsewhere)).status).toBe(200);
    await expectSignedIn(h);

    const asStrings = {
      user_id: String(who.userId),
      company_id: ` ${who.companyId}`,
      client_id: 'whatever Pipedrive sends',
      timestamp: 1795000000,
      extra: { nested: true },
    };
    expect((await notify(h, asStrings)).status).toBe(200);
    expect(await (await h.request('/auth/session')).json()).toEqual({ signedIn: false });
  });

  it.each([
    ['no credentials', ''],
    ['a wrong secret', 'wrong-secret'],
    ['a wrong client id', 'wrong-id'],
    ['a scheme other than Basic', 'bearer'],
    ['Basic that is not base64', 'Basic !!!not-base64'],
    ['Basic without a colon', `Basic ${Buffer.from('quicklead-sandbox').toString('base64')}`],
  ])('answers 401 with WWW-Authenticate: Basic to %s, and ends no session', async (_, credentials) => {
    const h = createHarness();
    await signInAs(h, MARIA);
    const who = await whoIs(h);
    const authorization =
      credentials === 'wrong-secret'
        ? basic(h.config.clientId, `${h.config.clientSecret}x`)
        : credentials === 'wrong-id'
          ? basic('someone-else', h.config.clientSecret)
          : credentials === 'bearer'
            ? `Bearer ${h.config.clientSecret}`
            : credentials;
    h.clock.advance(1000);
    const response = await notify(h, noticeFor(who, h.config.clientId), authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await response.json()).toMatchObject({ success: false, error: 'unauthorized' });
    await expectSignedIn(h);
  });

  it.each([
    ['not JSON', 'user_id=1&company_id=2'],
    ['empty', ''],
    ['an array', [1, 2]],
    ['missing user_id', { company_id: 7 }],
    ['missing company_id', { user_id: 7 }],
    ['a non-numeric id', { user_id: 'abc', company_id: 7 }],
    ['a negative id', { user_id: -7, company_id: 7 }],
    ['a fractional id', { user_id: 7.5, company_id: 7 }],
    ['an id that is null', { user_id: null, company_id: 7 }],
  ])('answers 400 to a body that is %s', async (_, body) => {
    const h = createHarness();
    const response = await notify(h, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, error: 'invalid_request' });
  });

  it('answers 413 to a body far larger than a notice, and ends no session', async () => {
    const h = createHarness();
    await signInAs(h, MARIA);
    const who = await whoIs(h);
    h.clock.advance(1000);
    const response = await notify(h, { ...noticeFor(who, h.config.clientId), padding: 'x'.repeat(8 * 1024) });
    expect(response.status).toBe(413);
    await expectSignedIn(h);
  });
});
