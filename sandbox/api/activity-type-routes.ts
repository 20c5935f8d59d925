import { Hono } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';

/**
 * `GET /v1/activityTypes` [spec v1 `getActivityTypes`]: every type of the company, deleted ones
 * included (inactive), in the shape of the spec's example.
 */
export function activityTypeRoutes(crm: CrmStore): Hono<ApiEnv> {
  const types = new Hono<ApiEnv>();
  types.get('/', endpoint({ scopes: ['activities:read', 'activities:full', 'admin'], cost: 20 }), (c) =>
    c.json({
      success: true,
      data: crm.activityTypes.map((type) => ({
        id: type.id,
        order_nr: type.orderNr,
        name: type.name,
        key_string: type.keyString,
        icon_key: type.iconKey,
        active_flag: type.activeFlag,
        color: type.color,
        is_custom_flag: type.isCustomFlag,
        add_time: type.addTime,
        update_time: type.updateTime,
      })),
    }),
  );
  return types;
}
