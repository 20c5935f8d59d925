import type { Hono } from 'hono';
import type { UsageLedger } from '../store/usage-ledger.ts';
import { bad, field, readBody } from './admin-json.ts';

/**
 * SANDBOX-ONLY admin routes for the usage ledger and the daily budget, not Pipedrive behaviour.
 * The ledger has a reset of its own, apart from `/__sandbox/reset`, so a test can measure across
 * resets of the company data.
 */
export function registerUsageAdminRoutes(app: Hono, usage: UsageLedger): void {
  app.get('/__sandbox/usage', (c) => c.json(usage.report()));

  app.post('/__sandbox/usage/reset', (c) => {
    usage.reset();
    return c.json({ ok: true });
  });

  app.get('/__sandbox/usage/budget', (c) => c.json({ ok: true, ...usage.daily() }));

  // Spends today's budget down (or gives it back) to `remaining` tokens, so a test can meet the
  // daily 429 at once without first sending thousands of requests. Midnight UTC refills it.
  app.post('/__sandbox/usage/budget', async (c) => {
    const body = await readBody(c);
    const remaining = body.ok ? field(body.value, 'remaining') : undefined;
    const { limit } = usage.daily();
    if (typeof remaining !== 'number' || !Number.isInteger(remaining) || remaining < 0 || remaining > limit) {
      return bad(c, `body must be {"remaining": a whole number of tokens from 0 to ${limit}}`);
    }
    return c.json({ ok: true, ...usage.setRemaining(remaining) });
  });
}
