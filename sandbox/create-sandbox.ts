import type { Hono } from 'hono';
import { apiAdminRoutes, oauthAdminRoutes } from './admin/admin-routes.ts';
import { LeadPostLog } from './admin/lead-post-log.ts';
import { createApiApp } from './api/api-app.ts';
import type { SandboxPlan } from './company/sandbox-plan.ts';
import { FaultStore } from './faults/fault-rules.ts';
import { AppLifecycle } from './oauth/app-lifecycle.ts';
import { createOAuthApp } from './oauth/oauth-app.ts';
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  createClients,
  PUBLIC_CLIENT_ID,
} from './oauth/oauth-clients.ts';
import type { PkceMode } from './oauth/pkce.ts';
import { UninstallNotices } from './oauth/uninstall-notices.ts';
import { SearchLag } from './search/search-lag.ts';
import { SANDBOX_PASSWORD } from './seed/seed-company.ts';
import { AppInstalls } from './store/app-installs.ts';
import { AuthStore } from './store/auth-store.ts';
import { CrmStore } from './store/crm-store.ts';
import { LeadConversions } from './store/lead-conversions.ts';
import { UsageLedger } from './store/usage-ledger.ts';

export interface SandboxOptions {
  /** e.g. 'http://127.0.0.1:5181', the stand-in for https://oauth.pipedrive.com */
  oauthOrigin: string;
  /** e.g. 'http://127.0.0.1:5182', the company API origin returned as `api_domain` */
  apiOrigin: string;
  /** QuickLead origins: they get CORS and registered redirect URIs. */
  appOrigins: string[];
  /** Clock in ms, injectable so tests can expire codes and tokens. */
  now?: () => number;
  /**
   * Default 'premium' (visible_to 1, 3, 5, 7; burst 400 per 2 s; 30,000 × 5 tokens a seat a day).
   * 'growth' stands for Lite/Growth/Professional: visible_to 1 and 3, burst 160, × 2 tokens.
   */
  plan?: SandboxPlan;
  /** Default false: like Pipedrive, a refresh returns the same refresh token with a renewed expiry. */
  rotateRefreshTokens?: boolean;
  /** Default 3599 like Pipedrive; shorter lets tests see tokens expire. */
  accessTokenTtlSeconds?: number;
  /**
   * How the confidential client treats PKCE (see sandbox/oauth/pkce.ts): 'accept' (default: tolerated
   * and ignored, as Pipedrive documents no PKCE), 'require' (S256 required and the verifier
   * checked) or 'reject' (an authorization request carrying PKCE is refused). The public client
   * always requires it.
   */
  pkce?: PkceMode;
  /** @deprecated Use `pkce: 'require'`. true means that (and may not contradict `pkce`); false changes nothing. */
  strictPkce?: boolean;
  /**
   * How the sandbox sends the uninstall notice (`DELETE` to the app's callback URL). Absent, an
   * in-process sandbox sends nothing (the call is listed with an error), so unit tests never reach
   * a real app; startSandbox passes the global fetch. Tests pass their own to observe the DELETE.
   */
  fetch?: typeof fetch;
  /**
   * Origins that get CORS answers; default `appOrigins`. `[]` switches CORS off, as real Pipedrive
   * documents none, to prove the `bff` mode needs none.
   */
  corsOrigins?: string[];
  /**
   * Milliseconds before a lead, person or organization created or changed through the API shows
   * in the search endpoints (reads by id and `GET /v1/leads` see it at once), on the `now` clock.
   * Default 0 here, so tests that create then search stay deterministic; sandboxes started from
   * the environment default to 3000 (env-settings.ts), as Pipedrive's index lags.
   */
  searchLagMs?: number;
  /**
   * Milliseconds a lead-to-deal conversion takes on the `now` clock (a third of it `not_started`,
   * the rest `running`, then its ending). Default 0 here, so a test that converts then reads sees
   * the deal at once; sandboxes started from the environment default to 1500 (env-settings.ts).
   */
  conversionMs?: number;
  /**
   * The company's daily token budget; default Pipedrive's 30,000 × plan multiplier × active seats.
   * A tiny one lets a test meet the daily 429 (`POST /__sandbox/usage/budget` spends it at run time).
   */
  dailyBudget?: number;
  /**
   * Default true: the burst, search and daily limits answer 429 as Pipedrive does. False only
   * counts (headers and ledger stay right), for a test that must not care how fast it calls.
   */
  enforceRateLimits?: boolean;
  /**
   * The company starts with a few leads (sandbox/seed/seed-leads.ts): open ones on the contacts
   * tests pick, one owned by the demo account, one archived. Default false here, so an in-process
   * test counts only its own leads; sandboxes started from the environment default to true.
   */
  seedLeads?: boolean;
}

