import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, accessToken, apiGet, createTestSandbox, OTHER_ORIGIN } from '../testing/test-support.ts';

const ERROR_INFO = 'Please check developers.pipedrive.com';

describe('API authentication', () => {
  it('answers 401 "unauthorized access" without an Authorization header', async () => {
    const sandbox = createTestSandbox();
    const response = await apiGet(sandbox, '/api/v1/users/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      error: 'unauthorized access',
      errorCode: 401,
      error_info: ERROR_INFO,
    });
  });

  it('answers 401 "Invalid token" for an unknown token', async () => {
    const sandbox = createTestSandbox();
    const response = await apiGet(sandbox, '/api/v2/persons/search?term=ada', 'v1u:made-up');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      success: false,
      error: 'Invalid token: access token is invalid',
      errorCode: 401,
      error_info: ERROR_INFO,
    });
  });

  it('answers 401 once the access token has expired', async () => {
    let time = Date.UTC(2026, 0, 1);
    const sandbox = createTestSandbox({ now: () => time, advance: () => undefined });
    const token = accessToken(sandbox);
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
    time += 3600 * 1000;
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(401);
  });

  it('answers 403 "Scope and URL mismatch" when the token lacks the endpoint scope', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox, ['base']);
    const response = await apiGet(sandbox, '/api/v2/persons/search?term=ada', token);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      success: false,
      error: 'Scope and URL mismatch',
      errorCode: 403,
      error_info: ERROR_INFO,
    });
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
  });
});

describe('GET /api/v1/users/me', () => {
  it('returns the token user with company and language details', async () => {
    const sandbox = createTestSandbox();
    const response = await apiGet(sandbox, '/api/v1/users/me', accessToken(sandbox));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-token-cost')).toBe('2');
    const body = await response.json();
    expect(body.success).toBe(true);
    expect(body.data).toMatchObject({
      id: sandbox.store.crm.users[0]?.id,
      name: 'Maria Lopez',
      email: 'maria.lopez@northwind.example',
      default_currency: 'EUR',
      locale: 'en_US',
      lang: 1,
      active_flag: true,
      is_admin: 1,
      is_you: true,
      timezone_name: expect.any(String),
      company_id: sandbox.store.crm.company.id,
      company_name: 'Northwind Traders',
      company_domain: 'northwind-sandbox',
      company_country: expect.any(String),
      language: { language_code: 'en', country_code: 'US' },
    });
  });

  it('is served under the /v1 alias too', async () => {
    const sandbox = createTestSandbox();
    expect((await apiGet(sandbox, '/v1/users/me', accessToken(sandbox))).status).toBe(200);
  });
});

describe('API CORS', () => {
  const preflight = (origin: string) => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

  it('allows a preflight from an app origin', async () => {
    const sandbox = createTestSandbox();
    const response = await sandbox.apiApp.request('/api/v1/leads', preflight(APP_ORIGIN));
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('sends no allow-origin to other origins, even on errors', async () => {
    const sandbox = createTestSandbox();
    const preflightResponse = await sandbox.apiApp.request('/api/v1/leads', preflight(OTHER_ORIGIN));
    expect(preflightResponse.headers.get('access-control-allow-origin')).toBeNull();
    const denied = await apiGet(sandbox, '/api/v1/users/me', undefined, { origin: OTHER_ORIGIN });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the app read a 401, so it can tell an expired session from a network failure', async () => {
    const sandbox = createTestSandbox();
    const response = await apiGet(sandbox, '/api/v1/users/me', 'v1u:gone', { origin: APP_ORIGIN });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });
});

describe('admin surface', () => {
  it('reports health on both origins', async () => {
    const sandbox = createTestSandbox();
    for (const app of [sandbox.oauthApp, sandbox.apiApp]) {
      const response = await app.request('/__sandbox/health');
      expect(await response.json()).toEqual({ ok: true });
    }
  });
});
