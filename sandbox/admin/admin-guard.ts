import type { MiddlewareHandler } from 'hono';

/**
 * The header every state-changing `/__sandbox/*` request must carry. A page the newcomer visits
 * can send a form or a no-cors fetch to their sandbox on 127.0.0.1, but not with a custom header:
 * that needs a CORS preflight, which the sandbox never grants for its admin routes. So a reset, a
 * fault or a spent budget can only come from a local tool (tests, bench scripts, curl).
 *
 * Chosen over checking `Origin` / `Sec-Fetch-Site` because it holds whatever a browser sends or
 * leaves out (an `Origin: null`, a browser without fetch metadata) and rests on one rule only,
 * the preflight.
 */
export const SANDBOX_ADMIN_HEADER = 'x-sandbox-admin';
export const SANDBOX_ADMIN_HEADERS = { [SANDBOX_ADMIN_HEADER]: '1' } as const;

/** Reads (GET, HEAD) change nothing, and without CORS no other origin can read their answers. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function adminGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header(SANDBOX_ADMIN_HEADER) === '1') return next();
    return c.json(
      {
        ok: false,
        error: `Sandbox admin requests that change something must carry the header "${SANDBOX_ADMIN_HEADER}: 1".`,
      },
      403,
    );
  };
}