/** Everything the stores hold, for tests that need to set up state without the browser flow. */
export interface SandboxStore {
  auth: AuthStore;
  crm: CrmStore;
  /** Requests and token cost by endpoint, and the counters behind the rate-limit headers. */
  usage: UsageLedger;
  /** Sandbox-only fault rules, set through `/__sandbox/faults` (see sandbox/faults/fault-injection.ts). */
  faults: FaultStore;
  /** Which users installed which client; "Allow and install" adds, an uninstall removes. */
  installs: AppInstalls;
  /** The uninstall DELETEs sent, with the app's answers (`settled()` awaits those in flight). */
  uninstallNotices: UninstallNotices;
}

export interface Sandbox {
  oauthApp: Hono;
  apiApp: Hono;
  store: SandboxStore;
  clients: { confidential: { clientId: string; clientSecret: string }; public: { clientId: string } };
  demoUsers: Array<{ name: string; email: string; password: string }>;
}

function toOrigin(value: string): string {
  return new URL(value).origin;
}

/** `pkce` wins; the old `strictPkce: true` means 'require', and `false` (the old default) says nothing. */
function pkceModeOf(options: SandboxOptions): PkceMode {
  if (options.strictPkce === true && options.pkce !== undefined && options.pkce !== 'require') {
    throw new Error(`strictPkce: true contradicts pkce: '${options.pkce}'`);
  }
  return options.pkce ?? (options.strictPkce ? 'require' : 'accept');
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? Date.now;
  const appOrigins = options.appOrigins.map(toOrigin);
  const apiOrigin = toOrigin(options.apiOrigin);
  const plan = options.plan ?? 'premium';
  const crm = new CrmStore(plan, new SearchLag(now, options.searchLagMs ?? 0), {
    seedLeads: options.seedLeads ?? false,
    now,
    conversions: new LeadConversions(now, options.conversionMs ?? 0),
  });
  const seats = crm.users.filter((user) => user.activeFlag).length;
  const store: SandboxStore = {
    auth: new AuthStore({
      now,
      rotateRefreshTokens: options.rotateRefreshTokens ?? false,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    }),
    crm,
    usage: new UsageLedger(now, plan, seats, {
      dailyBudget: options.dailyBudget,
      enforce: options.enforceRateLimits,
    }),
    faults: new FaultStore(),
    installs: new AppInstalls(now),
    uninstallNotices: new UninstallNotices(options.fetch, now),
  };
  const clients = createClients(appOrigins, { pkce: pkceModeOf(options) });
  const lifecycle = new AppLifecycle(store.installs, store.uninstallNotices, {
    auth: store.auth,
    clients,
    companyId: crm.company.id,
  });
  const corsOrigins = (options.corsOrigins ?? options.appOrigins).map(toOrigin);
  // Counted by the API origin as lead creates arrive, read through `GET /__sandbox/lead-posts`.
  const leadPosts = new LeadPostLog();
  const demoUsers = store.crm.users
    .filter((user) => user.activeFlag)
    .map((user) => ({ name: user.name, email: user.email, password: SANDBOX_PASSWORD }));
  return {
    oauthApp: createOAuthApp({
      auth: store.auth,
      crm: store.crm,
      clients,
      demoAccounts: demoUsers,
      apiOrigin,
      appOrigins: corsOrigins,
      lifecycle,
      admin: oauthAdminRoutes(),
    }),
    apiApp: createApiApp({
      auth: store.auth,
      crm: store.crm,
      usage: store.usage,
      faults: store.faults,
      leadPosts,
      appOrigins: corsOrigins,
      now,
      admin: apiAdminRoutes({ ...store, leadPosts, lifecycle, now }),
    }),
    store,
    clients: {
      confidential: { clientId: CONFIDENTIAL_CLIENT_ID, clientSecret: CONFIDENTIAL_CLIENT_SECRET },
      public: { clientId: PUBLIC_CLIENT_ID },
    },
    demoUsers,
  };
}
