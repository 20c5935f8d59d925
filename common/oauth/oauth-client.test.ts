import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  API,
  APP,
  type ClientRole,
  callsTo,
  clientAgainstSandbox,
  OAUTH,
  profileFor,
  withJsonBody,
} from '../testing/oauth-clients.ts';
import { OAuthClient } from './oauth-client.ts';
import { toSignInError } from './to-sign-in-error.ts';

const ROLES: readonly ClientRole[] = ['public', 'confidential'];

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** What a rejected promise was rejected with. */
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('it should have failed'),
    (error: unknown) => error,
  );

/** The callback URL with one more query parameter, as an attacker or a mixed-up provider sends it. */
function withParam(url: URL, name: string, value: string): URL {
  const copy = new URL(url);
  copy.searchParams.set(name, value);
  return copy;
}

/** A public client: its authorization requests are typed to always carry PKCE. */
const publicClient = () =>
  new OAuthClient({
    provider: profileFor(),
    clientId: 'quicklead-spa-sandbox',
    authentication: { kind: 'public' },
  });

describe('the authorization request', () => {
  it('of the public client always carries an S256 challenge of a fresh verifier, and a fresh state', async () => {
    const client = publicClient();
    const first = await client.authorizationRequest(`${APP}/callback`);
    const second = await client.authorizationRequest(`${APP}/callback`);
    expect(Object.fromEntries(first.url.searchParams)).toEqual({
      client_id: 'quicklead-spa-sandbox',
      redirect_uri: `${APP}/callback`,
      response_type: 'code',
      state: first.state,
      code_challenge: s256(first.pkce.codeVerifier),
      code_challenge_method: 'S256',
    });
    expect(first.url.origin + first.url.pathname).toBe(`${OAUTH}/oauth/authorize`);
    expect(first.pkce.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(second.pkce.codeVerifier).not.toBe(first.pkce.codeVerifier);
    expect(second.state).not.toBe(first.state);
  });

  it('of the confidential client carries a challenge only with PKCE on; off, there is no verifier to keep', async () => {
    const on = await clientAgainstSandbox({ role: 'confidential', pkce: true }).client.authorizationRequest(
      `${APP}/auth/callback`,
    );
    expect(on.url.searchParams.get('code_challenge')).toBe(s256(on.pkce?.codeVerifier ?? ''));
    expect(on.url.searchParams.get('code_challenge_method')).toBe('S256');

    const off = await clientAgainstSandbox({ role: 'confidential', pkce: false }).client.authorizationRequest(
      `${APP}/auth/callback`,
    );
    expect(off.pkce).toBeUndefined();
    expect([...off.url.searchParams.keys()]).toEqual(['client_id', 'redirect_uri', 'response_type', 'state']);
  });

  it('can be rebuilt exactly from what the client kept, once the page that sent it is gone', async () => {
    const client = publicClient();
    const { url, state, pkce } = await client.authorizationRequest(`${APP}/callback`);
    const rebuilt = client.authorizationUrl({
      redirectUri: `${APP}/callback`,
      state,
      codeChallenge: pkce.codeChallenge,
    });
    expect(rebuilt.href).toBe(url.href);
  });
});

describe.each(ROLES)('the code exchange of the %s client', (role) => {
  it('exchanges the code once for tokens, api_domain, scopes, expiry and the time to refresh', async () => {
    const { authorize, client, now } = clientAgainstSandbox({ role });
    const { callback, pending } = await authorize();
    const tokens = await client.exchangeCode(callback, pending);
    expect(tokens.apiDomain).toBe(API);
    expect(tokens.accessToken.length).toBeGreaterThan(20);
    expect(tokens.refreshToken?.length).toBeGreaterThan(20);
    expect(tokens.scopes).toContain('leads:full');
    expect(tokens.expiresAt).toBe(now() + 3599 * 1000);
    expect(tokens.refreshAt).toBe(tokens.expiresAt - 60_000);

    // The code is single-use: a second exchange is refused by the provider.
    expect(toSignInError(await failureOf(client.exchangeCode(callback, pending))).kind).toBe('exchange');
  });

  it('refuses a callback whose state is not the one it sent, before any token request', async () => {
    const { authorize, client, calls } = clientAgainstSandbox({ role });
    const { callback, pending } = await authorize();
    const error = await failureOf(
      client.exchangeCode(callback, { ...pending, state: 'someone-elses-state' }),
    );
    expect(toSignInError(error).kind).toBe('state');
    expect(callsTo(calls, '/oauth/token')).toEqual([]);
  });

  it('refuses a callback naming another issuer (mix-up), before any token request', async () => {
    const { authorize, client, calls } = clientAgainstSandbox({ role });
    const { callback, pending } = await authorize();
    const error = await failureOf(
      client.exchangeCode(withParam(callback, 'iss', 'https://evil.example'), pending),
    );
    expect(toSignInError(error).kind).toBe('state');
    expect(callsTo(calls, '/oauth/token')).toEqual([]);
  });

  it('requires iss in the callback exactly when the provider profile says so', async () => {
    const lenient = clientAgainstSandbox({ role, requireIss: false });
    const first = await lenient.authorize();
    await expect(lenient.client.exchangeCode(first.callback, first.pending)).resolves.toMatchObject({
      apiDomain: API,
    });

    const strict = clientAgainstSandbox({ role, requireIss: true });
    const second = await strict.authorize();
    expect(
      toSignInError(await failureOf(strict.client.exchangeCode(second.callback, second.pending))).kind,
    ).toBe('state');
    expect(callsTo(strict.calls, '/oauth/token')).toEqual([]);
    // The same callback with the provider's own iss goes through.
    await expect(
      strict.client.exchangeCode(withParam(second.callback, 'iss', OAUTH), second.pending),
    ).resolves.toMatchObject({ apiDomain: API });
  });

  it('reads a cancelled consent as denied', async () => {
    const { authorize, client } = clientAgainstSandbox({ role });
    const { callback, pending } = await authorize('cancel');
    expect(toSignInError(await failureOf(client.exchangeCode(callback, pending))).kind).toBe('denied');
  });

  it('stops when api_domain is not a trusted API origin, and hands the tokens back (refresh token first)', async () => {
    const { authorize, client, calls, accessTokenWorks } = clientAgainstSandbox({
      role,
      apiOrigins: ['https://*.pipedrive.com'],
    });
    const { callback, pending } = await authorize();
    const error = await failureOf(client.exchangeCode(callback, pending));
    expect(error).toMatchObject({ name: 'SignInError', kind: 'api-domain', detail: API });
    const revocations = callsTo(calls, '/oauth/revoke');
    expect(revocations.map((call) => call.body.get('token_type_hint'))).toEqual([
      'refresh_token',
      'access_token',
    ]);
    expect(await accessTokenWorks(revocations[1]?.body.get('token') ?? '')).toBe(false);
  });

  it('stops, and hands the tokens back, when the token response names no api_domain', async () => {
    const { authorize, client, calls } = clientAgainstSandbox({
      role,
      alterResponse: (call, response) =>
        call.body.get('grant_type') === 'authorization_code'
          ? withJsonBody(response, ({ api_domain: _, ...body }) => body)
          : response,
    });
    const { callback, pending } = await authorize();
    expect(await failureOf(client.exchangeCode(callback, pending))).toMatchObject({
      kind: 'api-domain',
      detail: undefined,
    });
    expect(callsTo(calls, '/oauth/revoke')).toHaveLength(2);
  });
});

/** The first token request's credentials: the Basic header's two halves (form-encoded, RFC 6749 §2.3.1) and the body. */
async function firstExchangeOf(role: ClientRole) {
  const { authorize, client, calls, sandbox } = clientAgainstSandbox({ role });
  const { callback, pending } = await authorize();
  await client.exchangeCode(callback, pending);
  const [exchange] = callsTo(calls, '/oauth/token');
  const [scheme, credentials = ''] = exchange?.headers.get('authorization')?.split(' ') ?? [];
  const basic = Buffer.from(credentials, 'base64').toString().split(':').map(decodeURIComponent);
  return { sandbox, pending, scheme, basic, body: exchange?.body };
}

describe('client authentication at the token endpoint', () => {
  it('the confidential client: HTTP Basic with its id and secret, never the secret in the body', async () => {
    const { sandbox, pending, scheme, basic, body } = await firstExchangeOf('confidential');
    expect(scheme).toBe('Basic');
    expect(basic).toEqual([sandbox.clients.confidential.clientId, sandbox.clients.confidential.clientSecret]);
    expect(body?.has('client_secret')).toBe(false);
    expect(body?.get('code_verifier')).toBe(pending.codeVerifier);
  });

  it('the public client: its id in the body and no Authorization header, with the verifier', async () => {
    const { sandbox, pending, scheme, body } = await firstExchangeOf('public');
    expect(scheme).toBeUndefined();
    expect(body?.get('client_id')).toBe(sandbox.clients.public.clientId);
    expect(body?.get('code_verifier')).toBe(pending.codeVerifier);
  });
});

describe('the confidential client with PKCE off', () => {
  it('sends no verifier, and the provider that tolerates its absence exchanges the code', async () => {
    const { authorize, client, calls } = clientAgainstSandbox({ role: 'confidential', pkce: false });
    const { callback, pending } = await authorize();
    await expect(client.exchangeCode(callback, pending)).resolves.toMatchObject({ apiDomain: API });
    expect(callsTo(calls, '/oauth/token')[0]?.body.has('code_verifier')).toBe(false);
  });
});
