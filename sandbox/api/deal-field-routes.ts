import { Hono } from 'hono';
import { dealFieldsJson } from '../company/deal-fields.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { apiError } from './api-responses.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** A non-negative integer query parameter, the fallback when absent, or null when malformed. */
function integerParameter(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** `GET /v1/dealFields`: the company's deal fields for its plan, a page at a time. */
export function dealFieldRoutes(crm: CrmStore): Hono<ApiEnv> {
  const dealFields = new Hono<ApiEnv>();
  dealFields.get(
    '/',
    endpoint({ scopes: ['deals:read', 'deals:full', 'deal-fields:full', 'admin'], cost: 20 }),
    (c) => {
      const start = integerParameter(c.req.query('start'), 0);
      const requested = integerParameter(c.req.query('limit'), DEFAULT_LIMIT);
      // Pipedrive's wording for a malformed paging parameter is not documented; this is a guess.
      if (start === null) return apiError(c, 400, 'Invalid value for parameter "start"');
      if (requested === null || requested === 0)
        return apiError(c, 400, 'Invalid value for parameter "limit"');
      // v1 list endpoints cap the page size rather than refuse a larger one.
      const limit = Math.min(requested, MAX_LIMIT);
      const fields = dealFieldsJson(crm.plan);
      const more = start + limit < fields.length;
      return c.json({
        success: true,
        data: fields.slice(start, start + limit),
        additional_data: {
          pagination: {
            start,
            limit,
            more_items_in_collection: more,
            ...(more ? { next_start: start + limit } : {}),
          },
        },
      });
    },
  );
  return dealFields;
}
