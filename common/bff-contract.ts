/**
 * What the browser and the app server agree on in `bff` mode.
 */

/**
 * Every proxied API call, the start of a sign-in and the sign-out carry this header: a cross-site
 * form or image cannot.
 */
export const CSRF_HEADER = 'x-quicklead-csrf';
export const CSRF_HEADER_VALUE = '1';

/** The app server's routes. */
export const BFF_PATHS = {
  login: '/auth/login',
  callback: '/auth/callback',
  session: '/auth/session',
  /** Ends QuickLead's session only: the app stays installed, so the next sign-in needs no consent. */
  logout: '/auth/logout',
  /** Revokes the tokens, which at Pipedrive uninstalls the app for this user (then signs out). */
  disconnect: '/auth/disconnect',
  /** The OAuth flow inspector's timeline of this session (404 when the inspector is off). */
  inspector: '/auth/inspector',
  /** `/api/pipedrive/api/v1/leads` is forwarded to `{api_domain}/api/v1/leads`. */
  apiPrefix: '/api/pipedrive',
} as const;

/** The `error` of a 401 that means "this session is over: sign in again". */
export const SIGN_IN_REQUIRED = 'sign_in_required';

/**
 * The `error` of a 503 from the API proxy: the session's access token had to be renewed and the
 * token endpoint did not answer (5xx, a network failure, a body that is not OAuth JSON), even after
 * the retries. The call was not sent and the session is kept: trying again later is right.
 */
export const PROVIDER_UNAVAILABLE = 'provider_unavailable';

/**
 * The `error` of a 503 from any session route when the app server cannot reach its session store
 * (Redis down). Nothing was sent to Pipedrive and the session is not over: the browser keeps it.
 */
export const SESSION_STORE_UNAVAILABLE = 'session_store_unavailable';

/**
 * The `error` of a 503 from the API proxy with a `Retry-After` header (seconds): the token endpoint
 * answered 429. The call was not sent and the session is kept: try again after that long.
 */
export const PROVIDER_BUSY = 'provider_busy';

/** The query parameter the callback uses to tell the app why a sign-in failed. */
export const SIGN_IN_ERROR_PARAM = 'signin_error';

/**
 * `POST /auth/login?returnTo=…` (with the CSRF header): the sign-in has started, its state is in
 * this browser's sign-in cookie, and the browser goes on to the provider at this URL.
 */
export interface BffSignInStart {
  authorizationUrl: string;
}

/** `GET /auth/session`: who is signed in, never a token. */
export interface BffSessionInfo {
  signedIn: boolean;
  /** Origin API calls go to (the token response's `api_domain`); for links, not for calls. */
  apiDomain?: string;
  /** Who is signed in. */
  user?: { id: number; name: string; companyName?: string };
  /** The Pipedrive company subdomain (`acme` of `https://acme.pipedrive.com`), when there is one. */
  companyDomain?: string;
  /** Epoch milliseconds when the access token expires (the server refreshes it). */
  expiresAt?: number;
  scopes?: string[];
}

/** `acme` for `https://acme.pipedrive.com`; undefined for any other API origin (the sandbox's). */
export function companyDomainOf(apiDomain: string): string | undefined {
  const match = /^https:\/\/([a-z0-9-]+)\.pipedrive\.com$/i.exec(apiDomain);
  return match?.[1];
}
