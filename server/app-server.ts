import { Hono } from 'hono';
import { APP_CONFIG_PATH } from '../common/app-config.ts';
import { SESSION_STORE_UNAVAILABLE } from '../common/bff-contract.ts';
import { registerAuthRoutes } from './auth/auth-routes.ts';
import { registerSignOutRoutes } from './auth/sign-out-routes.ts';
import { registerUninstallRoute } from './auth/uninstall-route.ts';
import { inlineStyleSourcesOf } from './http/inline-styles.ts';
import { pageHints } from './http/page-hints.ts';
import { securityHeaders } from './http/security-headers.ts';
import { registerStaticFiles } from './http/static-files.ts';
import { FlowRecorder } from './inspector/flow-recorder.ts';
import { ConfidentialClient } from './oauth-client.ts';
import { DEFAULT_PROVIDER_TIMEOUTS, type ProviderTimeouts } from './provider-timeouts.ts';
import { registerApiProxy } from './proxy/api-proxy.ts';
import { publicConfigOf } from './public-config.ts';
import type { ServerConfig } from './server-config.ts';
import { EmbeddedSessionStore } from './sessions/embedded-session-store.ts';
import { RedisSessionStore } from './sessions/redis-session-store.ts';
import { SessionCookies } from './sessions/session-cookie.ts';
import { type RefreshRetry, SessionRefresher } from './sessions/session-refresher.ts';
import { type SessionStore, SessionStoreUnavailableError } from './sessions/session-store.ts';
import { Sessions } from './sessions/sessions.ts';

export interface AppServerOptions {
  config: ServerConfig;
  /** Every outgoing call (token, revoke, API) goes through it, so tests can route them in-process. */
  fetch?: typeof fetch;
  /** The production build (`dist/`); without it only the config, auth and API routes are served. */
  staticRoot?: string;
  /** Clock in ms, for token and cookie expiry. */
  now?: () => number;
  /** Waits between refresh retries; tests pass one that does not sleep. */
  refreshRetry?: RefreshRetry;
  /**
   * Where sessions live; by default the one `config.sessionStore` names. Tests pass one to share it
   * between instances, as a Redis would be shared.
   */
  sessionStore?: SessionStore;
  /** How long to wait for the provider before giving up; tests of a hung provider make it short. */
  providerTimeouts?: ProviderTimeouts;
}

/** The store `config.sessionStore` names (embedded, or Redis at its URL). */
export function sessionStoreFor(config: ServerConfig, now: () => number): SessionStore {
  return config.sessionStore.kind === 'redis'
    ? new RedisSessionStore(config.sessionStore.url, now)
    : new EmbeddedSessionStore(now);
}

/** The app server: `bff` sign-in, the API proxy, the run-time config, and the built SPA. */
export function createAppServer(options: AppServerOptions): Hono {
  const { config } = options;
  const now = options.now ?? Date.now;
  // Looked up per call rather than captured, so a test or APM tool that patches fetch still sees the calls.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const store = options.sessionStore ?? sessionStoreFor(config, now);
  const cookies = new SessionCookies({ secrets: config.sessionSecrets, secure: config.secure, now });
  const sessions = new Sessions(store, cookies, now);
  const timeouts = options.providerTimeouts ?? DEFAULT_PROVIDER_TIMEOUTS;
  const client = new ConfidentialClient(config, fetchImpl, now, timeouts.authMs);
  const refresher = new SessionRefresher(client, store, now, options.refreshRetry);
  const recorder = new FlowRecorder(config, now, store.timelines);

  const app = new Hono();
  // The built index page carries the app's stylesheet inline: the policy allows exactly that one.
  const inlineStyles = options.staticRoot ? inlineStyleSourcesOf(options.staticRoot) : [];
  app.use('*', securityHeaders(config, inlineStyles));

  const publicConfig = publicConfigOf(config);
  app.get(APP_CONFIG_PATH, (c) => c.json(publicConfig));
  const authDeps = { config, cookies, sessions, client, refresher, recorder, fetch: fetchImpl, timeouts };
  registerAuthRoutes(app, authDeps);
  registerSignOutRoutes(app, authDeps);
  registerUninstallRoute(app, config, store);
  registerApiProxy(app, { config, sessions, refresher, recorder, fetch: fetchImpl, now, timeouts });
  if (options.staticRoot) {
    const hints = pageHints(options.staticRoot, {
      sessionCheck: config.sessionModes.includes('bff'),
      inspector: config.inspector,
      hasSessionCookie: (c) => cookies.hasSessionCookie(c),
    });
    registerStaticFiles(app, options.staticRoot, hints);
  }

  app.notFound((c) => c.json({ success: false, error: 'Not found' }, 404));
  app.onError((error, c) => {
    if (error instanceof SessionStoreUnavailableError) {
      // The rep is not signed out: the browser keeps its cookie and its draft, and tries again.
      console.error(`[quicklead] ${c.req.method} ${c.req.path}: ${error.message}`);
      c.header('Retry-After', '5');
      return c.json(
        {
          success: false,
          error: SESSION_STORE_UNAVAILABLE,
          error_info: 'QuickLead cannot reach its session store. Your lead is kept; try again in a moment.',
        },
        503,
      );
    }
    // Name and message only: a full dump could carry a callback's code and state, which must never reach a log.
    console.error(`[quicklead] ${c.req.method} ${c.req.path} failed: ${error.name}: ${error.message}`);
    return c.json({ success: false, error: 'Internal server error' }, 500);
  });
  return app;
}
