import {
  BFF_PATHS,
  type BffSessionInfo,
  type BffSignInStart,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
} from '@common/bff-contract.ts';
import type { FlowStep } from '@common/inspector/model.ts';
import { timelineIn } from '@common/inspector/timeline.ts';
import { safeReturnTo } from '@common/return-to.ts';

/** `bff` mode: asks the app server whether this browser has a session. */
export async function fetchBffSession(fetchImpl: typeof fetch = fetch): Promise<BffSessionInfo> {
  const response = await fetchImpl(BFF_PATHS.session, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`The app server answered ${response.status} for the session.`);
  return (await response.json()) as BffSessionInfo;
}

/** Only our own paths may be returned to after sign-in: the same check the server makes. */
export function safeReturnPath(path: string, origin: string = window.location.origin): string {
  return safeReturnTo(path, origin);
}

/**
 * `bff` mode: the app server starts the OAuth flow (its state goes into this browser's sign-in
 * cookie) and says where to go; the page then leaves for the provider. A POST with the CSRF
 * header, so only this app's own page can start a sign-in (see server/auth/auth-routes.ts).
 */
export async function startBffSignIn(
  returnTo: string,
  fetchImpl: typeof fetch = fetch,
  go: (url: string) => void = (url) => window.location.assign(url),
  origin: string = window.location.origin,
): Promise<void> {
  const query = new URLSearchParams({ returnTo: safeReturnPath(returnTo, origin) });
  const response = await fetchImpl(`${BFF_PATHS.login}?${query}`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`The app server answered ${response.status} to the sign-in.`);
  const { authorizationUrl } = (await response.json()) as BffSignInStart;
  go(authorizationUrl);
}

/**
 * `bff` mode, Sign out: the server forgets the session and clears its cookie, revoking nothing, so
 * the app stays installed at Pipedrive. With the inspector on it answers with the session's final
 * timeline, which is returned. Throws when the server did not say it was done (an error answer, or
 * none at all): the session may still be alive there, so the rep must not be told it is over.
 */
export async function bffSignOut(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await endSession(BFF_PATHS.logout, fetchImpl);
  if (!response.ok) throw new Error(`The app server answered ${response.status} to the sign-out.`);
  return timelineIn(response);
}

/**
 * `bff` mode, Disconnect: the server revokes the tokens (at Pipedrive this uninstalls the app for
 * the user), then signs out. Throws when the server did not say it was done, so the rep is told.
 */
export async function bffDisconnect(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await endSession(BFF_PATHS.disconnect, fetchImpl);
  if (!response.ok) throw new Error(`The app server answered ${response.status} to the disconnect.`);
  return timelineIn(response);
}

function endSession(path: string, fetchImpl: typeof fetch): Promise<Response> {
  return fetchImpl(path, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
}
