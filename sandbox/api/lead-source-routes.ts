import { Hono } from 'hono';
import { type ApiEnv, endpoint } from './api-auth.ts';

/** Fixed by Pipedrive, and not settable through the API; API-created leads always get `API`. */
export const LEAD_SOURCES: readonly string[] = [
  'Manually created',
  'Deal',
  'Web forms',
  'Prospector',
  'Leadbooster',
  'Live chat',
  'Import',
  'Website visitors',
  'Workflow automation',
  'API',
];

/** `GET /v1/leadSources`: the sources a lead can come from. */
export function leadSourceRoutes(): Hono<ApiEnv> {
  const leadSources = new Hono<ApiEnv>();
  leadSources.get('/', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 2 }), (c) =>
    c.json({ success: true, data: LEAD_SOURCES.map((name) => ({ name })) }),
  );
  return leadSources;
}
