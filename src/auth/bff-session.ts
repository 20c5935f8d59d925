import { BFF_PATHS, type BffSessionInfo, CSRF_HEADER, CSRF_HEADER_VALUE } from './bff-contract.ts';

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

/** `bff` mode: the server revokes the tokens and clears the session cookie. */
export async function bffSignOut(fetchImpl: typeof fetch = fetch): Promise<void> {
  await fetchImpl(BFF_PATHS.logout, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    credentials: 'same-origin',
  });
}
