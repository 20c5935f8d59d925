import { hkdfSync, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';

/**
 * The browser holds two sealed cookies (JWE, `dir` + A256GCM): the session's id, whose tokens live
 * in the session store (`session-store.ts`), and a sign-in in progress (state, PKCE verifier, return path).
 * Sealing the id too means a cookie cannot be made up, and a secret rotation covers both.
 *
 * A session ends after 12 hours without use (each use slides it) and, at the latest, 30 days after
 * sign-in, which is within Pipedrive's refresh-token lifetime (60 days, sliding).
 */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
/** Long enough to sign in and consent at the provider, short enough that a stale sign-in dies. */
export const SIGN_IN_TTL_MS = 10 * 60 * 1000;

export const SESSION_COOKIE = 'quicklead-session';
export const SIGN_IN_COOKIE = 'quicklead-signin';
/** Inspector on: which failed sign-in's recorded steps this browser may read (an unguessable id). */
export const FAILED_SIGN_IN_COOKIE = 'quicklead-signin-failed';
const FAILED_SIGN_IN_ID = /^[A-Za-z0-9_-]{43}$/;

export const sessionSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch ms when the access token expires. */
  expiresAt: z.number(),
  /** Epoch ms from which the proxy refreshes the access token before using it. */
  refreshAt: z.number(),
  apiDomain: z.string().min(1),
  scopes: z.array(z.string()),
  /** Identifies the session across refreshes: the key for single-flight refresh. */
  sid: z.string().min(1),
  /** Epoch ms of the sign-in: the absolute timeout counts from here and does not slide. */
  startedAt: z.number(),
  /**
   * Who signed in, read once at sign-in (`GET /v1/users/me`): for `/auth/session`, and (with the
   * company) to tie the session to Pipedrive's uninstall notices.
   */
  user: z
    .object({
      id: z.number(),
      name: z.string(),
      companyName: z.string().optional(),
      companyId: z.number().optional(),
    })
    .optional(),
});

/** What the session cookie carries: only the id; the tokens stay in the session store. */
const sessionIdSchema = z.object({ sid: z.string().min(32).max(64) });

const pendingSignInSchema = z.object({
  state: z.string().min(1),
  /** Absent when PKCE is off (`QUICKLEAD_PKCE`): then the sealed `state` alone binds the callback. */
  codeVerifier: z.string().min(43).optional(),
  returnTo: z.string().startsWith('/'),
});

export type Session = z.infer<typeof sessionSchema>;
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

/** 256 random bits: the session's only name in the cookie and (hashed) in the store. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** One key per cookie kind, so a sign-in cookie can never be passed off as a session and back. */
function deriveKey(secret: string, purpose: 'session' | 'signin'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'quicklead-cookie-v1', `quicklead ${purpose} cookie`, 32));
}

/** The newest secret's key seals; every listed secret's key opens (newest first). */
interface CookieKeys {
  seal: Uint8Array;
  open: Uint8Array[];
}

function keysFor(secrets: readonly string[], purpose: 'session' | 'signin'): CookieKeys {
  const open = secrets.map((secret) => deriveKey(secret, purpose));
  const [seal] = open;
  if (!seal) throw new Error('SessionCookies needs at least one secret');
  return { seal, open };
}

async function seal(claims: Record<string, unknown>, key: Uint8Array, now: number, expiresAt: number) {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .encrypt(key);
}

