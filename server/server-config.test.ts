import { describe, expect, it } from 'vitest';
import { readAppConfig } from '../common/app-config.ts';
import { publicConfigOf } from './public-config.ts';
import { readServerConfig } from './server-config.ts';
import { configErrorOf, randomSessionSecret } from './testing/harness.ts';

/** Made on each run: a real provider refuses any secret written in the repository. */
const SECRET = randomSessionSecret();
const PIPEDRIVE = {
  QUICKLEAD_PROVIDER: 'pipedrive',
  QUICKLEAD_CLIENT_ID: 'pd-client-id',
  QUICKLEAD_CLIENT_SECRET: 'pd-client-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
  QUICKLEAD_SESSION_SECRET: SECRET,
};
const CUSTOM = {
  QUICKLEAD_PROVIDER: 'custom',
  QUICKLEAD_CLIENT_ID: 'custom-client',
  QUICKLEAD_CLIENT_SECRET: 'custom-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com/',
  QUICKLEAD_SESSION_SECRET: SECRET,
  QUICKLEAD_AUTHORIZATION_ENDPOINT: 'https://auth.example.net/authorize',
  QUICKLEAD_TOKEN_ENDPOINT: 'https://auth.example.net/token',
  QUICKLEAD_ISSUER: 'https://auth.example.net',
  QUICKLEAD_API_ORIGINS: 'https://*.api.example.net, https://api.example.net',
};

