import { Hono } from 'hono';
import { type ApiEnv, bearerAuth } from './api-auth.ts';
import { registerLeadRoutes } from './api-lead-routes.ts';
import { apiError } from './api-responses.ts';
import { registerSearchRoutes } from './api-search-routes.ts';
import { registerUserRoutes } from './api-user-routes.ts';
import type { AuthStore } from './auth-store.ts';
import { appOriginCors } from './cors-policy.ts';
import type { CrmStore } from './crm-store.ts';
import { leadInboxPage } from './lead-inbox-page.ts';

export interface ApiAppDeps {
  auth: AuthStore;
  crm: CrmStore;
  appOrigins: readonly string[];
  now: () => number;
}

/** The stand-in for https://{company}.pipedrive.com, the `api_domain` of the token response. */
export function createApiApp(deps: ApiAppDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // API data is per user and changes; nothing in between should keep a copy.
    c.res.headers.set('Cache-Control', 'no-store');
  });
  const apiCors = appOriginCors(deps.appOrigins, ['GET', 'POST', 'PATCH', 'DELETE'], ['x-token-cost']);
  app.use('/api/*', apiCors);
  app.use('/v1/*', apiCors);

  app.get('/__sandbox/health', (c) => c.json({ ok: true }));
  app.post('/__sandbox/reset', (c) => {
    deps.crm.reset();
    return c.json({ ok: true });
  });
  app.get('/leads/inbox/:id', (c) => leadInboxPage(c, deps.crm));

  const v1 = new Hono<ApiEnv>();
  v1.use('*', bearerAuth(deps.auth, deps.crm));
  registerUserRoutes(v1, deps.crm, deps.now);
  registerLeadRoutes(v1, deps.crm, deps.now);
  // Pipedrive serves v1 at {api_domain}/api/v1 and, on api.pipedrive.com, at /v1.
  app.route('/api/v1', v1);
  app.route('/v1', v1);

  const v2 = new Hono<ApiEnv>();
  v2.use('*', bearerAuth(deps.auth, deps.crm));
  registerSearchRoutes(v2, deps.crm);
  app.route('/api/v2', v2);

  app.notFound((c) => apiError(c, 404, 'Not found'));
  app.onError((error, c) => {
    console.error('[sandbox] API error', error);
    return apiError(c, 500, 'Internal server error');
  });
  return app;
}
