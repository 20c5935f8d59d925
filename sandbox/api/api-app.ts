import { Hono } from 'hono';
import { countLeadPosts, type LeadPostLog } from '../admin/lead-post-log.ts';
import { appOriginCors } from '../cors-policy.ts';
import {
  FAULT_APPLIED_HEADER,
  FAULT_HEADER,
  faultInjection,
  SandboxConnectionDropped,
} from '../faults/fault-injection.ts';
import type { FaultStore } from '../faults/fault-rules.ts';
import { dealPage } from '../pages/deal-page.ts';
import { leadInboxPage } from '../pages/lead-inbox-page.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { UsageLedger } from '../store/usage-ledger.ts';
import { activityRoutes } from './activity-routes.ts';
import { activityTypeRoutes } from './activity-type-routes.ts';
import { type ApiEnv, bearerAuth, RATE_LIMIT_HEADERS } from './api-auth.ts';
import { apiError } from './api-responses.ts';
import { currencyRoutes } from './currency-routes.ts';
import { dealFieldRoutes } from './deal-field-routes.ts';
import { leadConversionRoutes } from './lead-conversion-routes.ts';
import { leadLabelRoutes } from './lead-label-routes.ts';
import { leadRoutes } from './lead-routes.ts';
import { leadSearchRoutes } from './lead-search-routes.ts';
import { leadSourceRoutes } from './lead-source-routes.ts';
import { noteRoutes } from './note-routes.ts';
import { organizationRoutes } from './organization-routes.ts';
import { personRoutes } from './person-routes.ts';
import { userRoutes } from './user-routes.ts';

export interface ApiAppDeps {
  auth: AuthStore;
  crm: CrmStore;
  usage: UsageLedger;
  appOrigins: readonly string[];
  now: () => number;
  /** Sandbox-only fault rules, applied to every API request (sandbox/faults/fault-injection.ts). */
  faults: FaultStore;
  /** Sandbox-only: every lead create is counted here as it arrives. */
  leadPosts: LeadPostLog;
  /** The sandbox-only `/__sandbox/*` routes with their guard (sandbox/admin/admin-routes.ts). */
  admin: Hono;
}

/** The stand-in for https://{company}.pipedrive.com, the `api_domain` of the token response. */
export function createApiApp(deps: ApiAppDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // API data is per user and changes; nothing in between should keep a copy.
    c.res.headers.set('Cache-Control', 'no-store');
  });
  // Before anything reads a body: a cross-site page must not reset or fault the newcomer's sandbox.
  app.route('/', deps.admin);
  const apiCors = appOriginCors(
    deps.appOrigins,
    ['GET', 'POST', 'PATCH', 'DELETE'],
    ['x-token-cost', ...RATE_LIMIT_HEADERS, 'retry-after', FAULT_APPLIED_HEADER],
    // Sandbox only: lets a browser test send a per-request fault rule cross-origin.
    [FAULT_HEADER],
  );
  app.use('/api/*', apiCors);
  app.use('/v1/*', apiCors);
  // Before faults: a create answered with an injected error still reached "Pipedrive".
  app.use('*', countLeadPosts(deps.leadPosts));
  // After CORS, so an injected error still reaches the page's script with CORS headers.
  app.use('*', faultInjection(deps.faults));

  app.get('/leads/inbox/:id', (c) => leadInboxPage(c, deps.crm));
  app.get('/deal/:id', (c) => dealPage(c, deps.crm));

  const v1 = new Hono<ApiEnv>();
  v1.use('*', bearerAuth(deps.auth, deps.crm, deps.usage));
  v1.route('/users', userRoutes(deps.crm, deps.now));
  v1.route('/leadLabels', leadLabelRoutes(deps.crm, deps.now));
  v1.route('/currencies', currencyRoutes());
  v1.route('/leadSources', leadSourceRoutes());
  v1.route('/dealFields', dealFieldRoutes(deps.crm));
  v1.route('/leads', leadRoutes(deps.crm, deps.now));
  v1.route('/notes', noteRoutes(deps.crm, deps.now));
  v1.route('/activityTypes', activityTypeRoutes(deps.crm));
  // Pipedrive serves v1 at {api_domain}/api/v1 and, on api.pipedrive.com, at /v1.
  app.route('/api/v1', v1);
  app.route('/v1', v1);

  const v2 = new Hono<ApiEnv>();
  v2.use('*', bearerAuth(deps.auth, deps.crm, deps.usage));
  v2.route('/persons', personRoutes(deps.crm, deps.now));
  v2.route('/organizations', organizationRoutes(deps.crm, deps.now));
  v2.route('/leads', leadSearchRoutes(deps.crm));
  v2.route('/activities', activityRoutes(deps.crm, deps.now));
  v2.route('/leads', leadConversionRoutes(deps.crm));
  app.route('/api/v2', v2);

  app.notFound((c) => apiError(c, 404, 'Not found'));
  app.onError((error, c) => {
    // A dropped connection has no answer at all: in-process, app.request() rejects with it.
    if (error instanceof SandboxConnectionDropped) throw error;
    console.error('[sandbox] API error', error);
    return apiError(c, 500, 'Internal server error');
  });
  return app;
}