/** Tampered, expired, foreign or malformed cookies all read as "nothing there". */
async function openWith<T>(value: string, key: Uint8Array, now: number, schema: z.ZodType<T>) {
  try {
    const { payload } = await jwtDecrypt(value, key, {
      currentDate: new Date(now),
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      requiredClaims: ['exp'],
    });
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Tries each key, newest first: a cookie sealed before a rotation still opens with its older key. */
async function open<T>(
  value: string | undefined,
  keys: readonly Uint8Array[],
  now: number,
  schema: z.ZodType<T>,
) {
  if (!value) return undefined;
  for (const key of keys) {
    const opened = await openWith(value, key, now, schema);
    if (opened !== undefined) return opened;
  }
  return undefined;
}

export interface SessionCookieOptions {
  /**
   * Newest first: the first seals every cookie written, each one opens cookies (a rotation keeps
   * the old secret listed until the sessions it sealed have ended). At least one.
   */
  secrets: readonly string[];
  /** https deployment: `Secure` and the `__Host-` prefix, which browsers refuse on plain http. */
  secure: boolean;
  now: () => number;
}

/**
 * Reads and writes the session and sign-in cookies: HttpOnly, `Path=/`, no `Domain`, and on https
 * `Secure` with the `__Host-` prefix.
 */
export class SessionCookies {
  readonly sessionName: string;
  readonly signInName: string;
  readonly failedSignInName: string;
  private readonly sessionKeys: CookieKeys;
  private readonly signInKeys: CookieKeys;

  constructor(private readonly options: SessionCookieOptions) {
    const prefix = options.secure ? '__Host-' : '';
    this.sessionName = `${prefix}${SESSION_COOKIE}`;
    this.signInName = `${prefix}${SIGN_IN_COOKIE}`;
    this.failedSignInName = `${prefix}${FAILED_SIGN_IN_COOKIE}`;
    this.sessionKeys = keysFor(options.secrets, 'session');
    this.signInKeys = keysFor(options.secrets, 'signin');
  }

  /**
   * The id of this browser's session, if its cookie opens with a listed secret and has not run out.
   * Whether the session is still alive is the store's to say.
   */
  async readSessionId(c: Context): Promise<string | undefined> {
    const opened = await open(
      getCookie(c, this.sessionName),
      this.sessionKeys.open,
      this.options.now(),
      sessionIdSchema,
    );
    return opened?.sid;
  }

  /**
   * Writes (or slides) the cookie naming the session until `expiresAt`. Always sealed with the
   * newest secret, so each use moves a session off a retired one.
   */
  async writeSessionId(c: Context, sid: string, expiresAt: number): Promise<void> {
    const now = this.options.now();
    const value = await seal({ sid }, this.sessionKeys.seal, now, expiresAt);
    this.set(c, this.sessionName, value, 'Strict', Math.max(0, Math.floor((expiresAt - now) / 1000)));
  }

  /** Whether the request carried a session cookie at all (a dead one is cleared, an absent one left). */
  hasSessionCookie(c: Context): boolean {
    return getCookie(c, this.sessionName) !== undefined;
  }

  clearSession(c: Context): void {
    this.set(c, this.sessionName, '', 'Strict', 0);
  }

  async readSignIn(c: Context): Promise<PendingSignIn | undefined> {
    return open(getCookie(c, this.signInName), this.signInKeys.open, this.options.now(), pendingSignInSchema);
  }

  /**
   * `SameSite=Lax`: the callback is a top-level navigation coming from the provider's site, on
   * which a Strict cookie would not be sent.
   */
  async writeSignIn(c: Context, pending: PendingSignIn): Promise<void> {
    const now = this.options.now();
    const value = await seal({ ...pending }, this.signInKeys.seal, now, now + SIGN_IN_TTL_MS);
    this.set(c, this.signInName, value, 'Lax', SIGN_IN_TTL_MS / 1000);
  }

  clearSignIn(c: Context): void {
    this.set(c, this.signInName, '', 'Lax', 0);
  }

  /** The id of the failed sign-in whose steps the inspector may show to this browser. */
  readFailedSignIn(c: Context): string | undefined {
    const id = getCookie(c, this.failedSignInName);
    return id !== undefined && FAILED_SIGN_IN_ID.test(id) ? id : undefined;
  }

  /** `Strict` is enough: only the page's own requests to `/auth/inspector` need it back. */
  writeFailedSignIn(c: Context, id: string): void {
    this.set(c, this.failedSignInName, id, 'Strict', SIGN_IN_TTL_MS / 1000);
  }

  clearFailedSignIn(c: Context): void {
    this.set(c, this.failedSignInName, '', 'Strict', 0);
  }

  private set(c: Context, name: string, value: string, sameSite: 'Strict' | 'Lax', maxAge: number): void {
    setCookie(c, name, value, {
      httpOnly: true,
      secure: this.options.secure,
      sameSite,
      path: '/',
      maxAge,
    });
  }
}
