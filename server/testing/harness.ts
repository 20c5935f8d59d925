import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { type BffSignInStart, CSRF_HEADER, CSRF_HEADER_VALUE } from '../../common/bff-contract.ts';
import { REFRESH_RETRY_DELAYS_MS } from '../../common/oauth/refresh-outcome.ts';
import { createSandbox, type Sandbox } from '../../sandbox/create-sandbox.ts';
import { sandboxSettingsFromEnv } from '../../sandbox/env-settings.ts';
import type { PkceMode } from '../../sandbox/oauth/pkce.ts';
import {
  API_ORIGIN,
  APP_ORIGIN,
  approve,
  createClock,
  postForm,
  requestIdFrom,
  authorizeUrl as sandboxAuthorizePath,
  type TestClock,
} from '../../sandbox/testing/test-support.ts';
import { createAppServer } from '../app-server.ts';
import type { ProviderTimeouts } from '../provider-timeouts.ts';
import { readServerConfig, type ServerConfig } from '../server-config.ts';
import { EmbeddedSessionStore } from '../sessions/embedded-session-store.ts';
import type { RefreshRetry } from '../sessions/session-refresher.ts';
import type { SessionStore } from '../sessions/session-store.ts';

/** The app server's tests' harness (not a test file itself): the server and a real sandbox, in-process. */

export const OAUTH_ORIGIN = 'http://127.0.0.1:5181';
export { API_ORIGIN, APP_ORIGIN };
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789-abcdefghij';

/**
 * A session secret as an operator makes one (32 random bytes), new on every run: a real provider
 * refuses any value written in this repository, since everyone can read it.
 */
export function randomSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}
export const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

/** A browser's cookie jar, just enough for one origin. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const maxAge = attributes.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      if (maxAge === undefined || Number(maxAge.split('=')[1]) > 0)
        this.cookies.set(name, pair.slice(eq + 1));
      else this.cookies.delete(name);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface OutgoingCall {
  url: string;
  method: string;
  body: string;
}

export interface Harness {
  sandbox: Sandbox;
  app: Hono;
  config: ServerConfig;
  clock: TestClock;
  jar: CookieJar;
  /** Every call the app server made to the sandbox, in order. */
  calls: OutgoingCall[];
  /** Token endpoint answers as the server received them, so tests can act on the tokens at the sandbox. */
  tokenResponses: Array<Record<string, unknown>>;
  /** The waits between refresh retries, in ms, in order (each moves the clock on; none really sleeps). */
  sleeps: number[];
  /** Where the app server keeps sessions: another instance made with it shares them. */
  store: SessionStore;
  /** How the app server reaches the provider (recorded in `calls`): for another instance of it. */
  providerFetch: typeof fetch;
  refreshRetry: RefreshRetry;
  /** A request from the browser: jar cookies sent, Set-Cookie taken back. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

export interface HarnessOptions {
  env?: NodeJS.ProcessEnv;
  /** How the sandbox's confidential client treats PKCE; default `accept`, as Pipedrive tolerates it. */
  pkce?: PkceMode;
  rotateRefreshTokens?: boolean;
  accessTokenTtlSeconds?: number;
  /** Answers a call in the sandbox's place, which then never sees it (e.g. a gateway failing before it). */
  answerInstead?: (url: string) => Response | undefined;
  /** Lets a test change what the sandbox answered before the app server sees it (or throw, as a network failure). */
  alterResponse?: (url: string, response: Response) => Response;
  /**
   * Puts a test's fake provider between the app server and the sandbox: it gets the sandbox's fetch
   * and may rewrite what goes either way (e.g. a provider that issues much longer tokens).
   */
  provider?: (sandboxFetch: typeof fetch) => typeof fetch;
  /** Sandbox settings as `npm run sandbox` reads them (`SANDBOX_*`), over the options above. */
  sandboxEnv?: NodeJS.ProcessEnv;
  /** Runs after each recorded wait between refresh retries (which has moved the clock on); may hold it. */
  afterSleep?: (ms: number) => Promise<void>;
  /** Where the app server keeps sessions; the embedded store by default. Made with the harness's clock. */
  sessionStore?: (now: () => number) => SessionStore;
  /**
   * Calls the provider never answers: they end only when the app server gives up on them (their
   * abort signal fires), as a real fetch to a hung server would.
   */
  neverAnswers?: (call: OutgoingCall) => boolean;
  /** How long the app server waits for the provider; tests of a hung provider make it short. */
  providerTimeouts?: ProviderTimeouts;
}

