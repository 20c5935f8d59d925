/**
 * The Pipedrive calls QuickLead makes, as method + path pattern: the app server's proxy forwards
 * only these. Each has its documented token cost in common/documented-costs.ts (checked by
 * its contract test).
 */
export const API_ALLOWLIST: ReadonlyArray<{ method: 'GET' | 'POST'; path: RegExp }> = [
  { method: 'GET', path: /^\/api\/v1\/users\/me$/ },
  { method: 'GET', path: /^\/api\/v1\/users$/ },
  { method: 'GET', path: /^\/api\/v1\/leadLabels$/ },
  { method: 'GET', path: /^\/api\/v1\/currencies$/ },
  { method: 'GET', path: /^\/api\/v1\/dealFields$/ },
  { method: 'GET', path: /^\/api\/v1\/leadSources$/ },
  { method: 'GET', path: /^\/api\/v2\/persons\/search$/ },
  { method: 'GET', path: /^\/api\/v2\/organizations\/search$/ },
  // The app no longer reads it (a lost create is looked for with GET /api/v1/leads, which does not
  // lag like the search index); kept while the end-to-end tests count stored leads through it.
  { method: 'GET', path: /^\/api\/v2\/leads\/search$/ },
  { method: 'POST', path: /^\/api\/v2\/persons$/ },
  { method: 'POST', path: /^\/api\/v2\/organizations$/ },
  { method: 'POST', path: /^\/api\/v1\/leads$/ },
  // A lost create's answer: the leads of the person or organization it was sent with, newest first
  // (query: person_id or organization_id, sort, limit, start).
  { method: 'GET', path: /^\/api\/v1\/leads$/ },
  { method: 'GET', path: /^\/api\/v1\/leads\/[0-9a-f-]{36}$/i },
  // Convert to deal from the card: start the conversion, then read its status until it ends.
  { method: 'POST', path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/deal$/i },
  { method: 'GET', path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/status\/[0-9a-f-]{36}$/i },
  // A label created inline in the label chips.
  { method: 'POST', path: /^\/api\/v1\/leadLabels$/ },
];

export function isAllowedApiCall(method: string, path: string): boolean {
  return API_ALLOWLIST.some((entry) => entry.method === method && entry.path.test(path));
}
