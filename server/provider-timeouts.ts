/**
 * How long the app server waits for the provider, in one place: every call it makes there (token
 * exchange, refresh, revocation, the sign-in's `users/me`, proxied API calls) is given up after
 * one of these, so a provider that never answers cannot hold a request, a sign-in or a sign-out.
 * A call given up on fails like a network error; each caller turns that into its usual answer for
 * "Pipedrive is not answering" (the `unavailable` sign-in error, `provider_unavailable`,
 * `upstream_unreachable`, `revocation_failed`).
 */
export interface ProviderTimeouts {
  /** The token and revocation endpoints and the sign-in's `users/me`: small answers, given at once. */
  authMs: number;
  /**
   * A proxied API call: a search or a create can take Pipedrive longer. (The browser gives up on a
   * create after 20 s and goes looking for it, so this bound is mostly for reads.)
   */
  apiMs: number;
}

export const DEFAULT_PROVIDER_TIMEOUTS: ProviderTimeouts = { authMs: 10_000, apiMs: 30_000 };

/** The abort signal for one call to the provider: it fires, and the call fails, after `ms`. */
export function providerDeadline(ms: number): AbortSignal {
  return AbortSignal.timeout(ms);
}

/** Whether a failed call got no answer at all: given up on (the deadline above) or a network failure. */
export function isNoAnswer(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
