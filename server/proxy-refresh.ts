import type { Context } from 'hono';
import { PROVIDER_BUSY, PROVIDER_UNAVAILABLE } from '../common/bff-contract.ts';
import { RefreshError, type RefreshFailure } from '../common/oauth/refresh-outcome.ts';
import type { Session } from './session-cookie.ts';
import type { RefreshOptions, SessionRefresher } from './session-refresher.ts';
import { SessionStoreUnavailableError } from './sessions/session-store.ts';

export type Refreshed = { ok: true; session: Session } | { ok: false; failure: RefreshFailure };

/** The refresher's answer as a value: the proxy decides per failure, it never throws. */
export async function refreshed(
  refresher: SessionRefresher,
  session: Session,
  options: RefreshOptions,
): Promise<Refreshed> {
  try {
    return { ok: true, session: await refresher.refresh(session, options) };
  } catch (error) {
    // The store being out of reach is not Pipedrive's doing: it gets its own answer (app-server.ts).
    if (error instanceof SessionStoreUnavailableError) throw error;
    return { ok: false, failure: error instanceof RefreshError ? error.failure : { kind: 'transient' } };
  }
}

/**
 * The answer when a call needed a new access token and Pipedrive would not give one for now (the
 * call was not sent). The session is kept, cookie and all: only a refused grant ends it, which is
 * the caller's to answer. 503 in both cases; the `error` code tells them apart (bff-contract.ts).
 */
export function providerFailure(c: Context, failure: Exclude<RefreshFailure, { kind: 'grant' }>): Response {
  if (failure.kind === 'rate-limited') {
    c.header('Retry-After', String(failure.retryAfterSeconds));
    return c.json(
      {
        success: false,
        error: PROVIDER_BUSY,
        error_info: 'Pipedrive is busy. Your lead is kept; try again in a moment.',
      },
      503,
    );
  }
  return c.json(
    {
      success: false,
      error: PROVIDER_UNAVAILABLE,
      error_info: 'Pipedrive is not answering. Your lead is kept; try again in a moment.',
    },
    503,
  );
}
