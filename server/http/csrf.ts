import type { MiddlewareHandler } from 'hono';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../common/bff-contract.ts';

/**
 * Lets a request through only with QuickLead's CSRF header, which only the app's own page sends.
 * A cross-site form, image or link cannot set a custom header, and a cross-site fetch that sets one
 * needs a CORS preflight, which this server never grants. Refused: 403 `forbidden`, `errorInfo`
 * saying what the route expected.
 */
export function requireCsrfHeader(errorInfo: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header(CSRF_HEADER) !== CSRF_HEADER_VALUE) {
      return c.json({ success: false, error: 'forbidden', error_info: errorInfo }, 403);
    }
    await next();
  };
}
