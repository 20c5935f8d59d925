import * as oauth from 'oauth4webapi';
import { retryAfterSecondsOf } from '../retry-after.ts';

/**
 * What a failed token refresh means, the same in both session modes. Only a refused grant ends
 * the session; everything else leaves the refresh token as it was.
 */
export type RefreshFailure =
  /** The refresh token is no good (`invalid_grant`): sign in again. */
  | { kind: 'grant' }
  /** The token endpoint asked to wait (429): try again after `retryAfterSeconds`. */
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** 5xx, a network error, a body that is not OAuth JSON, any other refusal: try again later. */
  | { kind: 'transient' };

/**
 * Waits between tries of a refresh that failed `transient`ly, within one request: bounded, so a
 * Pipedrive that is down gets a clear "not answering" after about 7.5 s instead of a hung request.
 */
export const REFRESH_RETRY_DELAYS_MS: readonly number[] = [500, 2_000, 5_000];

/** A 429 without `Retry-After` waits this long. */
const DEFAULT_RETRY_AFTER_S = 30;

// Pipedrive's texts for a refresh token it no longer takes: "Invalid grant: refresh_token is invalid", "… has expired".
const INVALID_GRANT_TEXT = /^invalid grant\b/i;

function responseOf(error: unknown): Response | undefined {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError)
    return error.response;
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response) return error.cause;
  return undefined;
}

function saysInvalidGrant(error: oauth.ResponseBodyError): boolean {
  if (error.error === 'invalid_grant') return true;
  const texts = [error.error_description, error.cause.message, error.cause.error];
  return texts.some((text) => typeof text === 'string' && INVALID_GRANT_TEXT.test(text));
}

/** Classifies whatever a refresh with oauth4webapi threw (a `fetch` failure included). */
export function refreshFailureOf(error: unknown, now = Date.now()): RefreshFailure {
  const response = responseOf(error);
  const status = response?.status;
  if (status === 429) {
    const seconds = retryAfterSecondsOf(response?.headers.get('retry-after'), now);
    return { kind: 'rate-limited', retryAfterSeconds: seconds ?? DEFAULT_RETRY_AFTER_S };
  }
  if (
    error instanceof oauth.ResponseBodyError &&
    (status === 400 || status === 401) &&
    saysInvalidGrant(error)
  )
    return { kind: 'grant' };
  return { kind: 'transient' };
}

const REFRESH_MESSAGES: Record<RefreshFailure['kind'], string> = {
  grant: 'The refresh token was refused.',
  'rate-limited': 'The token endpoint asked to wait.',
  transient: 'The token endpoint could not be used.',
};

/** Why a refresh did not give a new access token: only `grant` means the session is over. */
export class RefreshError extends Error {
  override name = 'RefreshError';
  constructor(
    readonly failure: RefreshFailure,
    options?: ErrorOptions,
  ) {
    super(REFRESH_MESSAGES[failure.kind], options);
  }

  get kind(): RefreshFailure['kind'] {
    return this.failure.kind;
  }
}
