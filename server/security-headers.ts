import type { MiddlewareHandler } from 'hono';
import { APP_CONFIG_PATH } from '../src/config/app-config.ts';
import type { ServerConfig } from './server-config.ts';

/**
 * SEC-CSP-01: scripts only from this origin (no inline, no eval). The page may talk to this
 * origin only, unless `spa` mode is offered: then the browser itself also calls the token (and
 * revocation) endpoint and the provider's API origins. `form-action` names the provider's
 * authorize origin because a sign-in started by a form ends in a redirect there.
 */
export function contentSecurityPolicy(config: ServerConfig): string {
  const { provider } = config;
  const connect = ["'self'"];
  if (config.sessionModes.includes('spa')) {
    connect.push(new URL(provider.tokenEndpoint).origin);
    if (provider.revocationEndpoint) connect.push(new URL(provider.revocationEndpoint).origin);
    connect.push(...provider.apiOrigins);
  }
  const formAction = ["'self'", new URL(provider.authorizationEndpoint).origin];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    `form-action ${[...new Set(formAction)].join(' ')}`,
  ].join('; ');
}

/** The headers every response gets (SEC-HDR-01), whatever produced it. */
export function securityHeaderValues(config: ServerConfig): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(config),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    // Browsers ignore HSTS over http, and sending it from a local http server only confuses.
    ...(config.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Auth answers, API data and the config are per user or per deployment: no cache keeps them (SEC-DATA-01). */
export function isNoStorePath(path: string): boolean {
  return path.startsWith('/auth/') || path.startsWith('/api/') || path === APP_CONFIG_PATH;
}

export function securityHeaders(config: ServerConfig): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues(config));
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of values) headers.set(name, value);
    if (isNoStorePath(c.req.path)) headers.set('cache-control', 'no-store');
  };
}
