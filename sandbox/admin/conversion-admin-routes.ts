import type { Hono } from 'hono';
import type { Deal } from '../company/deal-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { InjectedEnding } from '../store/lead-conversions.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { bad, field, readBody } from './admin-json.ts';

const ENDINGS: readonly InjectedEnding[] = ['failed', 'rejected'];
const MAX_TIMES = 100;

/** A deal as the admin surface shows it: v2's property names, custom fields under `custom_fields`. */
function dealJson({ customFields, ...deal }: Deal) {
  return { ...deal, custom_fields: customFields };
}

/**
 * SANDBOX-ONLY admin routes for lead-to-deal conversions, not Pipedrive behaviour: making the next
 * conversions end badly, and reading the deals conversions made (the app itself reads no deals).
 */
export function registerConversionAdminRoutes(app: Hono, crm: CrmStore): void {
  app.get('/__sandbox/conversions/fail', (c) =>
    c.json({ ok: true, pending: crm.conversions.pendingFailures() }),
  );

  // `{ "times"?: n (default 1; 0 clears), "ending"?: "failed" (default) | "rejected", "leadId"? }`:
  // the next n conversions asked for (of that lead only, when given) end that way, leaving the
  // lead as it was and making no deal.
  app.post('/__sandbox/conversions/fail', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be empty or {"times"?, "ending"?, "leadId"?}');
    const times = field(body.value, 'times') ?? 1;
    const ending = field(body.value, 'ending') ?? 'failed';
    const leadId = field(body.value, 'leadId');
    if (leadId !== undefined && (typeof leadId !== 'string' || !isGuid(leadId))) {
      return bad(c, '"leadId" must be a lead id (a UUID)');
    }
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 0 || times > MAX_TIMES) {
      return bad(c, `"times" must be an integer from 0 to ${MAX_TIMES}`);
    }
    if (!ENDINGS.includes(ending as InjectedEnding))
      return bad(c, `"ending" must be one of ${ENDINGS.join(', ')}`);
    crm.conversions.failNext(times, ending as InjectedEnding, leadId?.toLowerCase());
    return c.json({ ok: true, pending: crm.conversions.pendingFailures() });
  });

  // Every deal a conversion made, or with `?title=` only those with exactly that title.
  app.get('/__sandbox/deals', (c) => {
    const title = c.req.query('title');
    const deals = crm.listDeals().filter((deal) => title === undefined || deal.title === title);
    return c.json({ ok: true, deals: deals.map(dealJson) });
  });
}
