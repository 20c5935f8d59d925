import { ApiError } from './api-error.ts';

/** What the rep reads, in either session mode, when Pipedrive did not answer a token refresh. */
export const PROVIDER_UNAVAILABLE_MESSAGE =
  'Pipedrive is not answering. Your lead is kept; try again in a moment.';

/** What the rep reads in `bff` mode when the app server cannot reach its session store. */
export const SESSION_STORE_UNAVAILABLE_MESSAGE =
  'QuickLead’s server cannot reach its session store. Your lead is kept; try again in a moment.';

/** What the settings screen says when Pipedrive asked QuickLead to wait before a refresh. */
export const PROVIDER_BUSY_MESSAGE = 'Pipedrive is busy. Your lead is kept; try again in a moment.';

/**
 * The sign-in could not be renewed because Pipedrive is not answering (5xx, network), after the
 * refresh's own retries. The call itself was never sent, so a create that fails this way stored
 * nothing: it is deliberately neither an ApiError nor a TypeError, which the send-once logic would
 * take for a lost answer and go looking for.
 */
export class ProviderUnavailableError extends Error {
  override name = 'ProviderUnavailableError';

  /** `message`: another part of the path that did not answer (the app server's session store). */
  constructor(options?: ErrorOptions & { message?: string }) {
    super(options?.message ?? PROVIDER_UNAVAILABLE_MESSAGE, options);
  }
}

/**
 * Pipedrive answered the token refresh with 429. The call was never sent, so it is a 429 like any
 * other: reads wait `Retry-After` and retry, a create counts down and sends again by itself.
 */
export class ProviderBusyError extends ApiError {
  override name = 'ProviderBusyError';

  constructor(retryAfterSeconds: number) {
    super(429, PROVIDER_BUSY_MESSAGE, undefined, retryAfterSeconds);
  }
}
