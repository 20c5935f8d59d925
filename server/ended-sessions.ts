import { SESSION_ABSOLUTE_TIMEOUT_MS } from './session-cookie.ts';

/** Sign-outs an instance remembers at once; past it the oldest go (each is a few dozen bytes). */
const MAX_ENDED = 50_000;

/**
 * Session ids signed out or disconnected on this instance. A sealed cookie cannot be deleted from
 * every place it went: a call that was on its way when the rep signed out answers with the session
 * cookie re-sealed, after the sign-out cleared it, and would bring the session back. Remembering the
 * id refuses that cookie (and any copy of it) from then on. In memory, per instance, for as long as
 * such a session could otherwise live.
 */
export class EndedSessions {
  /** Id → when it ended, in that order. */
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = MAX_ENDED,
  ) {}

  end(sid: string): void {
    this.prune();
    this.ended.delete(sid);
    this.ended.set(sid, this.now());
    while (this.ended.size > this.maxEntries) {
      const oldest = this.ended.keys().next().value;
      if (oldest === undefined) break;
      this.ended.delete(oldest);
    }
  }

  has(sid: string): boolean {
    return this.ended.has(sid);
  }

  private prune(): void {
    const cutoff = this.now() - SESSION_ABSOLUTE_TIMEOUT_MS;
    for (const [sid, at] of this.ended) {
      if (at > cutoff) break;
      this.ended.delete(sid);
    }
  }
}
