import {
  BFF_PATHS,
  type BffInspectorTimeline,
  type BffSessionInfo,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
} from './bff-contract.ts';
import type { FlowStep } from './flow-model.ts';

/** `bff` mode: asks the app server whether this browser has a session. */
export async function fetchBffSession(fetchImpl: typeof fetch = fetch): Promise<BffSessionInfo> {
  const response = await fetchImpl(BFF_PATHS.session, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`The app server answered ${response.status} for the session.`);
  return (await response.json()) as BffSessionInfo;
}

/** Only our own paths may be returned to after sign-in. */
export function safeReturnPath(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

/** `bff` mode: sign-in is a navigation to the app server, which runs the OAuth flow. */
export function startBffSignIn(returnTo: string): void {
  const url = new URL(BFF_PATHS.login, window.location.origin);
  url.searchParams.set('returnTo', safeReturnPath(returnTo));
  window.location.assign(url.href);
}

/**
 * `bff` mode: the server revokes the tokens and clears the session cookie. With the inspector on
 * it answers with the session's final timeline (revocation included), which is returned.
 */
export async function bffSignOut(fetchImpl: typeof fetch = fetch): Promise<FlowStep[] | undefined> {
  const response = await fetchImpl(BFF_PATHS.logout, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, accept: 'application/json' },
    credentials: 'same-origin',
  });
  return timelineOf(response);
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
