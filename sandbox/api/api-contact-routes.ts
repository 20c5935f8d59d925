import type { Context, Hono } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';
import type { Organization, Person } from '../store/crm-types.ts';
import {
  type ContactRefs,
  type OrganizationInput,
  type Parsed,
  type PersonInput,
  parseOrganization,
  parsePerson,
} from '../validation/contact-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { v2ValidationError } from './api-responses.ts';
import { readJson } from './json-body.ts';

/** v2 times are RFC 3339 to the second, as in the spec's examples. */
function v2Time(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Pipedrive fills first and last name from `name`: the last word is the last name. */
function splitName(name: string): { first: string; last: string } {
  const words = name.split(/\s+/);
  if (words.length < 2) return { first: name, last: '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) ?? '' };
}

// Visibility when the body has none: 3 is "Entire company" on Growth and the owner's group on Premium.
const DEFAULT_VISIBILITY = 3;

/**
 * The v2 shape of `addPerson` (REFERENCE §2.5). The spec types `org_id` and `picture_id` as plain
 * integers, so they are left out rather than sent as null when there is none; real Pipedrive
 * sends null, and clients should accept both.
 */
function personJson(person: Person, input: PersonInput, time: string) {
  const { first, last } = splitName(person.name);
  return {
    id: person.id,
    name: person.name,
    first_name: first,
    last_name: last,
    owner_id: person.ownerId,
    ...(person.orgId === null ? {} : { org_id: person.orgId }),
    add_time: time,
    update_time: time,
    emails: input.emails,
    phones: input.phones,
    is_deleted: false,
    visible_to: person.visibleTo,
    label_ids: [],
    custom_fields: {},
  };
}

/** The v2 shape of `addOrganization`; `address` is left out when there is none, for the same reason. */
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

function refsOf(crm: CrmStore): ContactRefs {
  return {
    isActiveUser: (id) => crm.findUser(id)?.activeFlag === true,
    hasOrganization: (id) => crm.findOrganization(id) !== undefined,
  };
}

async function parseBody<T>(
  c: Context<ApiEnv>,
  parse: (raw: unknown) => Parsed<T>,
): Promise<{ ok: true; input: T } | { ok: false; response: Response }> {
  const json = await readJson(c);
  if (!json.ok) return json;
  const parsed = parse(json.body);
  if (!parsed.ok) return { ok: false, response: v2ValidationError(c, parsed.parameter, parsed.reason) };
  return parsed;
}

/** Inline creation for the lead form's pickers; the new records are searchable after the search lag. */
export function registerContactRoutes(v2: Hono<ApiEnv>, crm: CrmStore, now: () => number): void {
  v2.post('/persons', endpoint({ scopes: ['contacts:full'], cost: 5 }), async (c) => {
    const parsed = await parseBody(c, (raw) => parsePerson(raw, crm.plan, refsOf(crm)));
    if (!parsed.ok) return parsed.response;
    const { input } = parsed;
    const person = crm.addPerson({
      name: input.name,
      emails: input.emails.map((item) => item.value),
      phones: input.phones.map((item) => item.value),
      orgId: input.orgId ?? null,
      ownerId: input.ownerId ?? c.get('user').id,
      visibleTo: input.visibleTo ?? DEFAULT_VISIBILITY,
    });
    return c.json({ success: true, data: personJson(person, input, v2Time(now())) });
  });

  v2.post('/organizations', endpoint({ scopes: ['contacts:full'], cost: 5 }), async (c) => {
    const parsed = await parseBody(c, (raw) => parseOrganization(raw, crm.plan, refsOf(crm)));
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
}
