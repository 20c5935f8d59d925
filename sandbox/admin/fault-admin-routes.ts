import type { Hono } from 'hono';
import { type FaultStore, parseFaultRules } from '../faults/fault-rules.ts';
import { parseRefreshFault } from '../faults/refresh-faults.ts';
import type { AuthStore } from '../store/auth-store.ts';
import { bad, field, isUserId, readBody } from './admin-json.ts';

export interface FaultAdminDeps {
  auth: AuthStore;
  faults: FaultStore;
}

/**
 * SANDBOX-ONLY admin routes for fault injection, not Pipedrive behaviour. On the API origin; the
 * token faults act on the AuthStore the OAuth origin shares.
 */
export function registerFaultAdminRoutes(app: Hono, deps: FaultAdminDeps): void {
  app.get('/__sandbox/faults', (c) => c.json({ ok: true, rules: deps.faults.list() }));

  // Adds to the active rules (tests that add their own do not undo each other's); DELETE clears.
  app.post('/__sandbox/faults', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be JSON: a list of fault rules');
    const parsed = parseFaultRules(body.value);
    if (!parsed.ok) return bad(c, parsed.error);
    deps.faults.add(parsed.value);
    return c.json({ ok: true, rules: deps.faults.list() });
  });

  app.delete('/__sandbox/faults', (c) => {
    deps.faults.clear();
    return c.json({ ok: true, rules: [] });
  });

  // Every live access token expires now, or `{ "userId": n }`'s only; refresh tokens stay valid.
  app.post('/__sandbox/tokens/expire', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be empty or {"userId": number}');
    const userId = field(body.value, 'userId');
    if (userId !== undefined && !isUserId(userId)) return bad(c, '"userId" must be a positive integer');
    return c.json({ ok: true, expired: deps.auth.expireAccessTokens(userId) });
  });

  // The next `times` (default 1; 0 switches it off) refresh_token grants fail as `kind` says
  // (default invalid_grant; see sandbox/faults/refresh-faults.ts for the kinds); with
  // `{ "userId": n }` only that user's.
  app.post('/__sandbox/tokens/fail-refresh', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be empty or {"times"?, "userId"?, "kind"?, ...}');
    const parsed = parseRefreshFault(body.value);
    if (!parsed.ok) return bad(c, parsed.error);
    const { times, userId, fault } = parsed.value;
    deps.auth.failNextRefreshes(times, userId, fault);
    return c.json({ ok: true, pendingFailures: deps.auth.pendingRefreshFailures(userId), fault });
  });
}
