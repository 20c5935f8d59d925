/**
 * The Pipedrive OAuth scopes QuickLead needs, each with the calls it opens. Pipedrive fixes scopes
 * per app in Developer Hub and a token keeps those granted at install, so a token can lack one the
 * app asks for today. DOM-free: the app server may import it too.
 */

/** A Pipedrive call QuickLead makes, and what a refusal of it means in plain words. */
export interface ScopedEndpoint {
  method: 'GET' | 'POST';
  path: RegExp;
  /** Granted scopes that each open the call: its `security` in Pipedrive's OpenAPI documents. */
  anyOf: readonly string[];
  /** After "Your Pipedrive user is not allowed to …": what a permission set refused. */
  action: string;
  /** After "… give your permission set access to …". */
  area: string;
}

export interface ScopeNeed {
  /** The scope to add to the app in Developer Hub. */
  scope: string;
  /** The scope in plain words. */
  title: string;
  /** After "needed": what QuickLead does with it. */
  purpose: string;
  /**
   * A scope QuickLead asks for but can do without: the form opens without it, and only what needs
   * it says which permission is missing (a token from an install made before the app asked for it).
   */
  optional?: true;
  endpoints: readonly ScopedEndpoint[];
}

const LEADS_READ = ['leads:read', 'leads:full'];
const CONTACTS_READ = ['contacts:read', 'contacts:full', 'search:read'];

/**
 * README "Connect your Pipedrive app": base, leads:full, contacts:full, users:read, deals:read, and
 * activities:full, which only the follow-up needs.
 */
export const REQUIRED_SCOPES: readonly ScopeNeed[] = [
  {
    scope: 'base',
    title: 'Basic access',
    purpose: 'to know who you are, your company and its currencies',
    endpoints: [
      {
        method: 'GET',
        path: /^\/api\/v1\/users\/me$/,
        anyOf: ['base'],
        action: 'see your own user',
        area: 'your user',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/currencies$/,
        anyOf: ['base'],
        action: 'see currencies',
        area: 'currencies',
      },
    ],
  },
  {
    scope: 'leads:full',
    title: 'Create and read leads',
    purpose: 'to create leads and their labels, show the lead you created and convert it to a deal',
    endpoints: [
      {
        method: 'POST',
        path: /^\/api\/v1\/leads$/,
        anyOf: ['leads:full'],
        action: 'add leads',
        area: 'leads',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/leadLabels$/,
        anyOf: LEADS_READ,
        action: 'see leads',
        area: 'leads',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/leadSources$/,
        anyOf: LEADS_READ,
        action: 'see leads',
        area: 'leads',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/leads$/,
        anyOf: LEADS_READ,
        action: 'see leads',
        area: 'leads',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/leads\/[^/]+$/,
        anyOf: LEADS_READ,
        action: 'see leads',
        area: 'leads',
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/leads\/search$/,
        anyOf: [...LEADS_READ, 'search:read'],
        action: 'search leads',
        area: 'leads',
      },
      {
        method: 'POST',
        path: /^\/api\/v1\/leadLabels$/,
        anyOf: ['leads:full'],
        action: 'add lead labels',
        area: 'leads',
      },
      {
        method: 'POST',
        path: /^\/api\/v2\/leads\/[^/]+\/convert\/deal$/,
        anyOf: ['leads:full'],
        action: 'convert leads to deals',
        area: 'leads and deals',
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/leads\/[^/]+\/convert\/status\/[^/]+$/,
        anyOf: LEADS_READ,
        action: 'see leads',
        area: 'leads',
      },
    ],
  },
  {
    scope: 'contacts:full',
    title: 'Create and read people and organizations',
    purpose: 'to find the person or organization of a lead, to add new ones, and to add a note to a lead',
    endpoints: [
      {
        method: 'GET',
        path: /^\/api\/v2\/persons\/search$/,
        anyOf: CONTACTS_READ,
        action: 'search people',
        area: 'people',
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/organizations\/search$/,
        anyOf: CONTACTS_READ,
        action: 'search organizations',
        area: 'organizations',
      },
      {
        method: 'POST',
        path: /^\/api\/v2\/persons$/,
        anyOf: ['contacts:full'],
        action: 'add people',
        area: 'people',
      },
      {
        method: 'POST',
        path: /^\/api\/v2\/organizations$/,
        anyOf: ['contacts:full'],
        action: 'add organizations',
        area: 'organizations',
      },
      // Notes on leads take contacts:full or deals:full to add, and either's read scope to list.
      {
        method: 'POST',
        path: /^\/api\/v1\/notes$/,
        anyOf: ['deals:full', 'contacts:full'],
        action: 'add notes',
        area: 'notes',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/notes$/,
        anyOf: ['deals:read', 'deals:full', 'contacts:read', 'contacts:full'],
        action: 'see notes',
        area: 'notes',
      },
    ],
  },
  {
    scope: 'users:read',
    title: 'Read users',
    purpose: 'to choose a lead’s owner',
    endpoints: [
      {
        method: 'GET',
        path: /^\/api\/v1\/users$/,
        anyOf: ['users:read'],
        action: 'see your company’s users',
        area: 'users',
      },
      {
        method: 'GET',
        path: /^\/api\/v1\/users\/\d+$/,
        anyOf: ['users:read'],
        action: 'see your company’s users',
        area: 'users',
      },
    ],
  },
  {
    scope: 'deals:read',
    title: 'Read deals',
    purpose: 'to load your company’s custom fields, which leads share with deals',
    endpoints: [
      {
        method: 'GET',
        path: /^\/api\/v1\/dealFields$/,
        anyOf: ['deals:read', 'deals:full', 'deal-fields:full', 'admin'],
        action: 'see deal fields',
        area: 'deals',
      },
    ],
  },
  {
    scope: 'activities:full',
    title: 'Schedule activities',
    purpose: 'to schedule a follow-up with a lead (leads and notes are created without it)',
    optional: true,
    endpoints: [
      {
        method: 'GET',
        path: /^\/api\/v1\/activityTypes$/,
        anyOf: ['activities:read', 'activities:full', 'admin'],
        action: 'see activity types',
        area: 'activities',
      },
      {
        method: 'POST',
        path: /^\/api\/v2\/activities$/,
        anyOf: ['activities:full'],
        action: 'add activities',
        area: 'activities',
      },
      {
        method: 'GET',
        path: /^\/api\/v2\/activities$/,
        anyOf: ['activities:read', 'activities:full'],
        action: 'see activities',
        area: 'activities',
      },
    ],
  },
];

/**
 * The needs the granted scopes leave unmet, optional ones left out: without those the form still
 * opens. A need is met when every call it lists is opened by one of the granted scopes
 * (`leads:full` opens the calls that also accept `leads:read`).
 */
export function missingScopes(granted: readonly string[]): ScopeNeed[] {
  return REQUIRED_SCOPES.filter(
    (need) =>
      !need.optional &&
      need.endpoints.some((endpoint) => !endpoint.anyOf.some((scope) => granted.includes(scope))),
  );
}

/** The call and the need it belongs to, for a request path (without query) QuickLead sends. */
export function endpointOf(
  method: string,
  path: string,
): { need: ScopeNeed; endpoint: ScopedEndpoint } | undefined {
  for (const need of REQUIRED_SCOPES) {
    const endpoint = need.endpoints.find((entry) => entry.method === method && entry.path.test(path));
    if (endpoint) return { need, endpoint };
  }
  return undefined;
}