describe('readServerConfig', () => {
  it('runs against the local sandbox with no environment at all, with a warning about the session secret', () => {
    const config = readServerConfig({});
    expect(config).toMatchObject({
      provider: {
        kind: 'sandbox',
        issuer: 'http://127.0.0.1:5181',
        authorizationEndpoint: 'http://127.0.0.1:5181/oauth/authorize',
        tokenEndpoint: 'http://127.0.0.1:5181/oauth/token',
        revocationEndpoint: 'http://127.0.0.1:5181/oauth/revoke',
        apiOrigins: ['http://127.0.0.1:5182'],
      },
      clientId: 'quicklead-sandbox',
      clientSecret: 'sandbox-client-secret',
      publicUrl: 'http://127.0.0.1:5173',
      redirectUri: 'http://127.0.0.1:5173/auth/callback',
      secure: false,
      sessionModes: ['bff', 'spa'],
      spaClientId: 'quicklead-spa-sandbox',
      listen: { host: '127.0.0.1', port: 8080 },
    });
    expect(config.sessionSecrets).toHaveLength(1);
    expect(config.sessionSecrets[0]?.length).toBeGreaterThanOrEqual(32);
    expect(config.warnings.join()).toMatch(/QUICKLEAD_SESSION_SECRET/);
  });

  it('moves the sandbox to other origins, ports and modes', () => {
    const config = readServerConfig({
      QUICKLEAD_OAUTH_ORIGIN: 'http://127.0.0.1:6181',
      QUICKLEAD_API_ORIGIN: 'http://127.0.0.1:6182/',
      QUICKLEAD_SESSION_MODES: 'spa, bff',
      QUICKLEAD_SESSION_SECRET: SECRET,
      QUICKLEAD_PORT: '9090',
      QUICKLEAD_HOST: '0.0.0.0',
    });
    expect(config.provider.tokenEndpoint).toBe('http://127.0.0.1:6181/oauth/token');
    expect(config.provider.apiOrigins).toEqual(['http://127.0.0.1:6182']);
    expect(config.sessionModes).toEqual(['spa', 'bff']);
    expect(config.listen).toEqual({ host: '0.0.0.0', port: 9090 });
    expect(config.warnings).toEqual([]);
  });

  it('knows Pipedrive: its endpoints, no iss, *.pipedrive.com, bff only, https cookies', () => {
    const config = readServerConfig(PIPEDRIVE);
    expect(config.provider).toEqual({
      kind: 'pipedrive',
      name: 'Pipedrive',
      issuer: 'https://oauth.pipedrive.com',
      requireIss: false,
      authorizationEndpoint: 'https://oauth.pipedrive.com/oauth/authorize',
      tokenEndpoint: 'https://oauth.pipedrive.com/oauth/token',
      revocationEndpoint: 'https://oauth.pipedrive.com/oauth/revoke',
      apiOrigins: ['https://*.pipedrive.com'],
    });
    expect(config.sessionModes).toEqual(['bff']);
    expect(config.spaClientId).toBeUndefined();
    expect(config.redirectUri).toBe('https://leads.example.com/auth/callback');
    expect(config.secure).toBe(true);
  });

  it('fails for Pipedrive without a client secret, naming QUICKLEAD_CLIENT_SECRET', () => {
    const message = configErrorOf({ ...PIPEDRIVE, QUICKLEAD_CLIENT_SECRET: undefined });
    expect(message).toMatch(/QUICKLEAD_CLIENT_SECRET is required when QUICKLEAD_PROVIDER is pipedrive/);
    expect(configErrorOf({ ...PIPEDRIVE, QUICKLEAD_CLIENT_SECRET: '  ' })).toMatch(/QUICKLEAD_CLIENT_SECRET/);
  });

  it('names every bad variable at once', () => {
    const message = configErrorOf({
      QUICKLEAD_PROVIDER: 'pipedrive',
      QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
    });
    expect(message).toMatch(/QUICKLEAD_CLIENT_ID/);
    expect(message).toMatch(/QUICKLEAD_CLIENT_SECRET/);
    expect(message).toMatch(/QUICKLEAD_SESSION_SECRET/);
  });

  it('refuses spa mode for Pipedrive', () => {
    expect(configErrorOf({ ...PIPEDRIVE, QUICKLEAD_SESSION_MODES: 'bff,spa' })).toMatch(
      /QUICKLEAD_SESSION_MODES cannot include "spa" for Pipedrive/,
    );
  });

  it.each([
    [{ QUICKLEAD_PROVIDER: 'auth0' }, 'QUICKLEAD_PROVIDER'],
    [{ QUICKLEAD_SESSION_SECRET: 'too-short' }, 'QUICKLEAD_SESSION_SECRET'],
    [{ QUICKLEAD_SESSION_MODES: 'bff,cookie' }, 'QUICKLEAD_SESSION_MODES'],
    [{ QUICKLEAD_SESSION_MODES: 'bff,bff' }, 'QUICKLEAD_SESSION_MODES'],
    [{ QUICKLEAD_PUBLIC_URL: 'leads.example.com' }, 'QUICKLEAD_PUBLIC_URL'],
    [{ QUICKLEAD_PUBLIC_URL: 'https://leads.example.com/app' }, 'QUICKLEAD_PUBLIC_URL'],
    [{ QUICKLEAD_PORT: '70000' }, 'QUICKLEAD_PORT'],
  ])('refuses %o, naming %s', (env, variable) => {
    expect(configErrorOf(env)).toContain(variable);
  });

  it('requires https for a public URL that is not loopback, except with the sandbox', () => {
    expect(configErrorOf({ ...PIPEDRIVE, QUICKLEAD_PUBLIC_URL: 'http://leads.example.com' })).toMatch(
      /QUICKLEAD_PUBLIC_URL must use https/,
    );
    expect(readServerConfig({ ...PIPEDRIVE, QUICKLEAD_PUBLIC_URL: 'http://127.0.0.1:8080' }).secure).toBe(
      false,
    );
  });

  it('describes a custom OAuth server from its endpoints', () => {
    const config = readServerConfig(CUSTOM);
    expect(config.provider).toEqual({
      kind: 'custom',
      name: 'OAuth server',
      issuer: 'https://auth.example.net',
      requireIss: false,
      authorizationEndpoint: 'https://auth.example.net/authorize',
      tokenEndpoint: 'https://auth.example.net/token',
      apiOrigins: ['https://*.api.example.net', 'https://api.example.net'],
    });
    expect(config.publicUrl).toBe('https://leads.example.com');
    expect(config.sessionModes).toEqual(['bff']);
  });

  it('refuses an incomplete or unsafe custom provider', () => {
    const missing = configErrorOf({
      ...CUSTOM,
      QUICKLEAD_TOKEN_ENDPOINT: undefined,
      QUICKLEAD_API_ORIGINS: '',
    });
    expect(missing).toMatch(/QUICKLEAD_TOKEN_ENDPOINT is required/);
    expect(missing).toMatch(/QUICKLEAD_API_ORIGINS is required/);
    expect(configErrorOf({ ...CUSTOM, QUICKLEAD_TOKEN_ENDPOINT: 'http://auth.example.net/token' })).toMatch(
      /QUICKLEAD_TOKEN_ENDPOINT must use https/,
    );
    expect(configErrorOf({ ...CUSTOM, QUICKLEAD_API_ORIGINS: 'https://api.*.example.net' })).toMatch(
      /QUICKLEAD_API_ORIGINS/,
    );
    expect(configErrorOf({ ...CUSTOM, QUICKLEAD_API_ORIGINS: 'https://api.example.net/v1' })).toMatch(
      /QUICKLEAD_API_ORIGINS/,
    );
    expect(configErrorOf({ ...CUSTOM, QUICKLEAD_SESSION_MODES: 'bff,spa' })).toMatch(
      /QUICKLEAD_SPA_CLIENT_ID/,
    );
  });
});

