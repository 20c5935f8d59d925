import type { ConfidentialClient } from './oauth-client.ts';
import type { Session } from './session-cookie.ts';

/**
 * How long a finished refresh is remembered. Requests that left the browser before the new cookie
 * arrived still carry the old tokens; with refresh-token rotation a second refresh would spend an
 * already-spent token and sign the user out, so they get the remembered result instead.
 */
const REUSE_MS = 60_000;

interface Flight {
  /** The access token this refresh replaces: only sessions still holding it may join. */
  replaces: string;
  promise: Promise<Session>;
  settledAt?: number;
}

/**
 * Single flight per session (keyed by `sid`): concurrent requests of one session wait for one
 * refresh at the provider. In memory per instance; the session itself stays in the cookie.
 */
export class SessionRefresher {
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly client: ConfidentialClient,
    private readonly now: () => number,
  ) {}

  /** `fetchImpl` (the inspector's recorder) is used only when this call starts the refresh. */
  refresh(session: Session, fetchImpl?: typeof fetch): Promise<Session> {
    this.prune();
    const current = this.flights.get(session.sid);
    if (current && current.replaces === session.accessToken) return current.promise;
    const flight: Flight = {
      replaces: session.accessToken,
      promise: this.client.refresh(session, fetchImpl),
    };
    this.flights.set(session.sid, flight);
    flight.promise.then(
      () => {
        flight.settledAt = this.now();
      },
      () => {
        // A failure is shared by those already waiting, but the next request may try again.
        if (this.flights.get(session.sid) === flight) this.flights.delete(session.sid);
      },
    );
    return flight.promise;
  }

  /** At sign-out: a remembered result must not outlive the session. */
  forget(sid: string): void {
    this.flights.delete(sid);
  }

  /** For tests and diagnostics: how many sessions have a refresh running or remembered. */
  get size(): number {
    return this.flights.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [sid, flight] of this.flights) {
      if (flight.settledAt !== undefined && now - flight.settledAt > REUSE_MS) this.flights.delete(sid);
    }
  }
}
