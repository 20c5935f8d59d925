import { describe, expect, it } from 'vitest';
import {
  API,
  type ClientRole,
  callsTo,
  clientAgainstSandbox,
  profileFor,
  withJsonBody,
} from '../testing/oauth-clients.ts';
import { OAuthClient } from './oauth-client.ts';
import { RefreshError } from './refresh-outcome.ts';

const ROLES: readonly ClientRole[] = ['public', 'confidential'];

/** What a rejected promise was rejected with. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('it should have failed'),
    (error: unknown) => error,
  );

describe.each(ROLES)('the %s client refreshes', (role) => {
  it('to a new access token, keeping the refresh token the provider did not rotate', async () => {
    const { signedIn, client, advance, now } = clientAgainstSandbox({ role });
    const tokens = await signedIn();
    advance(3_000_000);
    const renewed = await client.refresh(tokens);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    expect(renewed.refreshToken).toBe(tokens.refreshToken);
    expect(renewed.expiresAt).toBe(now() + 3599 * 1000);
    expect(renewed.apiDomain).toBe(API);
  });

  it('to the rotated refresh token when the provider rotates it', async () => {
    const { signedIn, client } = clientAgainstSandbox({ role, rotateRefreshTokens: true });
    const tokens = await signedIn();
    const renewed = await client.refresh(tokens);
    expect(renewed.refreshToken).toEqual(expect.any(String));
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
  });

  it('keeping the scopes and api_domain the refresh response leaves out', async () => {
    const { signedIn, client } = clientAgainstSandbox({
      role,
      alterResponse: (call, response) =>
        call.body.get('grant_type') === 'refresh_token'
          ? withJsonBody(response, ({ scope: _, api_domain: __, ...body }) => body)
          : response,
    });
    const tokens = await signedIn();
    const renewed = await client.refresh(tokens);
    expect(renewed.scopes).toEqual(tokens.scopes);
    expect(renewed.apiDomain).toBe(tokens.apiDomain);
  });

  it('and reads a refused grant as the end of the session, a 429 or an outage as not', async () => {
    const { signedIn, client, sandbox } = clientAgainstSandbox({ role });
    const tokens = await signedIn();
    const refreshFailure = async () => ((await failureOf(client.refresh(tokens))) as RefreshError).failure;

    sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'invalid_grant' });
    expect(await refreshFailure()).toEqual({ kind: 'grant' });
    sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'rate_limited', retryAfterSeconds: 7 });
    expect(await refreshFailure()).toEqual({ kind: 'rate-limited', retryAfterSeconds: 7 });
    sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'server_error', status: 503 });
    expect(await refreshFailure()).toEqual({ kind: 'transient' });
    sandbox.store.auth.failNextRefreshes(1, undefined, { kind: 'html_bad_gateway' });
    expect(await refreshFailure()).toEqual({ kind: 'transient' });
    // None of those cost the session its refresh token.
    await expect(client.refresh(tokens)).resolves.toMatchObject({ refreshToken: tokens.refreshToken });
  });

  it('never without a refresh token: that session is over, and nothing is sent', async () => {
    const { client, calls } = clientAgainstSandbox({ role });
    const error = await failureOf(client.refresh({ apiDomain: API, scopes: [] }));
    expect(error).toBeInstanceOf(RefreshError);
    expect((error as RefreshError).kind).toBe('grant');
    expect(calls).toEqual([]);
  });

  it('and ends the session when the answer names an untrusted api_domain, handing the new tokens back', async () => {
    const { signedIn, client, calls, accessTokenWorks } = clientAgainstSandbox({
      role,
      alterResponse: (call, response) =>
        call.body.get('grant_type') === 'refresh_token'
          ? withJsonBody(response, (body) => ({ ...body, api_domain: 'https://evil.example' }))
          : response,
    });
    const tokens = await signedIn();
    const error = await failureOf(client.refresh(tokens));
    expect((error as RefreshError).kind).toBe('grant');
    const revocations = callsTo(calls, '/oauth/revoke');
    expect(revocations.map((call) => call.body.get('token_type_hint'))).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(revocations[0]?.body.get('token')).toBe(tokens.refreshToken);
    expect(await accessTokenWorks(revocations[1]?.body.get('token') ?? '')).toBe(false);
  });
});

describe.each(ROLES)('the %s client revokes', (role) => {
  it('the refresh token, then the access token: the grant has ended and neither works', async () => {
    const { signedIn, client, calls, sandbox, clientId, accessTokenWorks } = clientAgainstSandbox({ role });
    const tokens = await signedIn();
    await expect(client.revoke(tokens)).resolves.toEqual({ grantEnded: true });
    const revocations = callsTo(calls, '/oauth/revoke');
    expect(revocations.map((call) => call.body.get('token_type_hint'))).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(await accessTokenWorks(tokens.accessToken)).toBe(false);
    expect(sandbox.store.auth.findRefreshToken(tokens.refreshToken ?? '', clientId)).toBeUndefined();
  });

  it('nothing more once the provider does not confirm the first: the tokens still work', async () => {
    const { signedIn, client, calls, accessTokenWorks } = clientAgainstSandbox({
      role,
      answerInstead: (call) =>
        call.url.endsWith('/oauth/revoke')
          ? new Response('<html>502 Bad Gateway</html>', { status: 502 })
          : undefined,
    });
    const tokens = await signedIn();
    await expect(client.revoke(tokens)).resolves.toEqual({ grantEnded: false });
    expect(callsTo(calls, '/oauth/revoke')).toHaveLength(1);
    expect(await accessTokenWorks(tokens.accessToken)).toBe(true);
  });
});

describe('a provider without a revocation endpoint', () => {
  it('is sent nothing, and the grant has not ended', async () => {
    let calls = 0;
    const client = new OAuthClient({
      provider: { ...profileFor(), revocationEndpoint: undefined },
      clientId: 'quicklead-spa-sandbox',
      authentication: { kind: 'public' },
      fetch: (async () => {
        calls += 1;
        return new Response(null, { status: 200 });
      }) as typeof fetch,
    });
    await expect(client.revoke({ accessToken: 'a', refreshToken: 'r' })).resolves.toEqual({
      grantEnded: false,
    });
    expect(calls).toBe(0);
  });
});

describe('a provider that never answers', () => {
  it('is given up on when the signal of the call fires, and the refresh reads as transient', async () => {
    const hung = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    const client = new OAuthClient({
      provider: profileFor(),
      clientId: 'quicklead-sandbox',
      authentication: { kind: 'confidential', clientSecret: 'sandbox-client-secret', pkce: true },
      fetch: hung,
      signal: () => AbortSignal.timeout(20),
    });
    const error = await failureOf(client.refresh({ refreshToken: 'r', apiDomain: API, scopes: [] }));
    expect((error as RefreshError).failure).toEqual({ kind: 'transient' });
    expect((error as RefreshError).cause).toMatchObject({ name: 'TimeoutError' });
  });
});
