import { describe, expect, it } from 'vitest';
import { MASK, textOf } from './model.ts';
import {
  BROWSER_REDACTOR,
  markSecrets,
  type Redactor,
  secretsInAuthorization,
  secretsInJson,
  secretsInParams,
} from './redact.ts';

const TOKEN = 'tok/en+with=special.chars-0123456789';
const SERVER: Redactor = {
  disclosure: (kind) =>
    kind === 'code verifier' ? 'reveal' : kind === 'client credentials' ? 'hide' : 'hint',
  hint: (value) => `${value.length} characters`,
};

describe('markSecrets', () => {
  it('masks a secret wherever it appears, raw or percent-encoded, and reveals it only when allowed', () => {
    const body = `token=${encodeURIComponent(TOKEN)}&again=${TOKEN}`;
    const text = markSecrets(body, [{ kind: 'access token', value: TOKEN }], BROWSER_REDACTOR);
    expect(textOf(text, false)).toBe(`token=${MASK}&again=${MASK}`);
    expect(textOf(text, true)).toBe(`token=${TOKEN}&again=${TOKEN}`);
  });

  it('on the server keeps only a hint of tokens and nothing of client credentials', () => {
    const text = markSecrets(
      `a ${TOKEN} b SECRETSECRET`,
      [
        { kind: 'refresh token', value: TOKEN },
        { kind: 'client credentials', value: 'SECRETSECRET' },
      ],
      SERVER,
    );
    expect(text).toEqual([
      'a ',
      { secret: 'refresh token', hint: `${TOKEN.length} characters` },
      ' b ',
      { secret: 'client credentials' },
    ]);
    expect(JSON.stringify(text)).not.toContain(TOKEN);
    expect(textOf(text, true)).toBe(`a ${MASK} b ${MASK}`);
  });

  it('takes the longer of two overlapping secrets whole', () => {
    const text = markSecrets(
      'xx-abcdefgh12345678-xx',
      [
        { kind: 'code verifier', value: 'abcdefgh' },
        { kind: 'access token', value: 'abcdefgh12345678' },
      ],
      BROWSER_REDACTOR,
    );
    expect(text).toEqual(['xx-', { secret: 'access token', value: 'abcdefgh12345678' }, '-xx']);
  });

  it('leaves short revealable values alone (they would match ordinary text), but hides short hidden ones', () => {
    expect(markSecrets('status 42', [{ kind: 'authorization code', value: '42' }], BROWSER_REDACTOR)).toEqual(
      ['status 42'],
    );
    expect(textOf(markSecrets('id:pw', [{ kind: 'client credentials', value: 'pw' }], SERVER), true)).toBe(
      `id:${MASK}`,
    );
  });
});

describe('finding secrets', () => {
  it('in forms and query strings, by parameter name', () => {
    const found = secretsInParams(
      new URLSearchParams('code=c0de&code_verifier=v&grant_type=authorization_code&client_secret=s'),
    );
    expect(found.map((secret) => secret.kind)).toEqual([
      'authorization code',
      'code verifier',
      'client secret',
    ]);
    expect(secretsInParams(new URLSearchParams('token=t&token_type_hint=refresh_token'))).toEqual([
      { kind: 'refresh token', value: 't' },
    ]);
  });

  it('in token responses and Authorization headers', () => {
    expect(secretsInJson('{"access_token":"a","refresh_token":"r","expires_in":3599}')).toEqual([
      { kind: 'access token', value: 'a' },
      { kind: 'refresh token', value: 'r' },
    ]);
    expect(secretsInJson('not json')).toEqual([]);
    expect(secretsInAuthorization('Bearer abc')).toEqual([{ kind: 'access token', value: 'abc' }]);
    expect(secretsInAuthorization('Basic Zm9vOmJhcg==')).toEqual([
      { kind: 'client credentials', value: 'Zm9vOmJhcg==' },
    ]);
  });
});
