import type { Context, Hono } from 'hono';
import type { AuthStore } from './auth-store.ts';
import { type FaultStore, parseFaultRules } from './fault-rules.ts';

export interface FaultAdminDeps {
  auth: AuthStore;
  faults: FaultStore;
}

type Body = { ok: true; value: unknown } | { ok: false };

/** The JSON body; an empty body is `undefined` (some of these routes need none). */
async function readBody(c: Context): Promise<Body> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const bad = (c: Context, error: string) => c.json({ ok: false, error }, 400);

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

const isUserId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

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

  // The next `times` (default 1; 0 switches it off) refresh_token grants answer invalid_grant;
  // with `{ "userId": n }` only that user's.
  app.post('/__sandbox/tokens/fail-refresh', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be empty or {"times": number, "userId"?: number}');
    const times = field(body.value, 'times') ?? 1;
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0) {
      return bad(c, '"times" must be a non-negative integer');
    }
    const userId = field(body.value, 'userId');
    if (userId !== undefined && !isUserId(userId)) return bad(c, '"userId" must be a positive integer');
    deps.auth.failNextRefreshes(times, userId);
    return c.json({ ok: true, pendingFailures: deps.auth.pendingRefreshFailures(userId) });
  });
}