describe('the OAuth flow inspector setting', () => {
  it('is on for the sandbox and off for Pipedrive unless QUICKLEAD_INSPECTOR says otherwise', () => {
    expect(readServerConfig({ QUICKLEAD_SESSION_SECRET: SECRET }).inspector).toBe(true);
    expect(readServerConfig({ QUICKLEAD_SESSION_SECRET: SECRET, QUICKLEAD_INSPECTOR: 'off' }).inspector).toBe(
      false,
    );
    expect(readServerConfig(PIPEDRIVE).inspector).toBe(false);
    const on = readServerConfig({ ...PIPEDRIVE, QUICKLEAD_INSPECTOR: 'ON' });
    expect(on.inspector).toBe(true);
    expect(on.warnings.join('\n')).toMatch(/QUICKLEAD_INSPECTOR is on/);
    expect(publicConfigOf(on).inspector).toBe(true);
  });

  it('names the variable when the value is neither on nor off', () => {
    expect(configErrorOf({ ...PIPEDRIVE, QUICKLEAD_INSPECTOR: 'yes' })).toMatch(/QUICKLEAD_INSPECTOR/);
  });
});

describe('the PKCE setting', () => {
  it('is off for Pipedrive (it documents none) and on for the sandbox and a custom provider', () => {
    expect(readServerConfig(PIPEDRIVE).pkce).toBe(false);
    expect(readServerConfig(PIPEDRIVE).warnings).toEqual([]);
    expect(readServerConfig({ QUICKLEAD_SESSION_SECRET: SECRET }).pkce).toBe(true);
    expect(readServerConfig(CUSTOM).pkce).toBe(true);
  });

  it('follows QUICKLEAD_PKCE either way, with a warning when it is on for Pipedrive', () => {
    const on = readServerConfig({ ...PIPEDRIVE, QUICKLEAD_PKCE: 'on' });
    expect(on.pkce).toBe(true);
    expect(on.warnings.join('\n')).toMatch(/QUICKLEAD_PKCE is on for Pipedrive/);
    expect(readServerConfig({ ...CUSTOM, QUICKLEAD_PKCE: ' Off ' }).pkce).toBe(false);
    expect(readServerConfig({ QUICKLEAD_SESSION_SECRET: SECRET, QUICKLEAD_PKCE: 'off' }).pkce).toBe(false);
    expect(readServerConfig({ ...PIPEDRIVE, QUICKLEAD_PKCE: '' }).pkce).toBe(false);
  });

  it('names the variable when the value is neither on nor off', () => {
    expect(configErrorOf({ ...CUSTOM, QUICKLEAD_PKCE: 'S256' })).toMatch(/QUICKLEAD_PKCE/);
  });
});

describe('publicConfigOf', () => {
  it('offers both modes for the sandbox with the public spa client, and no secret', () => {
    const config = readServerConfig({ QUICKLEAD_SESSION_SECRET: SECRET });
    const publicConfig = publicConfigOf(config);
    expect(publicConfig).toEqual({
      modes: ['bff', 'spa'],
      provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
      spa: {
        kind: 'sandbox',
        name: 'Pipedrive sandbox',
        issuer: 'http://127.0.0.1:5181',
        requireIss: false,
        authorizationEndpoint: 'http://127.0.0.1:5181/oauth/authorize',
        tokenEndpoint: 'http://127.0.0.1:5181/oauth/token',
        revocationEndpoint: 'http://127.0.0.1:5181/oauth/revoke',
        clientId: 'quicklead-spa-sandbox',
        apiOrigins: ['http://127.0.0.1:5182'],
      },
      inspector: true,
    });
    expect(readAppConfig(publicConfig)).toEqual({ success: true, data: publicConfig });
    const text = JSON.stringify(publicConfig);
    expect(text).not.toContain(config.clientSecret);
    expect(text).not.toContain(SECRET);
  });

  it('tells the spa client that a provider advertising RFC 9207 must send iss, as the server requires it', () => {
    const config = readServerConfig({
      ...CUSTOM,
      QUICKLEAD_REQUIRE_ISS: 'true',
      QUICKLEAD_SESSION_MODES: 'bff,spa',
      QUICKLEAD_SPA_CLIENT_ID: 'custom-public-client',
    });
    expect(config.provider.requireIss).toBe(true);
    expect(publicConfigOf(config).spa?.requireIss).toBe(true);
  });

  it('gives the browser only the mode and provider name for Pipedrive: no secret, no client id', () => {
    const config = readServerConfig(PIPEDRIVE);
    const publicConfig = publicConfigOf(config);
    expect(publicConfig).toEqual({
      modes: ['bff'],
      provider: { kind: 'pipedrive', name: 'Pipedrive' },
      inspector: false,
    });
    const text = JSON.stringify(publicConfig);
    for (const value of [PIPEDRIVE.QUICKLEAD_CLIENT_SECRET, SECRET, PIPEDRIVE.QUICKLEAD_CLIENT_ID]) {
      expect(text).not.toContain(value);
    }
  });
});
