import {
  REFRESH_RETRY_DELAYS_MS,
  RefreshError,
  type RefreshFailure,
} from '../../common/oauth/refresh-outcome.ts';
import type { ConfidentialClient } from '../oauth-client.ts';
import type { Session } from './session-cookie.ts';
import type { SessionStore } from './session-store.ts';

/**
 * How long a finished refresh is remembered. Requests that left the browser before the new cookie
 * arrived still carry the old tokens; with refresh-token rotation a second refresh would spend an
 * already-spent token and sign the user out, so they get the remembered result instead.
 */
const REUSE_MS = 60_000;

/** Waits between tries of a refresh that failed transiently; injectable so tests do not sleep. */
export interface RefreshRetry {
  delaysMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_REFRESH_RETRY: RefreshRetry = {
  delaysMs: REFRESH_RETRY_DELAYS_MS,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RefreshOptions {
  /** The inspector's recording fetch; used only when this call starts the refresh. */
  fetch?: typeof fetch;
  /**
   * The current access token is no use (expired, or refused upstream): a transient failure is
   * retried after each of the delays. Otherwise one try is enough, the caller goes on with the
   * token it has.
   */
  mustRenew?: boolean;
}

interface Flight {
  /** The access token this refresh replaces: only sessions still holding it may join. */
  replaces: string;
  /** Whether this flight retries transient failures. */
  retries: boolean;
  promise: Promise<Session>;
  settledAt?: number;
}

function asRefreshError(error: unknown): RefreshError {
  return error instanceof RefreshError ? error : new RefreshError({ kind: 'transient' }, { cause: error });
}

/**
 * The store's refresh lock outlives any one refresh (three tries, each time-bound, and the waits
 * between them); if its holder dies, the lock frees itself after this long.
 */
const LOCK_TTL_MS = 45_000;
/** How often an instance waiting on another's refresh looks for the renewed tokens. */
const LOCK_POLL_MS = 50;

/**
 * Single flight per session (keyed by `sid`): concurrent requests of one session wait for one
 * refresh at the provider, retries included. In this process the requests share one promise;
 * across instances the store's lock lets one refresh while the others wait and read the tokens it
 * stored, never refreshing again (with rotation, a second refresh would spend a spent token). After
 * a 429 the session waits out `Retry-After` without asking again.
 */
export class SessionRefresher {
  private readonly flights = new Map<string, Flight>();
  /** Sessions whose refresh got a 429, until when: asking again sooner would only prolong it. */
  private readonly busyUntil = new Map<string, number>();

  constructor(
    private readonly client: ConfidentialClient,
    private readonly store: SessionStore,
    private readonly now: () => number,
    private readonly retry: RefreshRetry = DEFAULT_REFRESH_RETRY,
  ) {}

  /** Rejects with a RefreshError: `grant` (session over), `rate-limited` or `transient`. */
  refresh(session: Session, options: RefreshOptions = {}): Promise<Session> {
    this.prune();
    const now = this.now();
    const busyUntil = this.busyUntil.get(session.sid);
    if (busyUntil !== undefined && now < busyUntil) {
      const retryAfterSeconds = Math.ceil((busyUntil - now) / 1000);
      return Promise.reject(new RefreshError({ kind: 'rate-limited', retryAfterSeconds }));
    }
    const mustRenew = options.mustRenew ?? false;
    const current = this.flights.get(session.sid);
    if (current && current.replaces === session.accessToken) {
      if (current.retries || !mustRenew) return current.promise;
      // A single try is under way for a token that was still usable; this caller needs the whole
      // sequence, so after a transient failure it starts (or joins) one that retries.
      return current.promise.catch((error: unknown) => {
        if (asRefreshError(error).kind !== 'transient') throw error;
        return this.refresh(session, options);
      });
    }
    const flight: Flight = {
      replaces: session.accessToken,
      retries: mustRenew,
      promise: this.renewShared(session, options.fetch, mustRenew ? this.retry.delaysMs : []),
    };
    this.flights.set(session.sid, flight);
    flight.promise.then(
      () => {
        flight.settledAt = this.now();
        this.busyUntil.delete(session.sid);
      },
      (error: unknown) => {
        // A failure is shared by those already waiting, but the next request may try again.
        if (this.flights.get(session.sid) === flight) this.flights.delete(session.sid);
        const { failure } = asRefreshError(error);
        if (failure.kind === 'rate-limited') {
          this.busyUntil.set(session.sid, this.now() + failure.retryAfterSeconds * 1000);
        }
      },
    );
    return flight.promise;
  }

  /** At sign-out: a remembered result must not outlive the session. */
  forget(sid: string): void {
    this.flights.delete(sid);
    this.busyUntil.delete(sid);
  }

  /** For tests and diagnostics: how many sessions have a refresh running or remembered. */
  get size(): number {
    return this.flights.size;
  }

  /**
   * Under the store's lock: whoever holds it refreshes and stores the result; the others wait for
   * the stored tokens to change. A session gone from the store (signed out meanwhile) is over.
   */
  private async renewShared(
    session: Session,
    fetchImpl: typeof fetch | undefined,
    delaysMs: readonly number[],
  ): Promise<Session> {
    for (let waited = 0; waited <= LOCK_TTL_MS; waited += LOCK_POLL_MS) {
      const stored = await this.store.read(session.sid);
      if (!stored) throw new RefreshError({ kind: 'grant' });
      if (stored.accessToken !== session.accessToken) return stored;
      const release = await this.store.lockRefresh(session.sid, LOCK_TTL_MS);
      if (release) {
        try {
          // Someone may have finished between the read above and taking the lock.
          const latest = await this.store.read(session.sid);
          if (!latest) throw new RefreshError({ kind: 'grant' });
          if (latest.accessToken !== session.accessToken) return latest;
          const renewed = await this.attempts(latest, fetchImpl, delaysMs);
          if (!(await this.store.update(renewed))) throw new RefreshError({ kind: 'grant' });
          return renewed;
        } finally {
          await release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
    // The holder neither finished nor let go in the lock's whole lifetime: treat as not answering.
    throw new RefreshError({ kind: 'transient' });
  }

  /**
   * One try, then one more after each delay while the failure is transient, or a 429 asking for a
   * short wait (then at least that long). A refused grant, or a longer wait, ends it at once.
   */
  private async attempts(
    session: Session,
    fetchImpl: typeof fetch | undefined,
    delaysMs: readonly number[],
  ): Promise<Session> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.client.refresh(session, fetchImpl);
      } catch (error) {
        const refreshError = asRefreshError(error);
        const delay = delaysMs[attempt];
        const wait = delay === undefined ? undefined : waitBeforeRetry(refreshError.failure, delay);
        if (wait === undefined) throw refreshError;
        await this.retry.sleep(wait);
      }
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [sid, flight] of this.flights) {
      if (flight.settledAt !== undefined && now - flight.settledAt > REUSE_MS) this.flights.delete(sid);
    }
    for (const [sid, until] of this.busyUntil) if (until <= now) this.busyUntil.delete(sid);
  }
}

/**
 * A 429 asking for at most this long is waited out within the request; a longer one is answered
 * at once (503 provider_busy with its Retry-After), since holding the request that long helps no one.
 */
const SHORT_RETRY_AFTER_S = 2;

/** How long to wait before the next try, or undefined for "no further try". */
function waitBeforeRetry(failure: RefreshFailure, delayMs: number): number | undefined {
  if (failure.kind === 'transient') return delayMs;
  if (failure.kind === 'rate-limited' && failure.retryAfterSeconds <= SHORT_RETRY_AFTER_S) {
    return Math.max(delayMs, failure.retryAfterSeconds * 1000);
  }
  return undefined;
}
