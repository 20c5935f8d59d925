import { createHash, randomBytes } from 'node:crypto';
import { stepsFromExchange } from '../../common/inspector/exchange-steps.ts';
import type { FlowStep } from '../../common/inspector/model.ts';
import { recordingFetch } from '../../common/inspector/recording-fetch.ts';
import type { Redactor } from '../../common/inspector/redact.ts';
import {
  authorizationRequestStep,
  callbackStep,
  pkceOffStep,
  pkceStep,
  type StepContext,
} from '../../common/inspector/sign-in-steps.ts';
import type { ServerConfig } from '../server-config.ts';
import { SESSION_IDLE_TIMEOUT_MS, SIGN_IN_TTL_MS } from '../sessions/session-cookie.ts';
import type { SharedTimelines } from '../sessions/session-store.ts';
import { InspectorStore, type InspectorStoreLimits } from './inspector-store.ts';

/**
 * What `bff` mode shows: the verifier and the code may be revealed (by the time anyone can read
 * the timeline both are spent, and the code is single-use); access and refresh tokens only as a
 * length and fingerprint, because keeping them from the browser is the point of the BFF; the
 * client's credentials not at all.
 */
export const SERVER_REDACTOR: Redactor = {
  disclosure: (kind) => {
    if (kind === 'code verifier' || kind === 'authorization code') return 'reveal';
    if (kind === 'client credentials' || kind === 'client secret') return 'hide';
    return 'hint';
  },
  hint: (value) =>
    `${value.length} characters, SHA-256 fingerprint ${createHash('sha256').update(value).digest('hex').slice(0, 8)}`,
};

const signInKey = (state: string) => `sign-in:${state}`;
const failedKey = (id: string) => `failed:${id}`;
const isSignInKey = (key: string) => key.startsWith('sign-in:') || key.startsWith('failed:');

/**
 * The inspector's bounds on this server, the one place these numbers live. Bytes are those of the
 * JSON a timeline is served as, so a session's `/auth/inspector` answer is at most
 * `sessions.maxEntryBytes`, and all timelines together at most `INSPECTOR_WORST_CASE_BYTES`.
 *
 * Sign-ins (under way, or failed and kept for their browser to look at) have their own store: anyone
 * can start one without signing in, so however many are started, they only push out each other,
 * never a signed-in session's timeline.
 */
export const INSPECTOR_LIMITS = {
  /** Characters of each body (request and answer) kept, counted once its secrets are masked. */
  bodyChars: 1000,
  /** Characters of each body read to find its secrets; a token answer longer than this is not shown. */
  readBodyChars: 64_000,
  sessions: {
    maxEntries: 200,
    maxSteps: 100,
    maxStepBytes: 16_000,
    // An API call's step is some 2.5 kB: a session's 100 steps fit, one huge call cannot swell them.
    maxEntryBytes: 300_000,
    maxTotalBytes: 20_000_000,
  },
  signIns: {
    // A sign-in has at most 5 steps (PKCE, authorization request, callback, token request and answer).
    maxEntries: 1000,
    maxSteps: 10,
    maxStepBytes: 16_000,
    maxEntryBytes: 50_000,
    maxTotalBytes: 5_000_000,
  },
} as const satisfies {
  bodyChars: number;
  readBodyChars: number;
  sessions: InspectorStoreLimits;
  signIns: InspectorStoreLimits;
};

/** The most memory all of an instance's timelines can take, as served JSON. */
export const INSPECTOR_WORST_CASE_BYTES =
  INSPECTOR_LIMITS.sessions.maxTotalBytes + INSPECTOR_LIMITS.signIns.maxTotalBytes;

/** Records each session's and sign-in's steps into their store; every method is a no-op when the inspector is off. */
export class FlowRecorder {
  /** Signed-in sessions' timelines, by `sid`. */
  readonly sessions: InspectorStore;
  /** Sign-ins under way (by `state`) and failed ones (by the id their browser holds). */
  readonly signIns: InspectorStore;
  private readonly context: StepContext;

  /**
   * `shared`: with several instances (Redis), every timeline is also written there, and read from
   * there, so it holds what every instance recorded for it.
   */
  constructor(
    private readonly config: ServerConfig,
    private readonly now: () => number,
    private readonly shared?: SharedTimelines,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.sessions = new InspectorStore(now, INSPECTOR_LIMITS.sessions);
    this.signIns = new InspectorStore(now, INSPECTOR_LIMITS.signIns);
    this.context = {
      by: 'server',
      redactor: SERVER_REDACTOR,
      tokenEndpoint: config.provider.tokenEndpoint,
      maxBodyChars: INSPECTOR_LIMITS.bodyChars,
      ...(config.provider.revocationEndpoint
        ? { revocationEndpoint: config.provider.revocationEndpoint }
        : {}),
    };
  }

  get enabled(): boolean {
    return this.config.inspector;
  }

