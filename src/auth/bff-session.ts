import {
  BFF_PATHS,
  type BffInspectorTimeline,
  type BffSessionInfo,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
} from './bff-contract.ts';
import type { FlowStep } from './flow-model.ts';
import { safeReturnTo } from './return-to.ts';

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

/** `bff` mode: sign-in is a navigation to the app server, which runs the OAuth flow. */
export function startBffSignIn(returnTo: string): void {
  const url = new URL(BFF_PATHS.login, window.location.origin);
  url.searchParams.set('returnTo', safeReturnPath(returnTo));
  window.location.assign(url.href);
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
  return timelineOf(response);
}

/**
 * `bff` mode, Disconnect: the server revokes the tokens (at Pipedrive this uninstalls the app for
 * the user), then signs out. Throws when the server did not say it was done, so the rep is told.
 */
export async function bffDisconnect(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await endSession(BFF_PATHS.disconnect, fetchImpl);
  if (!response.ok) throw new Error(`The app server answered ${response.status} to the disconnect.`);
  return timelineOf(response);
}

function endSession(path: string, fetchImpl: typeof fetch): Promise<Response> {
  return fetchImpl(path, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
}

/** `bff` mode, inspector on: the server's record of this session. */
export async function fetchBffTimeline(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await fetchImpl(BFF_PATHS.inspector, {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
  return response.ok ? timelineOf(response) : undefined;
}

async function timelineOf(response: Response): Promise<FlowStep[] | undefined> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  const body = (await response.json().catch(() => undefined)) as Partial<BffInspectorTimeline> | undefined;
  return Array.isArray(body?.steps) ? body.steps : undefined;
}
