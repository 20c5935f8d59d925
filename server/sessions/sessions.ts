import type { Context } from 'hono';
import {
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  type Session,
  type SessionCookies,
} from './session-cookie.ts';
import { type SessionStore, sessionDeadline } from './session-store.ts';

/**
 * The session of a request: the id from its cookie, the tokens from the store. Every route goes
 * through here, so a session ended in the store (sign-out, uninstall, idle) is ended everywhere,
 * whichever instance answers and whatever copy of the cookie comes back.
 */
export class Sessions {
  constructor(
    readonly store: SessionStore,
    private readonly cookies: SessionCookies,
    private readonly now: () => number,
  ) {}

  /** The live session this request names; a cookie naming an ended one is cleared. */
  async read(c: Context): Promise<Session | undefined> {
    const sid = await this.cookies.readSessionId(c);
    const session = sid === undefined ? undefined : await this.store.read(sid);
    if (!session && this.cookies.hasSessionCookie(c)) this.cookies.clearSession(c);
    return session;
  }

  /** A new session, at sign-in: stored, and named in a fresh cookie. */
  async start(c: Context, session: Session): Promise<void> {
    await this.store.create(session);
    await this.setCookie(c, session);
  }

  /**
   * The session was used: its idle deadline slides in the store and in the cookie. Tokens are not
   * written (a refresh already stored them, and an older copy must not overwrite them).
   */
  async keep(c: Context, session: Session): Promise<void> {
    await this.store.touch(session.sid);
    await this.setCookie(c, session);
  }

  /** Ends the session in the store (every instance, every copy of the cookie) and clears the cookie. */
  async end(c: Context, sid: string): Promise<void> {
    await this.store.delete(sid);
    this.cookies.clearSession(c);
  }

  /** Only the cookie: the session itself is already gone or never was. */
  forgetCookie(c: Context): void {
    this.cookies.clearSession(c);
  }

  private async setCookie(c: Context, session: Session): Promise<void> {
    const until = sessionDeadline(session, this.now(), SESSION_IDLE_TIMEOUT_MS, SESSION_ABSOLUTE_TIMEOUT_MS);
    await this.cookies.writeSessionId(c, session.sid, until);
  }
}