/** The message of the configuration error `env` gives; throws when the configuration is accepted. */
export function configErrorOf(env: NodeJS.ProcessEnv): string {
  try {
    readServerConfig(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the configuration to be refused');
}

export function testConfig(env: NodeJS.ProcessEnv = {}): ServerConfig {
  return readServerConfig({
    QUICKLEAD_SESSION_SECRET: TEST_SESSION_SECRET,
    QUICKLEAD_OAUTH_ORIGIN: OAUTH_ORIGIN,
    QUICKLEAD_API_ORIGIN: API_ORIGIN,
    QUICKLEAD_PUBLIC_URL: APP_ORIGIN,
    ...env,
  });
}

function definedOnly<T extends object>(settings: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** A call to a server that has hung: it never settles unless its caller aborts it. */
function unanswered(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const clock = createClock();
  const sandbox = createSandbox({
    oauthOrigin: OAUTH_ORIGIN,
    apiOrigin: API_ORIGIN,
    appOrigins: [APP_ORIGIN],
    now: clock.now,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    ...(options.pkce ? { pkce: options.pkce } : {}),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    // The bff server calls the provider from the server: it needs no CORS, so the sandbox sends none.
    corsOrigins: [],
    // Pipedrive's uninstall notice (DELETE to the callback URL) reaches this app server in-process.
    fetch: async (input, init) => app.request(urlOf(input), init),
    ...definedOnly(sandboxSettingsFromEnv(options.sandboxEnv ?? {})),
  });
  const config = testConfig(options.env);
  const calls: OutgoingCall[] = [];
  const tokenResponses: Array<Record<string, unknown>> = [];
  const sandboxFetch: typeof fetch = async (input, init) => {
    const url = urlOf(input);
    const target = url.startsWith(OAUTH_ORIGIN) ? sandbox.oauthApp : sandbox.apiApp;
    return target.request(url, init);
  };
  const providerFetch = options.provider ? options.provider(sandboxFetch) : sandboxFetch;
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = urlOf(input);
    const call = { url, method: init?.method ?? 'GET', body: init?.body ? String(init.body) : '' };
    calls.push(call);
    if (options.neverAnswers?.(call)) return unanswered(init?.signal);
    const instead = options.answerInstead?.(url);
    if (instead) return instead;
    const answered = await providerFetch(url, init);
    const response = options.alterResponse ? options.alterResponse(url, answered) : answered;
    if (url === `${OAUTH_ORIGIN}/oauth/token` && response.ok)
      tokenResponses.push(await response.clone().json());
    return response;
  };
  const sleeps: number[] = [];
  const refreshRetry: RefreshRetry = {
    delaysMs: REFRESH_RETRY_DELAYS_MS,
    async sleep(ms) {
      sleeps.push(ms);
      clock.advance(ms);
      await options.afterSleep?.(ms);
    },
  };
  const store = options.sessionStore?.(clock.now) ?? new EmbeddedSessionStore(clock.now);
  const app = createAppServer({
    config,
    fetch: fetchImpl,
    now: clock.now,
    refreshRetry,
    sessionStore: store,
    ...(options.providerTimeouts ? { providerTimeouts: options.providerTimeouts } : {}),
  });
  const jar = new CookieJar();
  return {
    sandbox,
    app,
    store,
    providerFetch: fetchImpl,
    refreshRetry,
    config,
    clock,
    jar,
    calls,
    tokenResponses,
    sleeps,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      const cookie = jar.header();
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      const response = await app.request(new URL(path, config.publicUrl).href, { ...init, headers });
      jar.take(response);
      return response;
    },
  };
}

export function tokenCalls(
  harness: Harness,
  grantType: 'authorization_code' | 'refresh_token',
): OutgoingCall[] {
  return harness.calls.filter(
    (call) =>
      call.url.endsWith('/oauth/token') && new URLSearchParams(call.body).get('grant_type') === grantType,
  );
}

/**
 * What the sign-in button does: `POST /auth/login` with the CSRF header → the provider's authorize
 * URL, with the sign-in cookie now in the jar.
 */
export async function startSignIn(harness: Harness, returnTo?: string): Promise<URL> {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  const response = await harness.request(`/auth/login${query}`, { method: 'POST', headers: CSRF });
  if (response.status !== 200) throw new Error(`/auth/login answered ${response.status}`);
  return new URL(((await response.json()) as BffSignInStart).authorizationUrl);
}

/** Signs in and consents at the sandbox; returns the provider's redirect back to `/auth/callback`. */
export async function authorize(harness: Harness, authorizeUrl: URL, decision: 'allow' | 'cancel' = 'allow') {
  return approve(harness.sandbox, Object.fromEntries(authorizeUrl.searchParams), decision);
}

/** The callback as the browser follows it: path and query on the app's origin. */
export function callback(harness: Harness, redirect: URL, init?: RequestInit): Promise<Response> {
  return harness.request(`${redirect.pathname}${redirect.search}`, init);
}

/** The whole browser sign-in; returns the callback's answer. */
export async function signIn(harness: Harness, returnTo?: string): Promise<Response> {
  const redirect = await authorize(harness, await startSignIn(harness, returnTo));
  const response = await callback(harness, redirect);
  // The callback's own `users/me` lookup (who signed in) is not one of the calls the tests count.
  const lookup = harness.calls.findLastIndex((call) => call.url.endsWith('/api/v1/users/me'));
  if (lookup >= 0) harness.calls.splice(lookup, 1);
  return response;
}

export function proxied(
  harness: Harness,
  path: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
): Promise<Response> {
  return harness.request(`/api/pipedrive${path}`, { ...init, headers: { ...CSRF, ...init.headers } });
}

export function latestTokens(harness: Harness): { accessToken: string; refreshToken: string } {
  const last = harness.tokenResponses.at(-1);
  if (!last) throw new Error('no token response yet');
  return { accessToken: String(last.access_token), refreshToken: String(last.refresh_token) };
}

/** A second browser on the same app server and sandbox: its own cookie jar, the same call log. */
export function otherBrowser(harness: Harness): Harness {
  const jar = new CookieJar();
  return {
    ...harness,
    jar,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      const cookie = jar.header();
      if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
      const response = await harness.app.request(new URL(path, harness.config.publicUrl).href, {
        ...init,
        headers,
      });
      jar.take(response);
      return response;
    },
  };
}

