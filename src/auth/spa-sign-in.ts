import { tabRecorder } from '@common/inspector/recorder-slot.ts';
import { SignInError } from '@common/oauth/sign-in-error.ts';
import { toSignInError } from '@common/oauth/to-sign-in-error.ts';
import * as oauth from 'oauth4webapi';
import type { ProviderConfig } from '@/config/app-config.ts';
import { CALLBACK_PATH } from './callback-path.ts';
import { type PendingSignIn, savePendingSignIn, takePendingSignIn } from './pending-sign-in.ts';
import { publicClientFor } from './provider-profile.ts';
import type { Session } from './session.ts';

export { CALLBACK_PATH } from './callback-path.ts';

export function callbackUrlFor(origin: string): string {
  return `${origin}${CALLBACK_PATH}`;
}

/** Builds the authorization request (PKCE S256 + state) and what this tab keeps for the callback. */
export async function createAuthorizationRequest(
  provider: ProviderConfig,
  redirectUri: string,
): Promise<{ url: URL; pending: PendingSignIn }> {
  const { url, state, pkce } = await publicClientFor(provider).authorizationRequest(redirectUri);
  return { url, pending: { state, codeVerifier: pkce.codeVerifier, redirectUri, startedAt: Date.now() } };
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
  return publicClientFor(provider).authorizationUrl({
    redirectUri: pending.redirectUri,
    state: pending.state,
    codeChallenge,
  });
}

export async function startSignIn(provider: ProviderConfig): Promise<void> {
  const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(window.location.origin));
  savePendingSignIn(pending);
  window.location.assign(url.href);
}

/**
 * Validates the callback, exchanges the code once, and returns the in-memory session. A token
 * response naming an API origin this deployment does not trust is handed back and refused.
 */
export async function completeSignIn(
  provider: ProviderConfig,
  callbackUrl: URL,
  pending: PendingSignIn | undefined,
  options: { now?: () => number; fetch?: typeof fetch | undefined } = {},
): Promise<Session> {
  try {
    if (!pending) {
      if (callbackUrl.searchParams.get('error') === 'access_denied') throw new SignInError('denied');
      throw new SignInError('state');
    }
    return await publicClientFor(provider, options).exchangeCode(callbackUrl, pending);
  } catch (error) {
    throw toSignInError(error);
  }
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
      completeSignIn(provider, callbackUrl, pending, { fetch: tabRecorder()?.fetchThatRecords() }),
    );
    inFlight = { url: callbackUrl.href, promise };
  }
  return inFlight.promise;
}

/** Inspector on: steps 1–3 as they happened, rebuilt from what this tab kept across the redirect. */
async function recordSignIn(provider: ProviderConfig, callbackUrl: URL, pending: PendingSignIn | undefined) {
  const log = tabRecorder()?.log;
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
 * uninstalls the app for this user, then the access token. Throws when the provider did not
 * confirm the first, so the rep is told the app is still connected (and the tokens still work).
 */
export async function revokeTokens(
  provider: ProviderConfig,
  session: Session,
  fetchImpl: typeof fetch | undefined = tabRecorder()?.fetchThatRecords(),
): Promise<void> {
  const { grantEnded } = await publicClientFor(provider, { fetch: fetchImpl }).revoke(session);
  if (!grantEnded) throw new Error(`${provider.name} did not confirm the revocation.`);
}
