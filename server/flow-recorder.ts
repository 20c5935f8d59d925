import { createHash, randomBytes } from 'node:crypto';
import { stepsFromExchange } from '../src/auth/flow-exchange-steps.ts';
import { recordingFetch } from '../src/auth/flow-http.ts';
import type { FlowStep } from '../src/auth/flow-model.ts';
import type { Redactor } from '../src/auth/flow-redact.ts';
import {
  authorizationRequestStep,
  callbackStep,
  pkceOffStep,
  pkceStep,
  type StepContext,
} from '../src/auth/flow-sign-in-steps.ts';
import { InspectorStore } from './inspector-store.ts';
import type { ServerConfig } from './server-config.ts';
import { SESSION_IDLE_TIMEOUT_MS, SIGN_IN_TTL_MS } from './session-cookie.ts';

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

/**
 * Memory is bounded for the whole server: at most 200 sessions (least recently used out first) of
 * 100 steps, each answer cut at 1,000 characters (the start of a body is what explains a call):
 * some 60 MB at the very worst, for a demo aid.
 */
const LIMITS = { maxEntries: 200, maxSteps: 100 };
const MAX_BODY_CHARS = 1000;

/** Records one session's steps into the store; every method is a no-op when the inspector is off. */
export class FlowRecorder {
  readonly store: InspectorStore;
  private readonly context: StepContext;

  constructor(
    private readonly config: ServerConfig,
    private readonly now: () => number,
  ) {
    this.store = new InspectorStore(now, LIMITS);
    this.context = {
      by: 'server',
      redactor: SERVER_REDACTOR,
      tokenEndpoint: config.provider.tokenEndpoint,
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
      MAX_BODY_CHARS,
    );
  }

  signedIn(signInKeyValue: string, sid: string): void {
    if (this.enabled) this.store.rekey(signInKeyValue, sid, SESSION_IDLE_TIMEOUT_MS);
  }

  /**
   * A sign-in that failed (cancelled, refused, a broken exchange): its steps are kept a short while
   * under a new random id, which only the browser that tried is given, so it can see what went wrong.
   */
  signInFailed(signInKeyValue: string): string | undefined {
    if (!this.enabled) return undefined;
    const id = randomBytes(32).toString('base64url');
    this.store.rekey(signInKeyValue, failedKey(id), SIGN_IN_TTL_MS);
    return id;
  }

  failedSignInSteps(id: string): FlowStep[] {
    return this.steps(failedKey(id));
  }

  forgetFailedSignIn(id: string): void {
    this.forget(failedKey(id));
  }

  steps(key: string): FlowStep[] {
    return this.enabled ? (this.store.steps(key) ?? []) : [];
  }

  /** Sign-out: nothing of the session is kept. */
  forget(key: string): void {
    this.store.drop(key);
  }

  private pkceOffReason(): string {
    return this.config.provider.kind === 'pipedrive'
      ? 'Pipedrive documents no PKCE (and clients report errors when it is sent), so QuickLead sends none.'
      : 'PKCE is turned off for this provider (QUICKLEAD_PKCE=off), so QuickLead sends none.';
  }

  private append(key: string, steps: FlowStep[]): void {
    const short = key.startsWith('sign-in:') || key.startsWith('failed:');
    this.store.append(key, steps, short ? SIGN_IN_TTL_MS : SESSION_IDLE_TIMEOUT_MS);
  }
}
