import { createHash } from 'node:crypto';
import { SignInError } from '@common/oauth/sign-in-error.ts';
import { describe, expect, it } from 'vitest';
import { sandboxProvider, TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import type { Sandbox } from '../../sandbox/create-sandbox.ts';
import { approve } from '../../sandbox/testing/test-support.ts';
import { callbackUrlFor, completeSignIn, createAuthorizationRequest, revokeTokens } from './spa-sign-in.ts';

// The real sandbox, in-process: oauth4webapi's requests go to its Hono app instead of a port.
const { app: APP_ORIGIN, api: API_ORIGIN } = TEST_ORIGINS;

function setup(apiOrigins: string[] = [API_ORIGIN]) {
  const { sandbox, provider, sandboxFetch } = sandboxProvider(apiOrigins);
  return { sandbox, provider, options: { fetch: sandboxFetch } };
}

async function authorize(sandbox: Sandbox, url: URL, decision: 'allow' | 'cancel' = 'allow'): Promise<URL> {
  return approve(sandbox, Object.fromEntries(url.searchParams), decision);
}

describe('createAuthorizationRequest', () => {
  it('sends an S256 challenge of a fresh verifier, and a fresh state', async () => {
    const { provider } = setup();
    const first = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const second = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const params = first.url.searchParams;

    expect(params.get('client_id')).toBe(provider.clientId);
    expect(params.get('redirect_uri')).toBe(`${APP_ORIGIN}/callback`);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toBe(
      createHash('sha256').update(first.pending.codeVerifier).digest('base64url'),
    );
    expect(params.get('state')).toBe(first.pending.state);
    expect(first.pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(second.pending.codeVerifier).not.toBe(first.pending.codeVerifier);
    expect(second.pending.state).not.toBe(first.pending.state);
  });
});

describe('completeSignIn against the sandbox', () => {
  it('exchanges the code and keeps api_domain, scopes and expiry', async () => {
    const { sandbox, provider, options } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url);

    const session = await completeSignIn(provider, callback, pending, { ...options, now: () => 1_000 });
    expect(session.apiDomain).toBe(API_ORIGIN);
    expect(session.accessToken.length).toBeGreaterThan(20);
    expect(session.scopes).toContain('leads:full');
    expect(session.expiresAt).toBe(1_000 + 3599 * 1000);
  });

  it('reports a cancelled consent as denied', async () => {
    const { sandbox, provider, options } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url, 'cancel');

    const failure = await completeSignIn(provider, callback, pending, options).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).kind).toBe('denied');
  });

  it('refuses a callback whose state does not match', async () => {
    const { sandbox, provider, options } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url);

    const forged = { ...pending, state: 'someone-elses-state' };
    await expect(completeSignIn(provider, callback, forged, options)).rejects.toMatchObject({
      kind: 'state',
    });
  });

  it('refuses a callback with no sign-in in progress (a replay)', async () => {
    const { sandbox, provider, options } = setup();
    const { url } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url);

    await expect(completeSignIn(provider, callback, undefined, options)).rejects.toMatchObject({
      kind: 'state',
    });
  });

  it('passes on the provider text when the exchange fails (wrong verifier)', async () => {
    const { sandbox, provider, options } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url);

    const wrong = { ...pending, codeVerifier: 'x'.repeat(43) };
    const failure = (await completeSignIn(provider, callback, wrong, options).catch(
      (e: unknown) => e,
    )) as SignInError;
    expect(failure.kind).toBe('exchange');
    expect(failure.detail).toMatch(/code_verifier/);
  });

  it('stops when api_domain is not an allowed API origin, so the token goes nowhere else', async () => {
    const { sandbox, provider, options } = setup(['https://*.pipedrive.com']);
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await authorize(sandbox, url);

    await expect(completeSignIn(provider, callback, pending, options)).rejects.toMatchObject({
      kind: 'api-domain',
      detail: API_ORIGIN,
    });
  });
});

describe('revokeTokens (Disconnect)', () => {
  /** A signed-in session, and a fetch that notes each revocation before the sandbox answers it. */
  async function signedIn(revokeAnswer?: () => Response) {
    const { sandbox, provider, options } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const session = await completeSignIn(provider, await authorize(sandbox, url), pending, options);
    const revoked: string[] = [];
    const fetchImpl = ((input, init) => {
      if (String(input).endsWith('/oauth/revoke')) {
        revoked.push(new URLSearchParams(String(init?.body)).get('token_type_hint') ?? '');
        if (revokeAnswer) return Promise.resolve(revokeAnswer());
      }
      return options.fetch(input, init);
    }) as typeof fetch;
    const me = (token: string) =>
      sandbox.apiApp.request(`${API_ORIGIN}/api/v1/users/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
    return { sandbox, provider, session, revoked, fetchImpl, me };
  }

  it('revokes the refresh token, then the access token: neither works afterwards', async () => {
    const { sandbox, provider, session, revoked, fetchImpl, me } = await signedIn();
    expect((await me(session.accessToken)).status).toBe(200);

    await revokeTokens(provider, session, fetchImpl);

    expect(revoked).toEqual(['refresh_token', 'access_token']);
    expect((await me(session.accessToken)).status).toBe(401);
    expect(
      sandbox.store.auth.findRefreshToken(session.refreshToken ?? '', provider.clientId),
    ).toBeUndefined();
  });

  it('fails, and tries nothing more, when the refresh token cannot be revoked', async () => {
    const { provider, session, revoked, fetchImpl, me } = await signedIn(
      () => new Response('<html>502 Bad Gateway</html>', { status: 502 }),
    );
    await expect(revokeTokens(provider, session, fetchImpl)).rejects.toThrow();
    expect(revoked).toEqual(['refresh_token']);
    expect((await me(session.accessToken)).status).toBe(200);
  });
});
