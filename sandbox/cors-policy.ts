import { cors } from 'hono/cors';

/**
 * CORS only for the configured QuickLead origins; any other origin gets no
 * Access-Control-Allow-Origin and the browser blocks it. Real Pipedrive documents no CORS at all:
 * this is a sandbox convenience for the browser-only `spa` mode.
 */
export function appOriginCors(
  appOrigins: readonly string[],
  allowMethods: string[],
  exposeHeaders: string[] = [],
  extraAllowHeaders: string[] = [],
) {
  const allowed = new Set(appOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods,
    allowHeaders: ['authorization', 'content-type', 'dpop', 'accept', ...extraAllowHeaders],
    exposeHeaders,
    maxAge: 600,
  });
}
