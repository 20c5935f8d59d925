import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { APP_CONFIG_PATH } from '../../common/app-config.ts';
import type { ServerConfig } from '../server-config.ts';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;
type ContentSecurityPolicy = NonNullable<SecureHeadersOptions['contentSecurityPolicy']>;

/**
 * Scripts only from this origin (no inline, no eval). Styles too, apart from the index page's own
 * inline stylesheet, allowed by its hash (`inlineStyles`, see inline-styles.ts). The page may talk
 * to this origin only, unless `spa` mode is offered: then the browser itself also calls the token
 * (and revocation) endpoint and the provider's API origins. `form-action` names the provider's
 * authorize origin because a sign-in started by a form ends in a redirect there. A page the service
 * worker answers offline carries the headers it was first served with, this policy included.
 */
export function contentSecurityPolicy(
  config: ServerConfig,
  inlineStyles: readonly string[] = [],
): ContentSecurityPolicy {
  const { provider } = config;
  const connect = ["'self'"];
  if (config.sessionModes.includes('spa')) {
    connect.push(new URL(provider.tokenEndpoint).origin);
    if (provider.revocationEndpoint) connect.push(new URL(provider.revocationEndpoint).origin);
    connect.push(...provider.apiOrigins);
  }
  const formAction = ["'self'", new URL(provider.authorizationEndpoint).origin];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", ...inlineStyles],
    imgSrc: ["'self'", 'data:'],
    connectSrc: [...new Set(connect)],
    // Named although default-src would cover them: the service worker (/sw.js, whose Workbox runtime
    // it imports from this origin too) and the web app manifest come from here and nowhere else.
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: [...new Set(formAction)],
  };
}

/** Auth answers, API data and the config are per user or per deployment: no cache keeps them. */
export function isNoStorePath(path: string): boolean {
  return path.startsWith('/auth/') || path.startsWith('/api/') || path === APP_CONFIG_PATH;
}

/**
 * The headers every response gets, whatever produced it: Hono's secure headers, with only the ones
 * QuickLead chose switched on. `Cache-Control: no-store` depends on the path, which that middleware
 * cannot express, so it is set here after it.
 */
export function securityHeaders(
  config: ServerConfig,
  inlineStyles: readonly string[] = [],
): MiddlewareHandler {
  const secure = secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy(config, inlineStyles),
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    crossOriginOpenerPolicy: 'same-origin',
    // Browsers ignore HSTS over http, and sending it from a local http server only confuses.
    strictTransportSecurity: config.secure ? 'max-age=31536000; includeSubDomains' : false,
    // The library's other defaults were never chosen; turning one on is a decision of its own
    // (framing, for one, is already forbidden by the CSP's frame-ancestors).
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return async (c, next) => {
    await secure(c, next);
    if (isNoStorePath(c.req.path)) c.res.headers.set('cache-control', 'no-store');
  };
}
