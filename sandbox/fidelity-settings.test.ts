import { describe, expect, it } from 'vitest';
import { createSandbox } from './create-sandbox.ts';
import { sandboxSettingsFromEnv } from './env-settings.ts';
import {
  API_ORIGIN,
  APP_ORIGIN,
  approve,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  createClock,
  pkcePair,
  postForm,
} from './testing/test-support.ts';

function sandboxWith(options: Partial<Parameters<typeof createSandbox>[0]>, clock = createClock()) {
  return createSandbox({
    oauthOrigin: 'http://127.0.0.1:5181',
    apiOrigin: API_ORIGIN,
    appOrigins: [APP_ORIGIN],
    now: clock.now,
    ...options,
  });
}

async function confidentialCodeWithPkce(sandbox: ReturnType<typeof createSandbox>, challenge: string) {
  const redirect = await approve(sandbox, {
    client_id: sandbox.clients.confidential.clientId,
    redirect_uri: CONFIDENTIAL_REDIRECT,
    response_type: 'code',
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return redirect.searchParams.get('code') ?? '';
}

function confidentialAuthorizeWithPkce(sandbox: ReturnType<typeof createSandbox>, challenge: string) {
  return sandbox.oauthApp.request(
    authorizeUrl({
      client_id: sandbox.clients.confidential.clientId,
      redirect_uri: CONFIDENTIAL_REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }),
  );
}

describe('sandbox fidelity settings', () => {
  it('by default accepts and ignores PKCE on the confidential client, as Pipedrive', async () => {
    const sandbox = sandboxWith({});
    const code = await confidentialCodeWithPkce(sandbox, pkcePair().challenge);
    const response = await postForm(
      sandbox,
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: CONFIDENTIAL_REDIRECT,
        code_verifier: 'x'.repeat(43),
      },
      confidentialAuth(sandbox),
    );
    expect(response.status).toBe(200);
  });

  it('strict PKCE makes the confidential client refuse a wrong verifier', async () => {
    const sandbox = sandboxWith({ strictPkce: true });
    const { verifier, challenge } = pkcePair();
    const wrong = await confidentialCodeWithPkce(sandbox, challenge);
    const refused = await postForm(
      sandbox,
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code: wrong,
        redirect_uri: CONFIDENTIAL_REDIRECT,
        code_verifier: 'x'.repeat(43),
      },
      confidentialAuth(sandbox),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe('invalid_grant');

    const right = await confidentialCodeWithPkce(sandbox, challenge);
    const accepted = await postForm(
      sandbox,
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code: right,
        redirect_uri: CONFIDENTIAL_REDIRECT,
        code_verifier: verifier,
      },
      confidentialAuth(sandbox),
    );
    expect(accepted.status).toBe(200);
  });

  it('a short token lifetime is reported in expires_in and enforced by the API', async () => {
    const clock = createClock();
    const sandbox = sandboxWith({ accessTokenTtlSeconds: 5 }, clock);
    const code = await confidentialCodeWithPkce(sandbox, pkcePair().challenge);
    const tokens = await (
      await postForm(
        sandbox,
        '/oauth/token',
        { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT },
        confidentialAuth(sandbox),
      )
    ).json();
    expect(tokens.expires_in).toBe(5);
    const me = () =>
      sandbox.apiApp.request('/api/v1/users/me', {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
    expect((await me()).status).toBe(200);
    clock.advance(6_000);
    expect((await me()).status).toBe(401);
  });

  it('CORS can be switched off, so nothing but a server can call the sandbox', async () => {
    const sandbox = sandboxWith({ corsOrigins: [] });
    const preflight = await sandbox.apiApp.request('/api/v1/users/me', {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const tokenPreflight = await sandbox.oauthApp.request('/oauth/token', {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(tokenPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads the switches from the environment and refuses nonsense', () => {
    expect(
      sandboxSettingsFromEnv({
        SANDBOX_TOKEN_TTL: '30',
        SANDBOX_PKCE: 'reject',
        SANDBOX_CORS: 'off',
        SANDBOX_PLAN: 'growth',
      }),
    ).toEqual({
      plan: 'growth',
      accessTokenTtlSeconds: 30,
      pkce: 'reject',
      rotateRefreshTokens: undefined,
      corsOrigins: [],
      searchLagMs: 3000,
      seedLeads: true,
      conversionMs: 1500,
    });
    expect(sandboxSettingsFromEnv({ SANDBOX_SEED_LEADS: 'off' }).seedLeads).toBe(false);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_SEED_LEADS: 'some' })).toThrow(/SANDBOX_SEED_LEADS/);
    expect(sandboxSettingsFromEnv({}).pkce).toBeUndefined();
    expect(sandboxSettingsFromEnv({ SANDBOX_PKCE: 'Require' }).pkce).toBe('require');
    expect(() => sandboxSettingsFromEnv({ SANDBOX_TOKEN_TTL: 'soon' })).toThrow(/SANDBOX_TOKEN_TTL/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_CORS: 'maybe' })).toThrow(/SANDBOX_CORS/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_PKCE: 'on' })).toThrow(/SANDBOX_PKCE must be one of/);
  });

  it('still reads the old SANDBOX_STRICT_PKCE=on as require, and refuses a contradiction', () => {
    expect(sandboxSettingsFromEnv({ SANDBOX_STRICT_PKCE: 'on' }).pkce).toBe('require');
    expect(sandboxSettingsFromEnv({ SANDBOX_STRICT_PKCE: 'on', SANDBOX_PKCE: 'require' }).pkce).toBe(
      'require',
    );
    expect(() => sandboxSettingsFromEnv({ SANDBOX_STRICT_PKCE: 'on', SANDBOX_PKCE: 'reject' })).toThrow(
      /contradicts/,
    );
    expect(sandboxSettingsFromEnv({ SANDBOX_STRICT_PKCE: 'off', SANDBOX_PKCE: 'reject' }).pkce).toBe(
      'reject',
    );
    expect(sandboxSettingsFromEnv({ SANDBOX_STRICT_PKCE: 'off' }).pkce).toBeUndefined();
    expect(() => sandboxWith({ strictPkce: true, pkce: 'accept' })).toThrow(/contradicts/);
  });

  it('takes pkce over the old strictPkce: false, which was only the default', async () => {
    const sandbox = sandboxWith({ strictPkce: false, pkce: 'reject' });
    const refused = await confidentialAuthorizeWithPkce(sandbox, pkcePair().challenge);
    expect(new URL(refused.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });
});
