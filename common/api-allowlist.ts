/**
 * The Pipedrive calls QuickLead makes, as method + path pattern: the app server's proxy forwards
 * only these. Each has its documented token cost in common/documented-costs.ts (checked by
 * its contract test).
 */
export const API_ALLOWLIST: ReadonlyArray<{ method: 'GET' | 'POST'; path: RegExp }> = [
  { method: 'GET', path: /^\/api\/v1\/users\/me$/ },
  { method: 'GET', path: /^\/api\/v1\/users$/ },
  // One colleague by id: the owner an open-lead warning names, when the company's users are not read.
  { method: 'GET', path: /^\/api\/v1\/users\/\d+$/ },
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
  // A lost create's answer, a picked contact's open leads (the leads of a person or organization,
  // newest first) and the rep's recent leads (owner_id); query: those filters, sort, limit, start.
  { method: 'GET', path: /^\/api\/v1\/leads$/ },
  { method: 'GET', path: /^\/api\/v1\/leads\/[0-9a-f-]{36}$/i },
  // The note and the follow-up sent with a lead; each list (query: lead_id) finds one whose
  // create answer was lost, and the activity types fill the follow-up's type.
  { method: 'POST', path: /^\/api\/v1\/notes$/ },
  { method: 'GET', path: /^\/api\/v1\/notes$/ },
  { method: 'GET', path: /^\/api\/v1\/activityTypes$/ },
  { method: 'POST', path: /^\/api\/v2\/activities$/ },
  { method: 'GET', path: /^\/api\/v2\/activities$/ },
  // Convert to deal from the card: start the conversion, then read its status until it ends.
  { method: 'POST', path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/deal$/i },
  { method: 'GET', path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/status\/[0-9a-f-]{36}$/i },
  // A label created inline in the label chips.
  { method: 'POST', path: /^\/api\/v1\/leadLabels$/ },
];

export function isAllowedApiCall(method: string, path: string): boolean {
  return API_ALLOWLIST.some((entry) => entry.method === method && entry.path.test(path));
}
