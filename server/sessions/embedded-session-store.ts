import { randomUUID } from 'node:crypto';
import { SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS, type Session } from './session-cookie.ts';
import { type SessionStore, sessionDeadline } from './session-store.ts';

/**
 * Sessions held at once. Past it the least recently used session ends (its rep signs in again);
 * with 5,000-character tokens a session is about 12 KB, so the store stays under ~250 MB.
 */
const MAX_SESSIONS = 20_000;

interface Held {
  session: Session;
  /** Idle deadline, slid by each use, never past the absolute one. */
  until: number;
}

/**
 * The default store: sessions in this process's memory. Nothing to install; one instance only;
 * a restart signs everyone out (their drafts stay in their tabs). The refresh lock is a map entry.
 */
export class EmbeddedSessionStore implements SessionStore {
  readonly kind = 'embedded';
  private readonly sessions = new Map<string, Held>();
  private readonly locks = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly maxSessions = MAX_SESSIONS,
  ) {}

  async read(sid: string): Promise<Session | undefined> {
    const held = this.sessions.get(sid);
    if (!held) return undefined;
    if (this.now() >= held.until) {
      this.sessions.delete(sid);
      return undefined;
    }
    return structuredClone(held.session);
  }

  async create(session: Session): Promise<void> {
    this.hold(session);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }

  async update(session: Session): Promise<boolean> {
    if (!(await this.read(session.sid))) return false;
    this.hold(session);
    return true;
  }

  async touch(sid: string): Promise<void> {
    const held = this.sessions.get(sid);
    if (held && (await this.read(sid))) this.hold(held.session);
  }

  async delete(sid: string): Promise<void> {
    this.sessions.delete(sid);
    this.locks.delete(sid);
  }

  async deleteUserSessions(companyId: number, userId: number): Promise<number> {
    let ended = 0;
    for (const [sid, held] of this.sessions) {
      const user = held.session.user;
      if (user?.id === userId && user.companyId === companyId) {
        this.sessions.delete(sid);
        ended += 1;
      }
    }
    return ended;
  }

  async lockRefresh(sid: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const now = this.now();
    const held = this.locks.get(sid);
    if (held && held.until > now) return undefined;
    const token = randomUUID();
    this.locks.set(sid, { token, until: now + ttlMs });
    return async () => {
      if (this.locks.get(sid)?.token === token) this.locks.delete(sid);
    };
  }

  async close(): Promise<void> {
    this.sessions.clear();
    this.locks.clear();
  }

  /** (Re)inserted last: the map's order is least recently used first. */
  private hold(session: Session): void {
    this.sessions.delete(session.sid);
    this.sessions.set(session.sid, {
      session: structuredClone(session),
      until: sessionDeadline(session, this.now(), SESSION_IDLE_TIMEOUT_MS, SESSION_ABSOLUTE_TIMEOUT_MS),
    });
  }
}
