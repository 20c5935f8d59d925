import { createHash } from 'node:crypto';
import type { FlowStep } from '../../common/inspector/model.ts';
import type { InspectorStoreLimits } from '../inspector/inspector-store.ts';
import type { Session } from './session-cookie.ts';

/** The inspector's timelines where every instance sees them (beside the sessions, in Redis). */
export interface SharedTimelines {
  append(key: string, steps: readonly FlowStep[], ttlMs: number, limits: InspectorStoreLimits): Promise<void>;
  steps(key: string): Promise<FlowStep[] | undefined>;
  drop(key: string): Promise<void>;
}

/**
 * Where signed-in sessions live: the cookie carries only a random id, the tokens stay on the
 * server. One small interface, two stores chosen by `QUICKLEAD_SESSION_STORE`: the embedded one
 * (one process, nothing to install) and Redis (any number of instances).
 */
export interface SessionStore {
  /** `embedded` or `redis`, for logs and the start-up banner. */
  readonly kind: string;
  /** The session, unless it ended (signed out, uninstalled, idle or too old) or never existed. */
  read(sid: string): Promise<Session | undefined>;
  /** Saves a new session (at sign-in), its idle deadline starting now. */
  create(session: Session): Promise<void>;
  /**
   * Saves renewed tokens of a session that still exists, sliding its idle deadline; false when it
   * has ended meanwhile (a refresh finishing after sign-out must not bring it back).
   */
  update(session: Session): Promise<boolean>;
  /**
   * Slides the idle deadline of a session that still exists, leaving its tokens alone: a call that
   * began before a refresh must not write the tokens it started with back over the new ones.
   */
  touch(sid: string): Promise<void>;
  /** Ends the session on every instance: a copied cookie is dead from now on. */
  delete(sid: string): Promise<void>;
  /** Ends every session of one Pipedrive user in one company (the app was uninstalled). */
  deleteUserSessions(companyId: number, userId: number): Promise<number>;
  /**
   * The refresh lock of one session, for `ttlMs` at most: a release function, or undefined when
   * someone else (this instance or another) holds it. Released only by its holder.
   */
  lockRefresh(sid: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
  /** Present when timelines must be shared (several instances); the embedded store keeps them in the recorder. */
  readonly timelines?: SharedTimelines;
  close(): Promise<void>;
}

/**
 * The store is out of reach (Redis down or unreachable). Answered 503 `session_store_unavailable`:
 * the rep stays signed in as far as the browser knows, and nothing typed is lost.
 */
export class SessionStoreUnavailableError extends Error {
  override readonly name = 'SessionStoreUnavailableError';
}

/**
 * What the store keys a session by: a hash of the cookie's id, so someone who can list the store's
 * keys still cannot make a working cookie from them.
 */
export function storeKeyOf(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url');
}

/** When a session written now ends unless used again: idle deadline, capped by the absolute one. */
export function sessionDeadline(session: Session, now: number, idleMs: number, absoluteMs: number): number {
  return Math.min(now + idleMs, session.startedAt + absoluteMs);
}
