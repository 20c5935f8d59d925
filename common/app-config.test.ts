import { describe, expect, it } from 'vitest';
import { readAppConfig } from './app-config.ts';

const spa = {
  kind: 'sandbox',
  name: 'Pipedrive sandbox',
  issuer: 'http://127.0.0.1:5181',
  requireIss: false,
  authorizationEndpoint: 'http://127.0.0.1:5181/oauth/authorize',
  tokenEndpoint: 'http://127.0.0.1:5181/oauth/token',
  revocationEndpoint: 'http://127.0.0.1:5181/oauth/revoke',
  clientId: 'quicklead-spa-sandbox',
  apiOrigins: ['http://127.0.0.1:5182', 'https://*.pipedrive.com'],
};
const valid = { modes: ['bff', 'spa'], provider: { kind: 'sandbox', name: 'Pipedrive sandbox' }, spa };

const problemsOf = (value: unknown) => {
  const read = readAppConfig(value);
  return read.success ? [] : read.problems;
};

describe('readAppConfig', () => {
  it('reads a full configuration, with the inspector off unless it says otherwise', () => {
    expect(readAppConfig(valid)).toEqual({ success: true, data: { ...valid, inspector: false } });
    expect(readAppConfig({ ...valid, inspector: true })).toEqual({
      success: true,
      data: { ...valid, inspector: true },
    });
  });

  it('keeps only the fields it knows, at every level', () => {
    const read = readAppConfig({
      ...valid,
      clientSecret: 'never',
      provider: { ...valid.provider, extra: 1 },
      spa: { ...spa, secret: 'never' },
    });
    expect(read).toEqual({ success: true, data: { ...valid, inspector: false } });
  });

  it('names every problem by its path', () => {
    expect(
      problemsOf({
        modes: ['bff', 'cookie'],
        provider: { kind: 'github', name: '' },
        spa: { ...spa, tokenEndpoint: 'not a url', issuer: 'javascript:alert(1)', apiOrigins: ['', 3] },
        inspector: 'yes',
      }),
    ).toEqual([
      'modes[1]: must be one of bff, spa',
      'provider.kind: must be one of sandbox, pipedrive, custom',
      'provider.name: must not be empty',
      'spa.issuer: must be an http(s) URL',
      'spa.tokenEndpoint: must be an http(s) URL',
      'spa.apiOrigins[0]: must be a non-empty string',
      'spa.apiOrigins[1]: must be a non-empty string',
      'inspector: must be true or false',
    ]);
  });

  it('refuses no modes, no API origins, spa mode without its client, and anything not an object', () => {
    expect(problemsOf({ ...valid, modes: [] })).toEqual(['modes: must offer at least one mode']);
    expect(problemsOf({ ...valid, spa: { ...spa, apiOrigins: [] } })).toEqual([
      'spa.apiOrigins: must name at least one origin',
    ]);
    expect(problemsOf({ ...valid, spa: undefined })).toEqual(['spa: spa mode needs the spa client settings']);
    expect(problemsOf({ modes: ['bff'] })).toEqual(['provider: must be an object']);
    for (const notAnObject of [null, [], 'config', 42]) {
      expect(problemsOf(notAnObject)).toEqual(['the configuration must be an object']);
    }
  });

  it('reads a bff-only configuration without a spa client', () => {
    const bffOnly = { modes: ['bff'], provider: { kind: 'pipedrive', name: 'Pipedrive' } };
    expect(readAppConfig(bffOnly)).toEqual({ success: true, data: { ...bffOnly, inspector: false } });
  });
});
