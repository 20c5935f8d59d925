import { createMiddleware } from 'hono/factory';
import { scopeMismatch, unauthorized } from './api-responses.ts';
import type { AccessToken, AuthStore } from './auth-store.ts';
import type { CrmStore } from './crm-store.ts';
import type { User } from './crm-types.ts';

export interface ApiEnv {
  Variables: { token: AccessToken; user: User };
}

export function bearerAuth(auth: AuthStore, crm: CrmStore) {
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
    await next();
  });
}

/**
 * Per-endpoint OAuth scopes ("any of", from each operation's `security` in Pipedrive's OpenAPI
 * documents) and the `x-token-cost` Pipedrive charges against the daily budget.
 */
export function endpoint(options: { scopes: readonly string[]; cost: number }) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    c.header('x-token-cost', String(options.cost));
    const granted = c.get('token').scopes;
    if (!options.scopes.some((scope) => granted.includes(scope))) return scopeMismatch(c);
    await next();
  });
}
