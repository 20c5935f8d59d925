import { isAllowedOrigin } from '@common/oauth/allowed-origin.ts';
import { SignInError, toSignInError } from '@common/oauth/sign-in-error.ts';
import * as oauth from 'oauth4webapi';
import type { ProviderConfig } from '@/config/app-config.ts';
import { flowRecorder } from './flow-recorder-slot.ts';
import { type PendingSignIn, savePendingSignIn, takePendingSignIn } from './pending-sign-in.ts';
import { authorizationServerFor, httpOptionsFor } from './provider-profile.ts';
import type { Session } from './session.ts';

export const CALLBACK_PATH = '/callback';

export function callbackUrlFor(origin: string): string {
  return `${origin}${CALLBACK_PATH}`;
}

/** Builds the authorization request (PKCE S256 + state) and remembers what the callback must check. */
export async function createAuthorizationRequest(
  provider: ProviderConfig,
  redirectUri: string,
): Promise<{ url: URL; pending: PendingSignIn }> {
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    redirectUri,
    startedAt: Date.now(),
  };
  const url = authorizationUrlFor(
    provider,
    pending,
    await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
  );
  return { url, pending };
}

/**
 * The authorization URL follows from the pending sign-in alone, so the inspector can show exactly
 * what was sent even though the page that sent it is gone.
 */
export function authorizationUrlFor(
  provider: ProviderConfig,
  pending: PendingSignIn,
  codeChallenge: string,
): URL {
  const url = new URL(provider.authorizationEndpoint);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', pending.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url;
}

export async function startSignIn(provider: ProviderConfig): Promise<void> {
  const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(window.location.origin));
  savePendingSignIn(pending);
  window.location.assign(url.href);
}

/** Validates the callback, exchanges the code once, and returns the in-memory session. */
export async function completeSignIn(
  provider: ProviderConfig,
  callbackUrl: URL,
  pending: PendingSignIn | undefined,
  options: { now?: () => number; fetch?: typeof fetch } = {},
): Promise<Session> {
  try {
    if (!pending) {
      if (callbackUrl.searchParams.get('error') === 'access_denied') throw new SignInError('denied');
      throw new SignInError('state');
    }
    const as = authorizationServerFor(provider);
    const client: oauth.Client = { client_id: provider.clientId };
    const params = oauth.validateAuthResponse(as, client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      { ...httpOptionsFor(provider), ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}) },
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    return sessionFromTokens(provider, tokens, (options.now ?? Date.now)());
  } catch (error) {
    throw toSignInError(error);
  }
}

export function sessionFromTokens(
  provider: ProviderConfig,
  tokens: oauth.TokenEndpointResponse,
  issuedAt: number,
): Session {
  const apiDomain = typeof tokens.api_domain === 'string' ? tokens.api_domain.replace(/\/$/, '') : '';
  if (!isAllowedOrigin(apiDomain, provider.apiOrigins)) throw new SignInError('api-domain', apiDomain);
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: issuedAt + (tokens.expires_in ?? 3600) * 1000,
    scopes: (tokens.scope ?? '').split(/[,\s]+/).filter(Boolean),
    apiDomain,
  };
}

let inFlight: { url: string; promise: Promise<Session> } | undefined;

/**
 * The authorization code is single-use; React StrictMode runs effects twice, so both runs share
 * one exchange for the same callback URL.
 */
export function completeSignInOnce(provider: ProviderConfig, callbackUrl: URL): Promise<Session> {
  if (inFlight?.url !== callbackUrl.href) {
    const pending = takePendingSignIn();
    const promise = recordSignIn(provider, callbackUrl, pending).then(() =>
      completeSignIn(provider, callbackUrl, pending, { fetch: flowRecorder()?.recordedFetch() }),
    );
    inFlight = { url: callbackUrl.href, promise };
  }
  return inFlight.promise;
}

/** Inspector on: steps 1–3 as they happened, rebuilt from what this tab kept across the redirect. */
async function recordSignIn(provider: ProviderConfig, callbackUrl: URL, pending: PendingSignIn | undefined) {
  const log = flowRecorder()?.log;
  if (!log?.enabled || !pending) return;
  const codeChallenge = await oauth.calculatePKCECodeChallenge(pending.codeVerifier);
  log.add({
    type: 'sign-in',
    startedAt: pending.startedAt,
    codeVerifier: pending.codeVerifier,
    codeChallenge,
    authorizationUrl: authorizationUrlFor(provider, pending, codeChallenge).href,
    callbackUrl: callbackUrl.href,
    sentState: pending.state,
    receivedAt: Date.now(),
    cleanedTo: `${window.location.pathname}${window.location.search}`,
  });
}

/**
 * Disconnect (RFC 7009): revokes the refresh token, which at Pipedrive ends the whole grant and
 * uninstalls the app for this user, then the access token. Throws when the first revocation fails,
 * so the rep is told the app is still connected; the second is best effort, the grant being gone.
 */
export async function revokeTokens(
  provider: ProviderConfig,
  session: Session,
  fetchImpl: typeof fetch | undefined = flowRecorder()?.recordedFetch(),
): Promise<void> {
  const pairs: Array<[string | undefined, string]> = [
    [session.refreshToken, 'refresh_token'],
    [session.accessToken, 'access_token'],
  ];
  const [first, ...rest] = pairs.filter((pair): pair is [string, string] => pair[0] !== undefined);
  if (first) await revokeToken(provider, first, fetchImpl);
  for (const pair of rest) await revokeToken(provider, pair, fetchImpl).catch(() => undefined);
}

async function revokeToken(
  provider: ProviderConfig,
  [token, hint]: [string, string],
  fetchImpl: typeof fetch | undefined,
): Promise<void> {
  if (!provider.revocationEndpoint) throw new Error(`${provider.name} offers no way to revoke a token.`);
  const as = authorizationServerFor(provider);
  const client: oauth.Client = { client_id: provider.clientId };
  const response = await oauth.revocationRequest(as, client, oauth.None(), token, {
    ...httpOptionsFor(provider),
    additionalParameters: { token_type_hint: hint },
    ...(fetchImpl ? { [oauth.customFetch]: fetchImpl } : {}),
  });
  await oauth.processRevocationResponse(response);
}
