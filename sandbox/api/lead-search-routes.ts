import { type Context, Hono } from 'hono';
import type { SearchQuery } from '../search/search-index.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { type LeadHit, matchingCustomValues } from '../store/lead-set.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { v2ValidationError } from './api-responses.ts';
import { page, parseSearch } from './search-page.ts';

const LEAD_SEARCH_SCOPES = ['leads:read', 'leads:full', 'search:read'];
const LEAD_SEARCH_FIELDS = ['custom_fields', 'notes', 'title'];
const INCLUDABLE_FIELDS = ['lead.was_seen'];

type IdFilter = { ok: true; id: number | null } | { ok: false; response: Response };

function idFilter(c: Context, name: string): IdFilter {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return { ok: true, id: null };
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) {
    return { ok: false, response: v2ValidationError(c, name, 'Must be a positive integer') };
  }
  return { ok: true, id };
}

/**
 * One item as the spec's `LeadSearchItem`. Best guesses where the spec is silent: `phones` and
 * `emails` are the linked person's (the example shows an email on a lead with a person), `person`
 * and `organization` are null when the lead has none, and `value`/`currency` are null without a value.
 */
function leadItem(hit: LeadHit, crm: CrmStore, query: SearchQuery, includeWasSeen: boolean) {
  const { lead } = hit;
  const person = lead.person_id === null ? undefined : crm.findPerson(lead.person_id);
  const org = lead.organization_id === null ? undefined : crm.findOrganization(lead.organization_id);
  return {
    id: lead.id,
    type: 'lead',
    title: lead.title,
    owner: { id: lead.owner_id },
    person: person ? { id: person.id, name: person.name } : null,
    organization: org ? { id: org.id, name: org.name } : null,
    phones: person ? [...person.phones] : [],
    emails: person ? [...person.emails] : [],
    custom_fields: query.fields.includes('custom_fields')
      ? matchingCustomValues(hit.customFields, query)
      : [],
    notes: [],
    value: lead.value?.amount ?? null,
    currency: lead.value?.currency ?? null,
    // v1 leads carry visible_to as a string; the v2 search item has it as an integer.
    visible_to: Number(lead.visible_to),
    is_archived: lead.is_archived,
    ...(includeWasSeen ? { was_seen: lead.was_seen } : {}),
  };
}

/**
 * `GET /api/v2/leads/search` [spec v2 `searchLeads`]: title, notes and custom fields; cost 20.
 * Mounted at `/leads` on v2; the other lead endpoints are on v1 (lead-routes.ts).
 */
export function leadSearchRoutes(crm: CrmStore): Hono<ApiEnv> {
  const leads = new Hono<ApiEnv>();
  leads.get('/search', endpoint({ scopes: LEAD_SEARCH_SCOPES, cost: 20, search: true }), (c) => {
    const parsed = parseSearch(c, LEAD_SEARCH_FIELDS);
    if (!parsed.ok) return v2ValidationError(c, parsed.parameter, parsed.reason);
    const personFilter = idFilter(c, 'person_id');
    if (!personFilter.ok) return personFilter.response;
    const orgFilter = idFilter(c, 'organization_id');
    if (!orgFilter.ok) return orgFilter.response;
    const includeRaw = c.req.query('include_fields');
    const include = includeRaw ? includeRaw.split(',').map((field) => field.trim()) : [];
    if (include.some((field) => !INCLUDABLE_FIELDS.includes(field))) {
      return v2ValidationError(c, 'include_fields', `Must be a list of: ${INCLUDABLE_FIELDS.join(', ')}`);
    }
    const query = parsed.search;
    const hits = crm
      .searchLeads(query)
      .filter(
        (hit) =>
          (personFilter.id === null || hit.lead.person_id === personFilter.id) &&
          (orgFilter.id === null || hit.lead.organization_id === orgFilter.id),
      )
      .map((hit) => ({ score: hit.score, record: hit }));
    return page(c, hits, query, (hit) => leadItem(hit, crm, query, include.includes('lead.was_seen')));
  });
  return leads;
}
