import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../create-sandbox.ts';
import {
  approve,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  createClock,
  createTestSandbox,
  exchangeConfidentialCode,
  exchangePublicCode,
  PUBLIC_REDIRECT,
  pkcePair,
  publicClientCode,
  redirectQuery,
} from '../testing/test-support.ts';
import type { PkceMode } from './pkce.ts';

const withMode = (pkce: PkceMode) => createTestSandbox(createClock(), undefined, { pkce });

function confidentialParams(sandbox: Sandbox, extra: Record<string, string> = {}) {
  return {
    client_id: sandbox.clients.confidential.clientId,
    redirect_uri: CONFIDENTIAL_REDIRECT,
    state: 's',
    ...extra,
  };
}

/** Through the sign-in and consent pages: the code the app gets back. */
async function codeFor(sandbox: Sandbox, extra: Record<string, string> = {}): Promise<string> {
  const redirect = await approve(sandbox, confidentialParams(sandbox, extra));
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect}`);
  return code;
}

/** The authorize request's own answer, before any sign-in. */
const authorize = (sandbox: Sandbox, extra: Record<string, string> = {}) =>
  sandbox.oauthApp.request(authorizeUrl(confidentialParams(sandbox, extra)));

async function tokenError(response: Response) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: string; error_description: string };
  return { error: body.error, error_description: body.error_description };
}

describe('SANDBOX_PKCE=accept (default): PKCE is tolerated and ignored by the confidential client', () => {
  it('takes an authorization with or without a challenge, and any verifier or none', async () => {
    const sandbox = createTestSandbox();
    const { challenge } = pkcePair();
    const withChallenge = { code_challenge: challenge, code_challenge_method: 'S256' };
    expect((await exchangeConfidentialCode(sandbox, await codeFor(sandbox, withChallenge))).status).toBe(200);
    const wrongVerifier = { code_verifier: 'x'.repeat(43) };
    const code = await codeFor(sandbox, withChallenge);
    expect((await exchangeConfidentialCode(sandbox, code, wrongVerifier)).status).toBe(200);
    expect((await exchangeConfidentialCode(sandbox, await codeFor(sandbox))).status).toBe(200);
  });
});

describe('SANDBOX_PKCE=require: the confidential client must use S256 and the verifier is checked', () => {
  it('redirects an authorization without a challenge, or with plain, back with invalid_request', async () => {
    const sandbox = withMode('require');
    expect(redirectQuery(await authorize(sandbox))).toEqual({
      error: 'invalid_request',
      error_description: 'code_challenge is required',
      state: 's',
    });
    const plain = await authorize(sandbox, {
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'plain',
    });
    expect(redirectQuery(plain).error_description).toBe('code_challenge_method must be S256');
  });

  it('gives tokens for the right verifier only', async () => {
    const sandbox = withMode('require');
    const { verifier, challenge } = pkcePair();
    const withChallenge = { code_challenge: challenge, code_challenge_method: 'S256' };
    const missing = await exchangeConfidentialCode(sandbox, await codeFor(sandbox, withChallenge));
    expect(await tokenError(missing)).toEqual({
      error: 'invalid_request',
      error_description: 'Missing parameter: code_verifier',
    });
    const wrong = await exchangeConfidentialCode(sandbox, await codeFor(sandbox, withChallenge), {
      code_verifier: pkcePair().verifier,
    });
    expect((await tokenError(wrong)).error).toBe('invalid_grant');
    const right = await exchangeConfidentialCode(sandbox, await codeFor(sandbox, withChallenge), {
      code_verifier: verifier,
    });
    expect(right.status).toBe(200);
  });
});

describe('SANDBOX_PKCE=reject: a server that takes no PKCE parameters', () => {
  it('redirects an authorization carrying code_challenge or code_challenge_method back with invalid_request', async () => {
    const sandbox = withMode('reject');
    const expected = {
      error: 'invalid_request',
      error_description: 'PKCE is not supported: send no code_challenge or code_challenge_method',
      state: 's',
    };
    const { challenge } = pkcePair();
    const both = await authorize(sandbox, { code_challenge: challenge, code_challenge_method: 'S256' });
    expect(redirectQuery(both)).toEqual(expected);
    expect(redirectQuery(await authorize(sandbox, { code_challenge: challenge }))).toEqual(expected);
    expect(redirectQuery(await authorize(sandbox, { code_challenge_method: 'S256' }))).toEqual(expected);
  });

  it('signs in without PKCE, and refuses a code_verifier that nothing could check', async () => {
    const sandbox = withMode('reject');
    expect((await authorize(sandbox)).status).toBe(200);
    expect((await exchangeConfidentialCode(sandbox, await codeFor(sandbox))).status).toBe(200);
    const withVerifier = await exchangeConfidentialCode(sandbox, await codeFor(sandbox), {
      code_verifier: pkcePair().verifier,
    });
    expect(await tokenError(withVerifier)).toEqual({
      error: 'invalid_request',
      error_description: 'Invalid request: code_verifier is not supported',
    });
  });
});

describe('the public client', () => {
  it('requires PKCE in every mode, and checks the verifier', async () => {
    for (const mode of ['accept', 'require', 'reject'] as const) {
      const sandbox = withMode(mode);
      const missing = await sandbox.oauthApp.request(
        authorizeUrl({ client_id: sandbox.clients.public.clientId, redirect_uri: PUBLIC_REDIRECT }),
      );
      expect(redirectQuery(missing).error_description).toBe('code_challenge is required');
      const wrong = await publicClientCode(sandbox);
      expect((await exchangePublicCode(sandbox, wrong.code, pkcePair().verifier)).status).toBe(400);
      const right = await publicClientCode(sandbox);
      expect((await exchangePublicCode(sandbox, right.code, right.verifier)).status).toBe(200);
    }
  });
});
