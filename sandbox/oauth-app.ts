import { Hono } from 'hono';
import type { AuthStore } from './auth-store.ts';
import { appOriginCors } from './cors-policy.ts';
import type { CrmStore } from './crm-store.ts';
import { registerAuthorizeRoutes } from './oauth-authorize-routes.ts';
import type { OAuthClient } from './oauth-clients.ts';
import type { DemoAccount } from './oauth-pages.ts';
import { registerTokenRoutes } from './oauth-token-routes.ts';

export interface OAuthAppDeps {
  auth: AuthStore;
  crm: CrmStore;
  clients: readonly OAuthClient[];
  demoAccounts: readonly DemoAccount[];
  apiOrigin: string;
  appOrigins: readonly string[];
}

/** The stand-in for https://oauth.pipedrive.com. */
export function createOAuthApp(deps: OAuthAppDeps): Hono {
  const app = new Hono();
  // Only the endpoints a browser client calls with fetch get CORS; the pages are navigations.
  const tokenCors = appOriginCors(deps.appOrigins, ['POST']);
  app.use('/oauth/token', tokenCors);
  app.use('/oauth/revoke', tokenCors);

  app.get('/__sandbox/health', (c) => c.json({ ok: true }));
  registerAuthorizeRoutes(app, deps);
  registerTokenRoutes(app, deps);

  app.notFound((c) => c.json({ success: false, error: 'Not found' }, 404));
  return app;
}