/**
 * Signs in at the sandbox as `email` (password `sandbox`) and allows; returns the redirect back.
 * A provider that skips the consent page for an app already installed redirects straight after
 * the password, which is taken as it comes.
 */
export async function authorizeAs(harness: Harness, authorizeUrl: URL, email: string): Promise<URL> {
  const { sandbox } = harness;
  const page = await sandbox.oauthApp.request(
    sandboxAuthorizePath(Object.fromEntries(authorizeUrl.searchParams)),
  );
  if (page.status !== 200) throw new Error(`the sandbox's sign-in page answered ${page.status}`);
  const login = await postForm(sandbox, '/oauth/login', {
    request_id: requestIdFrom(await page.text()),
    email,
    password: 'sandbox',
  });
  const redirect =
    login.status === 302
      ? login
      : await postForm(sandbox, '/oauth/consent', {
          request_id: requestIdFrom(await login.text()),
          decision: 'allow',
        });
  if (redirect.status !== 302) throw new Error(`the sandbox answered ${redirect.status}, not a redirect`);
  return new URL(redirect.headers.get('location') ?? '');
}

/** The whole sign-in as `email` in this harness's browser; returns the callback's answer. */
export async function signInAs(harness: Harness, email: string): Promise<Response> {
  return callback(harness, await authorizeAs(harness, await startSignIn(harness), email));
}
