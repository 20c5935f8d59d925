import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { noPermission, scopeMismatch, unauthorized } from './api-responses.ts';
import type { AccessToken, AuthStore } from './auth-store.ts';
import type { CrmStore } from './crm-store.ts';
import type { User } from './crm-types.ts';
import type { UsageLedger } from './usage-ledger.ts';

export interface ApiEnv {
  Variables: { token: AccessToken; user: User; usage: UsageLedger };
}

/** Response headers with the rate-limit state, which the app may read cross-origin. */
export const RATE_LIMIT_HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-daily-ratelimit-token-limit',
  'x-daily-ratelimit-token-remaining',
] as const;

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
    const burst = usage.hit(token.token);
    await next();
    // After the handler, so the daily figure already includes this request's cost.
    const daily = usage.daily();
    const headers = c.res.headers;
    headers.set('x-ratelimit-limit', String(burst.limit));
    headers.set('x-ratelimit-remaining', String(burst.remaining));
    headers.set('x-ratelimit-reset', String(burst.resetSeconds));
    headers.set('x-daily-ratelimit-token-limit', String(daily.limit));
    headers.set('x-daily-ratelimit-token-remaining', String(daily.remaining));
  });
}

/** `/v1/...` is the api.pipedrive.com spelling of `/api/v1/...`; the ledger counts them together. */
function endpointLabel(method: string, path: string): string {
  return `${method} ${path.startsWith('/v1/') ? `/api${path}` : path}`;
}

/** An endpoint that leads scopes open is a leads endpoint, which a permission set can deny. */
const LEADS_SCOPES: readonly string[] = ['leads:read', 'leads:full'];

/**
 * Per-endpoint OAuth scopes ("any of", from each operation's `security` in Pipedrive's OpenAPI
 * documents) and the `x-token-cost` Pipedrive charges against the daily budget. Every request that
 * gets the header is charged, failed ones too, so the ledger always adds up to the headers sent.
 * The token's scopes are checked first (what the app may do), then the user's permission set
 * (what this user may do).
 */
export function endpoint(options: { scopes: readonly string[]; cost: number }) {
  const isLeadsEndpoint = options.scopes.some((scope) => LEADS_SCOPES.includes(scope));
  return createMiddleware<ApiEnv>(async (c, next) => {
    c.header('x-token-cost', String(options.cost));
    c.get('usage').charge(endpointLabel(c.req.method, routePath(c)), options.cost);
    const granted = c.get('token').scopes;
    if (!options.scopes.some((scope) => granted.includes(scope))) return scopeMismatch(c);
    if (isLeadsEndpoint && !c.get('user').permissions.leads) return noPermission(c);
    await next();
  });
}
