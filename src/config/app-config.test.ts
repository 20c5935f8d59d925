import { describe, expect, it } from 'vitest';
import { AppConfigError, loadAppConfig } from './app-config.ts';

const valid = {
  modes: ['bff', 'spa'],
  provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
  spa: {
    kind: 'sandbox',
    name: 'Pipedrive sandbox',
    issuer: 'http://127.0.0.1:5181',
    requireIss: false,
    authorizationEndpoint: 'http://127.0.0.1:5181/oauth/authorize',
    tokenEndpoint: 'http://127.0.0.1:5181/oauth/token',
    clientId: 'quicklead-spa-sandbox',
    apiOrigins: ['http://127.0.0.1:5182'],
  },
};

const respondWith = (body: unknown, status = 200) =>
  (async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe('loadAppConfig', () => {
  it('returns the parsed configuration', async () => {
    await expect(loadAppConfig(respondWith(valid))).resolves.toEqual({ ...valid, inspector: false });
    const withInspector = { ...valid, inspector: true };
    await expect(loadAppConfig(respondWith(withInspector))).resolves.toEqual(withInspector);
  });

  it('fails fast naming the bad field', async () => {
    const bad = { ...valid, spa: { ...valid.spa, tokenEndpoint: 'not a url' } };
    await expect(loadAppConfig(respondWith(bad))).rejects.toThrow(/tokenEndpoint/);
  });

  it('refuses spa mode without the spa client settings', async () => {
    await expect(loadAppConfig(respondWith({ ...valid, spa: undefined }))).rejects.toThrow(/spa/);
    const bffOnly = { modes: ['bff'], provider: valid.provider };
    await expect(loadAppConfig(respondWith(bffOnly))).resolves.toEqual({ ...bffOnly, inspector: false });
  });

  it('reports an unreachable or failing server as a configuration error', async () => {
    await expect(loadAppConfig(respondWith({}, 500))).rejects.toBeInstanceOf(AppConfigError);
  });
});
