import { Hono } from 'hono';
import { APP_CONFIG_PATH } from '../src/config/app-config.ts';
import { registerApiProxy } from './api-proxy.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { EndedSessions } from './ended-sessions.ts';
import { FlowRecorder } from './flow-recorder.ts';
import { ConfidentialClient } from './oauth-client.ts';
import { DEFAULT_PROVIDER_TIMEOUTS, type ProviderTimeouts } from './provider-timeouts.ts';
import { publicConfigOf } from './public-config.ts';
import { securityHeaders } from './security-headers.ts';
import type { ServerConfig } from './server-config.ts';
import { SessionCookies } from './session-cookie.ts';
import { type RefreshRetry, SessionRefresher } from './session-refresher.ts';
import { registerStaticFiles } from './static-files.ts';
import { UninstallRegistry } from './uninstall-registry.ts';
import { registerUninstallRoute } from './uninstall-route.ts';

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
  /** How long to wait for the provider before giving up; tests of a hung provider make it short. */
  providerTimeouts?: ProviderTimeouts;
}

/** The app server: `bff` sign-in, the API proxy, the run-time config, and the built SPA. */
export function createAppServer(options: AppServerOptions): Hono {
  const { config } = options;
  const now = options.now ?? Date.now;
  // Looked up per call rather than captured, so a test or APM tool that patches fetch still sees the calls.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const uninstalls = new UninstallRegistry(now);
  const endedSessions = new EndedSessions(now);
  const cookies = new SessionCookies({
    secret: config.sessionSecret,
    secure: config.secure,
    now,
    isEnded: (session) => endedSessions.has(session.sid) || uninstalls.ends(session),
  });
  const timeouts = options.providerTimeouts ?? DEFAULT_PROVIDER_TIMEOUTS;
  const client = new ConfidentialClient(config, fetchImpl, now, timeouts.authMs);
  const refresher = new SessionRefresher(client, now, options.refreshRetry);
  const recorder = new FlowRecorder(config, now);

  const app = new Hono();
  app.use('*', securityHeaders(config));

  const publicConfig = publicConfigOf(config);
  app.get(APP_CONFIG_PATH, (c) => c.json(publicConfig));
  registerAuthRoutes(app, {
    config,
    cookies,
    client,
    refresher,
    recorder,
    endedSessions,
    fetch: fetchImpl,
    timeouts,
  });
  registerUninstallRoute(app, config, uninstalls);
  registerApiProxy(app, { config, cookies, refresher, recorder, fetch: fetchImpl, now, timeouts });
  if (options.staticRoot) registerStaticFiles(app, options.staticRoot);

  app.notFound((c) => c.json({ success: false, error: 'Not found' }, 404));
  app.onError((error, c) => {
    // Name and message only: a full dump could carry a callback's code and state (SEC-PKCE-03).
    console.error(`[quicklead] ${c.req.method} ${c.req.path} failed: ${error.name}: ${error.message}`);
    return c.json({ success: false, error: 'Internal server error' }, 500);
  });
  return app;
}
