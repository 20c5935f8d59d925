import { describe, expect, it } from 'vitest';
import {
  apiGet,
  authorizeUrl,
  basic,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  confidentialClientCode,
  createClock,
  createTestSandbox,
  exchangePublicCode,
  PUBLIC_REDIRECT,
  postForm,
  publicClientCode,
} from '../testing/test-support.ts';

async function expectTokenError(response: Response, status: number, error: string, text: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ success: false, error, error_description: text, message: text });
}

describe('token endpoint rejections', () => {
  it('a replayed code is refused and the tokens it produced are revoked', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier } = await publicClientCode(sandbox);
    const first = await (await exchangePublicCode(sandbox, code, verifier)).json();
    expect((await apiGet(sandbox, '/api/v1/users/me', first.access_token)).status).toBe(200);

    await expectTokenError(
      await exchangePublicCode(sandbox, code, verifier),
      400,
      'invalid_grant',
      'Invalid grant: authorization_code is invalid',
    );
    expect((await apiGet(sandbox, '/api/v1/users/me', first.access_token)).status).toBe(401);
  });

  it('a wrong PKCE verifier is refused', async () => {
    const sandbox = createTestSandbox();
    const { code } = await publicClientCode(sandbox);
    const wrong = 'a'.repeat(43);
    await expectTokenError(
      await exchangePublicCode(sandbox, code, wrong),
      400,
      'invalid_grant',
      'Invalid grant: code_verifier is invalid',
    );
  });

  it('the public client must send a code_challenge: authorize redirects back with invalid_request', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request(
      authorizeUrl({
        client_id: sandbox.clients.public.clientId,
        redirect_uri: PUBLIC_REDIRECT,
        state: 'st',
      }),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(PUBLIC_REDIRECT);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('st');
  });

  it('the public client must use S256, not plain', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request(
      authorizeUrl({
        client_id: sandbox.clients.public.clientId,
        redirect_uri: PUBLIC_REDIRECT,
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'plain',
      }),
    );
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('a redirect_uri at the token endpoint that differs from the authorize request is refused', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier } = await publicClientCode(sandbox);
    await expectTokenError(
      await exchangePublicCode(sandbox, code, verifier, 'http://127.0.0.1:5173/other'),
      400,
      'invalid_request',
      'Invalid request: redirect_uri is invalid',
    );
    await expectTokenError(
      await exchangePublicCode(sandbox, code, verifier, 'not a uri'),
      400,
      'invalid_request',
      'Invalid request: redirect_uri is not a valid URI',
    );
  });

  it('an unregistered redirect_uri at authorize shows an error page and does not redirect', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request(
      authorizeUrl({
        client_id: sandbox.clients.public.clientId,
        redirect_uri: 'https://attacker.example/callback',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<h1>');
  });

  it('an unknown client_id at authorize shows an error page and does not redirect', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request(
      authorizeUrl({ client_id: 'nobody', redirect_uri: PUBLIC_REDIRECT }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('a wrong client secret is invalid_client with 401', async () => {
    const sandbox = createTestSandbox();
    const code = await confidentialClientCode(sandbox);
    await expectTokenError(
      await postForm(
        sandbox,
        '/oauth/token',
        { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT },
        { authorization: basic(sandbox.clients.confidential.clientId, 'wrong-secret') },
      ),
      401,
      'invalid_client',
      'Invalid client: client is invalid',
    );
  });

  it('missing client credentials are refused', async () => {
    const sandbox = createTestSandbox();
    const code = await confidentialClientCode(sandbox);
    await expectTokenError(
      await postForm(sandbox, '/oauth/token', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: CONFIDENTIAL_REDIRECT,
      }),
      401,
      'invalid_client',
      'Invalid client: cannot retrieve client credentials',
    );
  });

  it('the confidential client cannot authenticate with a secret in the body', async () => {
    const sandbox = createTestSandbox();
    const { clientId, clientSecret } = sandbox.clients.confidential;
    const response = await postForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('invalid_client');
  });

  it('a code used more than 5 minutes after issue has expired', async () => {
    const clock = createClock();
    const sandbox = createTestSandbox(clock);
    const { code, verifier } = await publicClientCode(sandbox);
    clock.advance(5 * 60 * 1000 + 1);
    await expectTokenError(
      await exchangePublicCode(sandbox, code, verifier),
      400,
      'invalid_grant',
      'Invalid grant: authorization_code has expired',
    );
  });

  it('a code used just inside 5 minutes still works', async () => {
    const clock = createClock();
    const sandbox = createTestSandbox(clock);
    const { code, verifier } = await publicClientCode(sandbox);
    clock.advance(5 * 60 * 1000 - 1000);
    expect((await exchangePublicCode(sandbox, code, verifier)).status).toBe(200);
  });

  it('a missing grant_type is refused', async () => {
    const sandbox = createTestSandbox();
    await expectTokenError(
      await postForm(sandbox, '/oauth/token', { code: 'x' }, confidentialAuth(sandbox)),
      400,
      'invalid_request',
      'Missing parameter: grant_type',
    );
  });

  it('an unsupported grant type is refused', async () => {
    const sandbox = createTestSandbox();
    await expectTokenError(
      await postForm(sandbox, '/oauth/token', { grant_type: 'password' }, confidentialAuth(sandbox)),
      400,
      'unsupported_grant_type',
      'Unsupported grant type: grant_type is invalid',
    );
  });

  it('a JSON body is refused: the content must be form-encoded', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...confidentialAuth(sandbox) },
      body: JSON.stringify({ grant_type: 'authorization_code' }),
    });
    await expectTokenError(
      response,
      400,
      'invalid_request',
      'Invalid request: content must be application/x-www-form-urlencoded',
    );
  });

  it('an unknown refresh token is refused', async () => {
    const sandbox = createTestSandbox();
    await expectTokenError(
      await postForm(
        sandbox,
        '/oauth/token',
        { grant_type: 'refresh_token', refresh_token: 'unknown' },
        confidentialAuth(sandbox),
      ),
      400,
      'invalid_grant',
      'Invalid grant: refresh_token is invalid',
    );
  });

  it('a code issued to one client cannot be redeemed by the other', async () => {
    const sandbox = createTestSandbox();
    const { code } = await publicClientCode(sandbox);
    await expectTokenError(
      await postForm(
        sandbox,
        '/oauth/token',
        { grant_type: 'authorization_code', code, redirect_uri: PUBLIC_REDIRECT },
        confidentialAuth(sandbox),
      ),
      400,
      'invalid_grant',
      'Invalid grant: authorization_code is invalid',
    );
  });
});
