import type { Context } from 'hono';
import { PROVIDER_BUSY, PROVIDER_UNAVAILABLE, SIGN_IN_REQUIRED } from '../../common/bff-contract.ts';
import { RefreshError, type RefreshFailure } from '../../common/oauth/refresh-outcome.ts';
import type { Session } from '../sessions/session-cookie.ts';
import type { SessionRefresher } from '../sessions/session-refresher.ts';
import { SessionStoreUnavailableError } from '../sessions/session-store.ts';
import type { Sessions } from '../sessions/sessions.ts';

type Refreshed = { ok: true; session: Session } | { ok: false; failure: RefreshFailure };

/** The refresher's answer as a value: the proxy decides per failure, it never throws. */
async function refreshed(
  refresher: SessionRefresher,
  session: Session,
  options: { fetch: typeof fetch; mustRenew: boolean },
): Promise<Refreshed> {
  try {
    return { ok: true, session: await refresher.refresh(session, options) };
  } catch (error) {
    // The store being out of reach is not Pipedrive's doing: it gets its own answer (server/app-server.ts).
    if (error instanceof SessionStoreUnavailableError) throw error;
    return { ok: false, failure: error instanceof RefreshError ? error.failure : { kind: 'transient' } };
  }
}

/**
 * The answer the app understands as "this session is over": the form stays, the user signs in.
 * With a session (its grant was refused) it is ended in the store; without one only the cookie goes.
 */
export async function signInRequired(c: Context, sessions: Sessions, sid?: string): Promise<Response> {
  if (sid === undefined) sessions.forgetCookie(c);
  else await sessions.end(c, sid);
  return c.json({ success: false, error: SIGN_IN_REQUIRED, error_info: 'Sign in again to continue.' }, 401);
}

/**
 * The answer when a call needed a new access token and Pipedrive would not give one for now (the
 * call was not sent). The session is kept, cookie and all: only a refused grant ends it. 503 in
 * both cases; the `error` code tells them apart (bff-contract.ts).
 */
function providerFailure(c: Context, failure: Exclude<RefreshFailure, { kind: 'grant' }>): Response {
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

/** What a proxied call refreshes with. */
export interface CallRefreshDeps {
  sessions: Sessions;
  refresher: SessionRefresher;
  /** The inspector's recording fetch for the session, should this call start the refresh. */
  fetch: typeof fetch;
}

export type CallRenewal = { session: Session; renewed: boolean } | { answer: Response };

/**
 * A refresh on behalf of a proxied call: the session to send the call with (`renewed` when its
 * token is new), or the answer to give instead. A refused grant ends the session (401
 * sign_in_required). `tokenUsable` says whether the current token still serves the call (a
 * refresh ahead of expiry): then one try is enough, and should Pipedrive be busy or not answering
 * the call goes ahead with it; otherwise transient failures are retried, and what is left of them
 * is answered with a 503 that keeps the session.
 */
export async function renewForCall(
  c: Context,
  session: Session,
  deps: CallRefreshDeps,
  tokenUsable: (session: Session) => boolean,
): Promise<CallRenewal> {
  const result = await refreshed(deps.refresher, session, {
    fetch: deps.fetch,
    mustRenew: !tokenUsable(session),
  });
  if (result.ok) return { session: result.session, renewed: true };
  if (result.failure.kind === 'grant') return { answer: await signInRequired(c, deps.sessions, session.sid) };
  // Asked again: the try may have outlasted the token.
  if (tokenUsable(session)) return { session, renewed: false };
  return { answer: providerFailure(c, result.failure) };
}
