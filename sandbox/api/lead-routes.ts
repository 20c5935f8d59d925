import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Lead, User } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { randomToken } from '../store/random-token.ts';
import type { CustomFieldLookups } from '../validation/custom-field-validation.ts';
import { isGuid, type LeadInput, validateLeadBody } from '../validation/lead-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { apiError, invalidDataset } from './api-responses.ts';
import { readJson } from './json-body.ts';
import { leadJson } from './lead-json.ts';
import { listLeads } from './lead-list.ts';

function lookupsOf(crm: CrmStore): CustomFieldLookups {
  return {
    isActiveUser: (id) => crm.findUser(id)?.activeFlag === true,
    hasOrganization: (id) => crm.findOrganization(id) !== undefined,
    hasPerson: (id) => crm.findPerson(id) !== undefined,
  };
}

/**
 * Rules that need the company's data. Pipedrive's texts for these are not documented; these are
 * best guesses worded like its Joi messages.
 */
function checkReferences(input: LeadInput, crm: CrmStore): string | null {
  if (input.owner_id !== undefined && !crm.findUser(input.owner_id)?.activeFlag) {
    return '"owner_id" must refer to an existing active user';
  }
  const labels = new Set(crm.leadLabels.map((label) => label.id));
  const unknownLabel = (input.label_ids ?? []).findIndex((labelId) => !labels.has(labelId.toLowerCase()));
  if (unknownLabel >= 0) return `"label_ids[${unknownLabel}]" must refer to an existing lead label`;
  if (input.person_id !== undefined && !crm.findPerson(input.person_id)) {
    return '"person_id" must refer to an existing person';
  }
  if (input.organization_id !== undefined && !crm.findOrganization(input.organization_id)) {
    return '"organization_id" must refer to an existing organization';
  }
  return null;
}

function buildLead(input: LeadInput, user: User, crm: CrmStore, now: number): Lead {
  const time = new Date(now).toISOString();
  const mailbox = randomToken(18).replace(/[^A-Za-z0-9]/g, '');
  return {
    id: randomUUID(),
    title: input.title,
    owner_id: input.owner_id ?? user.id,
    creator_id: user.id,
    label_ids: (input.label_ids ?? []).map((labelId) => labelId.toLowerCase()),
    person_id: input.person_id ?? null,
    organization_id: input.organization_id ?? null,
    // Pipedrive stamps every lead created through the API this way; clients cannot set it.
    source_name: 'API',
    origin: 'API',
    origin_id: input.origin_id ?? null,
    channel: input.channel ?? null,
    channel_id: input.channel_id ?? null,
    is_archived: false,
    was_seen: input.was_seen ?? false,
    value: input.value ? { amount: input.value.amount, currency: input.value.currency } : null,
    expected_close_date: input.expected_close_date ?? null,
    next_activity_id: null,
    add_time: time,
    update_time: time,
    visible_to: input.visible_to ?? '3',
    cc_email: `${crm.company.domain}+${crm.company.id}+lead${mailbox}@sandbox.pipedrivemail.example`,
    source_deal_id: null,
  };
}

/**
 * `POST /v1/leads`, `GET /v1/leads/{id}`, `GET /v1/leads` and `GET /v1/leads/archived` (lead-list.ts). The search,
 * `GET /api/v2/leads/search`, is on v2 (lead-search-routes.ts).
 */
export function leadRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const leads = new Hono<ApiEnv>();
  leads.post('/', endpoint({ scopes: ['leads:full'], cost: 10 }), async (c) => {
    const json = await readJson(c);
    if (!json.ok) return json.response;
    const validation = validateLeadBody(json.body, crm.plan, lookupsOf(crm));
    if (!validation.ok) return invalidDataset(c, validation.message);
    const problem = checkReferences(validation.input, crm);
    if (problem) return invalidDataset(c, problem);
    const lead = buildLead(validation.input, c.get('user'), crm, now());
    crm.addLead(lead, validation.customFields);
    return c.json({ success: true, data: leadJson(lead, validation.customFields) }, 201);
  });

  // Before `/:id`, which would read "archived" as a lead id. Documented at twice the open list's cost.
  leads.get('/archived', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 40 }), (c) =>
    listLeads(c, crm, 'archived'),
  );

  leads.get('/:id', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 2 }), (c) => {
    const id = c.req.param('id');
    if (!isGuid(id)) return invalidDataset(c, '"id" must be a valid GUID');
    const lead = crm.findLead(id.toLowerCase());
    if (!lead) return apiError(c, 404, 'requested lead not found', 'Object was not found.');
    return c.json({ success: true, data: leadJson(lead, crm.leadCustomFields(lead.id)) });
  });

  leads.get('/', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 20 }), (c) => listLeads(c, crm));
  return leads;
}
