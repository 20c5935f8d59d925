import { describe, expect, it } from 'vitest';
import {
  API_ORIGIN,
  APP_ORIGIN,
  apiGet,
  approve,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  confidentialClientCode,
  createTestSandbox,
  exchangePublicCode,
  OTHER_ORIGIN,
  PUBLIC_REDIRECT,
  pkcePair,
  postForm,
  publicClientCode,
  requestIdFrom,
} from '../testing/test-support.ts';

describe('authorization code flow', () => {
  it('signs in a public client with PKCE and returns tokens that work at the API', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier, redirect } = await publicClientCode(sandbox, 'xyz');
    expect(`${redirect.origin}${redirect.pathname}`).toBe(PUBLIC_REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('xyz');

    const response = await exchangePublicCode(sandbox, code, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      access_token: expect.stringMatching(/^v1u:[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      expires_in: 3599,
      refresh_token: expect.any(String),
      scope: 'base,leads:full,contacts:full,users:read,deals:read,activities:full',
      api_domain: API_ORIGIN,
    });
    const me = await apiGet(sandbox, '/api/v1/users/me', body.access_token);
    expect(me.status).toBe(200);
    expect((await me.json()).data.email).toBe('maria.lopez@northwind.example');
  });

  it('signs in the confidential client with HTTP Basic and no PKCE', async () => {
    const sandbox = createTestSandbox();
    const code = await confidentialClientCode(sandbox);
    const response = await postForm(
      sandbox,
      '/oauth/token',
      { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT },
      confidentialAuth(sandbox),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).token_type).toBe('Bearer');
  });

  it('leaves state out of the redirect when none was sent', async () => {
    const sandbox = createTestSandbox();
    const redirect = await approve(sandbox, {
      client_id: sandbox.clients.confidential.clientId,
      redirect_uri: CONFIDENTIAL_REDIRECT,
    });
    expect(redirect.searchParams.has('code')).toBe(true);
    expect(redirect.searchParams.has('state')).toBe(false);
  });

  it('cancel at the consent page redirects with access_denied and the state', async () => {
    const sandbox = createTestSandbox();
    const { challenge } = pkcePair();
    const redirect = await approve(
      sandbox,
      {
        client_id: sandbox.clients.public.clientId,
        redirect_uri: PUBLIC_REDIRECT,
        state: 's1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
      'cancel',
    );
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('s1');
    expect(redirect.searchParams.has('code')).toBe(false);
  });

  it('renders an accessible sign-in page listing the demo accounts', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request(
      authorizeUrl({ client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT }),
    );
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<main>');
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<input id="email"');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('<input id="password"');
    expect(html).toMatch(/<button type="submit"[^>]*>Sign in<\/button>/);
    expect(html).not.toContain('<script');
    for (const user of sandbox.demoUsers) expect(html).toContain(user.email);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('re-renders the sign-in page with an alert and the typed email after a wrong password', async () => {
    const sandbox = createTestSandbox();
    const page = await sandbox.oauthApp.request(
      authorizeUrl({ client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT }),
    );
    const response = await postForm(sandbox, '/oauth/login', {
      request_id: requestIdFrom(await page.text()),
      email: 'maria.lopez@northwind.example',
      password: 'wrong',
    });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toMatch(/<p class="error" role="alert">[^<]*incorrect/);
    expect(html).toContain('value="maria.lopez@northwind.example"');
    expect(html).not.toContain('Allow and install');
  });

  it('shows the consent page with app, user, company and both buttons', async () => {
    const sandbox = createTestSandbox();
    const page = await sandbox.oauthApp.request(
      authorizeUrl({ client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT }),
    );
    const response = await postForm(sandbox, '/oauth/login', {
      request_id: requestIdFrom(await page.text()),
      email: 'maria.lopez@northwind.example',
      password: 'sandbox',
    });
    const html = await response.text();
    expect(html).toContain('QuickLead');
    expect(html).toContain('Maria Lopez');
    expect(html).toContain('Northwind Traders');
    expect(html).toContain('>Allow and install</button>');
    expect(html).toContain('>Cancel</button>');
    expect(response.headers.get('content-security-policy')).toContain(`form-action 'self' ${APP_ORIGIN}`);
  });
});

describe('refresh and revoke', () => {
  it('refresh returns a new working access token and keeps the refresh token', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier } = await publicClientCode(sandbox);
    const first = await (await exchangePublicCode(sandbox, code, verifier)).json();
    const response = await postForm(sandbox, '/oauth/token', {
      grant_type: 'refresh_token',
      client_id: sandbox.clients.public.clientId,
      refresh_token: first.refresh_token,
    });
    expect(response.status).toBe(200);
    const refreshed = await response.json();
    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).toBe(first.refresh_token);
    expect((await apiGet(sandbox, '/api/v1/users/me', refreshed.access_token)).status).toBe(200);
  });

  it('a revoked access token is refused by the API', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier } = await publicClientCode(sandbox);
    const tokens = await (await exchangePublicCode(sandbox, code, verifier)).json();
    const revoke = await postForm(sandbox, '/oauth/revoke', {
      client_id: sandbox.clients.public.clientId,
      token: tokens.access_token,
      token_type_hint: 'access_token',
    });
    expect(revoke.status).toBe(200);
    expect(await revoke.text()).toBe('');
    expect((await apiGet(sandbox, '/api/v1/users/me', tokens.access_token)).status).toBe(401);
  });

  it('revoking the refresh token also revokes its access tokens', async () => {
    const sandbox = createTestSandbox();
    const code = await confidentialClientCode(sandbox);
    const tokens = await (
      await postForm(
        sandbox,
        '/oauth/token',
        { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT },
        confidentialAuth(sandbox),
      )
    ).json();
    await postForm(sandbox, '/oauth/revoke', { token: tokens.refresh_token }, confidentialAuth(sandbox));
    expect((await apiGet(sandbox, '/api/v1/users/me', tokens.access_token)).status).toBe(401);
  });

  it('revoking an unknown token still answers 200', async () => {
    const sandbox = createTestSandbox();
    const response = await postForm(sandbox, '/oauth/revoke', { token: 'nope' }, confidentialAuth(sandbox));
    expect(response.status).toBe(200);
  });
});

describe('CORS on the token endpoint', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

  it('allows a preflight from an app origin', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request('/oauth/token', preflight(APP_ORIGIN));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('gives another origin no Access-Control-Allow-Origin', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.oauthApp.request('/oauth/token', preflight(OTHER_ORIGIN));
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds the allow-origin header to a real token response for an app origin', async () => {
    const sandbox = createTestSandbox();
    const { code, verifier } = await publicClientCode(sandbox);
    const response = await sandbox.oauthApp.request('/oauth/token', {
      method: 'POST',
      headers: { origin: APP_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: sandbox.clients.public.clientId,
        code,
        code_verifier: verifier,
        redirect_uri: PUBLIC_REDIRECT,
      }).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});
