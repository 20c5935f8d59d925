import { Hono } from 'hono';
import type { Organization } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { type OrganizationInput, parseOrganization } from '../validation/contact-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { v2ValidationError } from './api-responses.ts';
import {
  CONTACT_SEARCH_SCOPES,
  contactRefs,
  DEFAULT_VISIBILITY,
  parseContactBody,
  v2Time,
} from './contact-endpoints.ts';
import { page, parseSearch, resolve } from './search-page.ts';

/**
 * The v2 shape of `addOrganization`; `address` is left out when there is none, for the reason a
 * person's `org_id` is (person-routes.ts).
 */
function organizationJson(org: Organization, input: OrganizationInput, time: string) {
  return {
    id: org.id,
    name: org.name,
    owner_id: org.ownerId,
    add_time: time,
    update_time: time,
    is_deleted: false,
    visible_to: org.visibleTo,
    ...(input.address ? { address: input.address } : {}),
    label_ids: [],
    website: input.website,
    linkedin: input.linkedin,
    industry: input.industry,
    annual_revenue: input.annualRevenue,
    employee_count: input.employeeCount,
    custom_fields: {},
  };
}

/**
 * `POST /api/v2/organizations`, inline creation for the lead form's pickers (the new
 * organization is searchable after the search lag), and `GET /api/v2/organizations/search`.
 */
export function organizationRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const organizations = new Hono<ApiEnv>();
  organizations.get('/search', endpoint({ scopes: CONTACT_SEARCH_SCOPES, cost: 20, search: true }), (c) => {
    const parsed = parseSearch(c, ['address', 'custom_fields', 'notes', 'name']);
    if (!parsed.ok) return v2ValidationError(c, parsed.parameter, parsed.reason);
    const hits = resolve(crm.searchOrganizations(parsed.search), (id) => crm.findOrganization(id));
    return page(c, hits, parsed.search, (org) => ({
      id: org.id,
      type: 'organization',
      name: org.name,
      address: org.address || null,
      visible_to: org.visibleTo,
      owner: { id: org.ownerId },
      custom_fields: [],
      notes: [],
    }));
  });

  organizations.post('/', endpoint({ scopes: ['contacts:full'], cost: 5 }), async (c) => {
    const parsed = await parseContactBody(c, (raw) => parseOrganization(raw, crm.plan, contactRefs(crm)));
    if (!parsed.ok) return parsed.response;
    const { input } = parsed;
    const org = crm.addOrganization({
      name: input.name,
      address: input.address?.value ?? '',
      domain: '',
      ownerId: input.ownerId ?? c.get('user').id,
      visibleTo: input.visibleTo ?? DEFAULT_VISIBILITY,
    });
    return c.json({ success: true, data: organizationJson(org, input, v2Time(now())) });
  });
  return organizations;
}