  /** `/auth/login`: steps 1 and 2, kept under the sign-in's state until the callback. */
  signInStarted(url: URL, codeVerifier: string | undefined): void {
    if (!this.enabled) return;
    const at = this.now();
    const state = url.searchParams.get('state') ?? '';
    const first =
      codeVerifier === undefined
        ? pkceOffStep({ state, reason: this.pkceOffReason(), at }, this.context)
        : pkceStep(
            { codeVerifier, codeChallenge: url.searchParams.get('code_challenge') ?? '', at },
            this.context,
          );
    this.append(signInKey(state), [first, authorizationRequestStep(url, at, this.context)]);
  }

  /** `/auth/callback`: step 3; returns the key the token exchange is recorded under. */
  callbackReceived(callbackUrl: URL, sentState: string, cleanedTo: string): string {
    const key = signInKey(sentState);
    if (this.enabled) {
      this.append(key, [callbackStep({ callbackUrl, sentState, at: this.now(), cleanedTo }, this.context)]);
    }
    return key;
  }

  /** A fetch that records what the server sends for this session (token, API, revocation calls). */
  fetchFor(key: string, fetchImpl: typeof fetch): typeof fetch {
    if (!this.enabled) return fetchImpl;
    return recordingFetch(
      fetchImpl,
      (exchange) => this.append(key, stepsFromExchange(exchange, this.context)),
      this.now,
      INSPECTOR_LIMITS.readBodyChars,
    );
  }

  /** The sign-in's steps become the session's when the callback succeeds. */
  async signedIn(signInKeyValue: string, sid: string): Promise<void> {
    if (!this.enabled) return;
    const steps = this.signIns.take(signInKeyValue) ?? [];
    this.sessions.append(sid, steps, SESSION_IDLE_TIMEOUT_MS);
    await this.moveShared(signInKeyValue, sid, SESSION_IDLE_TIMEOUT_MS);
  }

  /**
   * A sign-in that failed (cancelled, refused, a broken exchange): its steps are kept a short while
   * under a new random id, which only the browser that tried is given, so it can see what went wrong.
   */
  async signInFailed(signInKeyValue: string): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const id = randomBytes(32).toString('base64url');
    this.signIns.rekey(signInKeyValue, failedKey(id), SIGN_IN_TTL_MS);
    await this.moveShared(signInKeyValue, failedKey(id), SIGN_IN_TTL_MS);
    return id;
  }

  failedSignInTimeline(id: string): Promise<FlowStep[]> {
    return this.timeline(failedKey(id));
  }

  async forgetFailedSignIn(id: string): Promise<void> {
    await this.forget(failedKey(id));
  }

  /** What this instance recorded for `key` (tests look here; the routes read `timeline`). */
  steps(key: string): FlowStep[] {
    return this.enabled ? (this.storeFor(key).steps(key) ?? []) : [];
  }

  /** The whole timeline of `key`: from the shared store when there is one, else this instance's. */
  async timeline(key: string): Promise<FlowStep[]> {
    if (!this.enabled) return [];
    if (!this.shared) return this.steps(key);
    try {
      return (await this.shared.steps(key)) ?? [];
    } catch {
      // The inspector is a demo aid: with the shared store out of reach, show what this instance has.
      return this.steps(key);
    }
  }

  /** Sign-out: nothing of the session is kept, here or in the shared store. */
  async forget(key: string): Promise<void> {
    this.storeFor(key).drop(key);
    await this.shared?.drop(key).catch(() => {});
  }

  /** All timelines of this instance together, as served. */
  get bytes(): number {
    return this.sessions.bytes + this.signIns.bytes;
  }

  private pkceOffReason(): string {
    return this.config.provider.kind === 'pipedrive'
      ? 'Pipedrive documents no PKCE (and clients report errors when it is sent), so QuickLead sends none.'
      : 'PKCE is turned off for this provider (QUICKLEAD_PKCE=off), so QuickLead sends none.';
  }

  private storeFor(key: string): InspectorStore {
    return isSignInKey(key) ? this.signIns : this.sessions;
  }

  private append(key: string, steps: FlowStep[]): void {
    const ttl = isSignInKey(key) ? SIGN_IN_TTL_MS : SESSION_IDLE_TIMEOUT_MS;
    this.storeFor(key).append(key, steps, ttl);
    // Not awaited: a call's answer does not wait for its record. Commands on one Redis connection
    // run in the order sent, so steps keep their order.
    this.shared
      ?.append(key, steps, ttl, this.limitsFor(key))
      .catch((error: unknown) => this.sharedFailed(error));
  }

  /** Moves a timeline in the shared store (a sign-in's steps, to its session or failed-sign-in id). */
  private async moveShared(from: string, to: string, ttlMs: number): Promise<void> {
    if (!this.shared) return;
    try {
      const steps = (await this.shared.steps(from)) ?? [];
      await this.shared.append(to, steps, ttlMs, this.limitsFor(to));
      await this.shared.drop(from);
    } catch (error) {
      this.sharedFailed(error);
    }
  }

  private limitsFor(key: string): InspectorStoreLimits {
    return isSignInKey(key) ? INSPECTOR_LIMITS.signIns : INSPECTOR_LIMITS.sessions;
  }

  /** The session routes report the store's outages; the inspector only notes that it missed a step. */
  private sharedFailed(error: unknown): void {
    this.log(
      `[quicklead] inspector: a step was not shared: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
