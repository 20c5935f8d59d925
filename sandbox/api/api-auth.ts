import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { User } from '../company/crm-types.ts';
import type { AccessToken, AuthStore } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { DailyBudget, UsageLedger, WindowState } from '../store/usage-ledger.ts';
import {
  dailyBudgetExceeded,
  noPermission,
  overLimit,
  scopeMismatch,
  unauthorized,
} from './api-responses.ts';

export interface ApiEnv {
  Variables: {
    token: AccessToken;
    user: User;
    usage: UsageLedger;
    /** The window the `x-ratelimit-*` headers report: the burst window, or on search endpoints the search one. */
    rateWindow: WindowState;
  };
}

/** Response headers with the rate-limit state, which the app may read cross-origin. */
export const RATE_LIMIT_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-daily-ratelimit-token-limit',
  'x-daily-ratelimit-token-remaining',
] as const;

function setRateLimitHeaders(headers: Headers, window: WindowState, daily: DailyBudget): void {
  headers.set('x-ratelimit-limit', String(window.limit));
  headers.set('x-ratelimit-remaining', String(window.remaining));
  headers.set('x-ratelimit-reset', String(window.resetSeconds));
  headers.set('x-daily-ratelimit-token-limit', String(daily.limit));
  headers.set('x-daily-ratelimit-token-remaining', String(daily.remaining));
}

/**
 * Authenticates the access token, then applies its burst limit before anything else: Pipedrive
 * counts every authenticated request, whichever endpoint (or none) it reaches. Every answer from
 * here on carries the rate-limit headers, 429s included.
 */
export function bearerAuth(auth: AuthStore, crm: CrmStore, usage: UsageLedger) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) return unauthorized(c, 'unauthorized access');
    const match = /^Bearer +(\S+) *$/i.exec(header);
    if (!match?.[1]) return unauthorized(c, 'Invalid request: malformed authorization header');
    const token = auth.findAccessToken(match[1]);
    const user = token && crm.findUser(token.userId);
    if (!token || !user?.activeFlag) return unauthorized(c, 'Invalid token: access token is invalid');
    c.set('token', token);
    c.set('user', user);
    c.set('usage', usage);
    const burst = usage.admitBurst(token.token);
    c.set('rateWindow', burst.state);
    if (!burst.ok) {
      const refused = overLimit(c, burst.state.resetSeconds);
      setRateLimitHeaders(refused.headers, burst.state, usage.daily());
      return refused;
    }
    await next();
    // After the handler, so the daily figure already includes this request's cost.
    setRateLimitHeaders(c.res.headers, c.get('rateWindow'), usage.daily());
  });
}

/** `/v1/...` is the api.pipedrive.com spelling of `/api/v1/...`; the ledger counts them together. */
function endpointLabel(method: string, path: string): string {
  return `${method} ${path.startsWith('/v1/') ? `/api${path}` : path}`;
}

/** An endpoint that leads scopes open is a leads endpoint, which a permission set can deny. */
const LEADS_SCOPES: readonly string[] = ['leads:read', 'leads:full'];

export interface EndpointOptions {
  scopes: readonly string[];
  cost: number;
  /** One of the search endpoints, which have a limit of their own (10 requests per 2 seconds). */
  search?: boolean;
}

/**
 * Per-endpoint OAuth scopes ("any of", from each operation's `security` in Pipedrive's OpenAPI
 * documents) and the `x-token-cost` Pipedrive charges against the daily budget. A search is first
 * held to the search limit, then every request to the day's budget. Every request let through
 * gets the header and is charged, failed ones too, so the ledger always adds up to the headers
 * sent; a 429 gets neither. The token's scopes are checked next (what the app may do), then the
 * user's permission set (what this user may do).
 */
export function endpoint(options: EndpointOptions) {
  const isLeadsEndpoint = options.scopes.some((scope) => LEADS_SCOPES.includes(scope));
  return createMiddleware<ApiEnv>(async (c, next) => {
    const usage = c.get('usage');
    if (options.search) {
      const search = usage.admitSearch(c.get('token').token);
      c.set('rateWindow', search.state);
      if (!search.ok) return overLimit(c, search.state.resetSeconds);
    }
    const budget = usage.admitCost(options.cost);
    if (!budget.ok) return dailyBudgetExceeded(c, budget.state.resetSeconds);
    c.header('x-token-cost', String(options.cost));
    usage.charge(endpointLabel(c.req.method, routePath(c)), options.cost);
    const granted = c.get('token').scopes;
    if (!options.scopes.some((scope) => granted.includes(scope))) return scopeMismatch(c);
    if (isLeadsEndpoint && !c.get('user').permissions.leads) return noPermission(c);
    await next();
  });
}
