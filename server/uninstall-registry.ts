import { SESSION_ABSOLUTE_TIMEOUT_MS, type Session } from './session-cookie.ts';

/** Who uninstalled QuickLead at Pipedrive, and when this server heard of it. */
export interface Uninstall {
  userId: number;
  companyId: number;
  /** Epoch ms the notice arrived (this server's clock, the one sessions' `startedAt` uses). */
  at: number;
}

/**
 * Far more uninstalls than one deployment sees in the 30 days an entry matters; the oldest go first
 * past it, and each is some 100 bytes, so memory stays small whatever Pipedrive sends.
 */
const MAX_UNINSTALLS = 10_000;

const keyOf = (userId: number, companyId: number) => `${companyId}:${userId}`;

/**
 * Sessions are sealed cookies with no server-side store, so an uninstall cannot delete them: it is
 * remembered here instead, and a session of that user and company that started before it is
 * refused when it is read. In memory, per instance, until restart. An entry is kept as long as a
 * session that started before it could still be alive (the absolute session timeout), then dropped.
 */
export class UninstallRegistry {
  /** In arrival order (a repeat moves to the end), so the oldest are at the front. */
  private readonly entries = new Map<string, Uninstall>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = MAX_UNINSTALLS,
  ) {}

  record(userId: number, companyId: number): Uninstall {
    this.prune();
    const uninstall = { userId, companyId, at: this.now() };
    const key = keyOf(userId, companyId);
    this.entries.delete(key);
    this.entries.set(key, uninstall);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return uninstall;
  }

  /**
   * True when the session's user and company uninstalled the app after it started. A session whose
   * sign-in could not read `users/me` (no user or no company) cannot be tied to anyone: false.
   */
  ends(session: Session): boolean {
    const { user } = session;
    if (user?.companyId === undefined) return false;
    const uninstall = this.entries.get(keyOf(user.id, user.companyId));
    return uninstall !== undefined && session.startedAt < uninstall.at;
  }

  get size(): number {
    this.prune();
    return this.entries.size;
  }

  private prune(): void {
    const cutoff = this.now() - SESSION_ABSOLUTE_TIMEOUT_MS;
    for (const [key, uninstall] of this.entries) {
      if (uninstall.at > cutoff) break;
      this.entries.delete(key);
    }
  }
}
