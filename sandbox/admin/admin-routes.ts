import { Hono } from 'hono';
import type { FaultStore } from '../faults/fault-rules.ts';
import type { AppLifecycle } from '../oauth/app-lifecycle.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { UsageLedger } from '../store/usage-ledger.ts';
import { adminGuard } from './admin-guard.ts';
import { registerConversionAdminRoutes } from './conversion-admin-routes.ts';
import { registerFaultAdminRoutes } from './fault-admin-routes.ts';
import { registerInstallAdminRoutes } from './install-admin-routes.ts';
import type { LeadPostLog } from './lead-post-log.ts';
import { registerUsageAdminRoutes } from './usage-admin-routes.ts';
import { registerUserAdminRoutes } from './user-admin-routes.ts';

/*
 * SANDBOX-ONLY: every `/__sandbox/*` route, not Pipedrive behaviour. sandbox/create-sandbox.ts
 * hands each origin its router, which the origin mounts before anything that reads a body, so the
 * admin guard refuses a cross-site page before a reset, a fault or a spent budget can happen.
 */

export interface ApiAdminDeps {
  auth: AuthStore;
  crm: CrmStore;
  usage: UsageLedger;
  faults: FaultStore;
  leadPosts: LeadPostLog;
  /** Installs and uninstall notices, shared with the OAuth origin. */
  lifecycle: AppLifecycle;
  now: () => number;
}

/**
 * The API origin's admin surface: health, reset, faults, installs, users, lead posts, archiving,
 * usage, and conversions and their deals.
 */
export function apiAdminRoutes(deps: ApiAdminDeps): Hono {
  const admin = new Hono();
  admin.use('/__sandbox/*', adminGuard());
  admin.get('/__sandbox/health', (c) => c.json({ ok: true }));
  // Resets company data and faults; the usage ledger has its own reset so a test can measure across resets.
  admin.post('/__sandbox/reset', (c) => {
    deps.crm.reset();
    deps.faults.clear();
    deps.auth.failNextRefreshes(0);
    deps.leadPosts.reset();
    return c.json({ ok: true });
  });
  registerFaultAdminRoutes(admin, { auth: deps.auth, faults: deps.faults });
  registerInstallAdminRoutes(admin, deps.lifecycle);
  registerUserAdminRoutes(admin, deps.crm);
  // How many `POST /v1/leads` arrived with this exact title, whatever they were answered.
  admin.get('/__sandbox/lead-posts', (c) => {
    const title = c.req.query('title');
    if (title === undefined) return c.json({ ok: false, error: 'query must have ?title=' }, 400);
    return c.json({ ok: true, title, count: deps.leadPosts.count(title) });
  });
  // A rep archives a lead in Pipedrive: the lists move it from `GET /v1/leads` to `/leads/archived`.
  admin.post('/__sandbox/leads/:id/archive', (c) =>
    deps.crm.archiveLead(c.req.param('id').toLowerCase(), deps.now())
      ? c.json({ ok: true })
      : c.json({ ok: false, error: 'no such lead' }, 404),
  );
  registerUsageAdminRoutes(admin, deps.usage);
  registerConversionAdminRoutes(admin, deps.crm);
  return admin;
}

/** The OAuth origin's admin surface: a health check, behind the same guard. */
export function oauthAdminRoutes(): Hono {
  const admin = new Hono();
  admin.use('/__sandbox/*', adminGuard());
  admin.get('/__sandbox/health', (c) => c.json({ ok: true }));
  return admin;
}
