/**
 * What each call QuickLead makes costs the company's daily API budget, as Pipedrive documents it
 * (`x-token-cost` of the operation in its OpenAPI documents). Real Pipedrive sends no
 * cost header, so the inspector and the bench read this table; `documented-costs.contract.test.ts`
 * checks it against the documents for every allowlisted call. Keyed like the allowlist (method +
 * path pattern), DOM-free so scripts can import it.
 */
export interface DocumentedCost {
  method: 'GET' | 'POST';
  /** The same pattern as the call's entry in API_ALLOWLIST. */
  path: RegExp;
  /** Where the cost is documented: the OpenAPI document and the operation's path in it. */
  documented: { spec: 'v1' | 'v2'; path: string };
  /** Tokens taken from the company's daily budget per call. */
  cost: number;
}

export const DOCUMENTED_COSTS: readonly DocumentedCost[] = [
  { method: 'GET', path: /^\/api\/v1\/users\/me$/, documented: { spec: 'v1', path: '/users/me' }, cost: 2 },
  { method: 'GET', path: /^\/api\/v1\/users$/, documented: { spec: 'v1', path: '/users' }, cost: 20 },
  {
    method: 'GET',
    path: /^\/api\/v1\/users\/\d+$/,
    documented: { spec: 'v1', path: '/users/{id}' },
    cost: 2,
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/leadLabels$/,
    documented: { spec: 'v1', path: '/leadLabels' },
    cost: 10,
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/currencies$/,
    documented: { spec: 'v1', path: '/currencies' },
    cost: 20,
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/dealFields$/,
    documented: { spec: 'v1', path: '/dealFields' },
    cost: 20,
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/leadSources$/,
    documented: { spec: 'v1', path: '/leadSources' },
    cost: 2,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/persons\/search$/,
    documented: { spec: 'v2', path: '/persons/search' },
    cost: 20,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/organizations\/search$/,
    documented: { spec: 'v2', path: '/organizations/search' },
    cost: 20,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/leads\/search$/,
    documented: { spec: 'v2', path: '/leads/search' },
    cost: 20,
  },
  { method: 'POST', path: /^\/api\/v2\/persons$/, documented: { spec: 'v2', path: '/persons' }, cost: 5 },
  {
    method: 'POST',
    path: /^\/api\/v2\/organizations$/,
    documented: { spec: 'v2', path: '/organizations' },
    cost: 5,
  },
  { method: 'POST', path: /^\/api\/v1\/leads$/, documented: { spec: 'v1', path: '/leads' }, cost: 10 },
  { method: 'GET', path: /^\/api\/v1\/leads$/, documented: { spec: 'v1', path: '/leads' }, cost: 20 },
  {
    method: 'GET',
    path: /^\/api\/v1\/leads\/[0-9a-f-]{36}$/i,
    documented: { spec: 'v1', path: '/leads/{id}' },
    cost: 2,
  },
  { method: 'POST', path: /^\/api\/v1\/notes$/, documented: { spec: 'v1', path: '/notes' }, cost: 10 },
  { method: 'GET', path: /^\/api\/v1\/notes$/, documented: { spec: 'v1', path: '/notes' }, cost: 20 },
  {
    method: 'GET',
    path: /^\/api\/v1\/activityTypes$/,
    documented: { spec: 'v1', path: '/activityTypes' },
    cost: 20,
  },
  {
    method: 'POST',
    path: /^\/api\/v2\/activities$/,
    documented: { spec: 'v2', path: '/activities' },
    cost: 5,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/activities$/,
    documented: { spec: 'v2', path: '/activities' },
    cost: 10,
  },
  {
    method: 'POST',
    path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/deal$/i,
    documented: { spec: 'v2', path: '/leads/{id}/convert/deal' },
    cost: 40,
  },
  {
    method: 'GET',
    path: /^\/api\/v2\/leads\/[0-9a-f-]{36}\/convert\/status\/[0-9a-f-]{36}$/i,
    documented: { spec: 'v2', path: '/leads/{id}/convert/status/{conversion_id}' },
    cost: 1,
  },
  {
    method: 'POST',
    path: /^\/api\/v1\/leadLabels$/,
    documented: { spec: 'v1', path: '/leadLabels' },
    cost: 10,
  },
];

/** The documented cost of a call (path without query, e.g. `/api/v1/leads`), if QuickLead makes it. */
export function documentedCostOf(method: string, path: string): number | undefined {
  return DOCUMENTED_COSTS.find((entry) => entry.method === method && entry.path.test(path))?.cost;
}
