import { Hono } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';

/** `GET /v1/leadLabels`: the company's lead labels. */
export function leadLabelRoutes(crm: CrmStore): Hono<ApiEnv> {
  const leadLabels = new Hono<ApiEnv>();
  leadLabels.get('/', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 10 }), (c) =>
    c.json({
      success: true,
      data: crm.leadLabels.map((label) => ({
        id: label.id,
        name: label.name,
        color: label.color,
        add_time: label.addTime,
        update_time: label.addTime,
      })),
    }),
  );
  return leadLabels;
}
