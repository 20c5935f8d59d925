import type * as oauth from 'oauth4webapi';

/** The tokens of a sign-in as both session modes keep them. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  /** Epoch ms from which the access token is refreshed before it is used. */
  refreshAt: number;
  /** Origin for API calls, from the token response's `api_domain`, without a trailing slash. */
  apiDomain: string;
  /** Empty when the provider named none. */
  scopes: string[];
}

/** RFC 6749 leaves `expires_in` optional; Pipedrive's is about an hour. */
const DEFAULT_EXPIRES_IN_S = 3600;

/**
 * Refresh this long before expiry, so a call does not reach the API with a token about to lapse;
 * at most half the lifetime, so a short-lived token (a test setting) is not refreshed on every call.
 */
export const REFRESH_MARGIN_MS = 60_000;

/** When tokens received at `receivedAt` and expiring at `expiresAt` are due for a refresh. */
export function refreshAtFor(expiresAt: number, receivedAt: number): number {
  const lifetime = Math.max(0, expiresAt - receivedAt);
  return expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2);
}

/** `api_domain` as named by the token response, without a trailing slash; undefined when absent. */
export function apiDomainOf(tokens: oauth.TokenEndpointResponse): string | undefined {
  return typeof tokens.api_domain === 'string' ? tokens.api_domain.replace(/\/$/, '') : undefined;
}

/** Undefined when the response names no scope. Pipedrive separates scopes with commas, RFC 6749 with spaces. */
function scopesOf(tokens: oauth.TokenEndpointResponse): string[] | undefined {
  return tokens.scope === undefined ? undefined : tokens.scope.split(/[,\s]+/).filter(Boolean);
}

/**
 * A token response as a TokenSet. A refresh response may leave out what did not change: the
 * refresh token (no rotation, as at Pipedrive), `api_domain` and the scopes are then `earlier`'s.
 */
export function tokenSetOf(
  tokens: oauth.TokenEndpointResponse,
  apiDomain: string,
  now: number,
  earlier?: Pick<TokenSet, 'refreshToken' | 'scopes'>,
): TokenSet {
  const expiresAt = now + (tokens.expires_in ?? DEFAULT_EXPIRES_IN_S) * 1000;
  const refreshToken = tokens.refresh_token ?? earlier?.refreshToken;
  return {
    accessToken: tokens.access_token,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt,
    refreshAt: refreshAtFor(expiresAt, now),
    apiDomain,
    scopes: scopesOf(tokens) ?? earlier?.scopes ?? [],
  };
}
