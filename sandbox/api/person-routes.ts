import { Hono } from 'hono';
import type { Person } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { type PersonInput, parsePerson } from '../validation/contact-validation.ts';
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

/** Pipedrive fills first and last name from `name`: the last word is the last name. */
function splitName(name: string): { first: string; last: string } {
  const words = name.split(/\s+/);
  if (words.length < 2) return { first: name, last: '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1) ?? '' };
}

/**
 * The v2 shape of `addPerson`. The spec types `org_id` and `picture_id` as plain integers, so they
 * are left out rather than sent as null when there is none; real Pipedrive sends null, and clients
 * should accept both.
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

/**
 * `POST /api/v2/persons`, inline creation for the lead form's pickers (the new person is
 * searchable after the search lag), and `GET /api/v2/persons/search`.
 */
export function personRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const persons = new Hono<ApiEnv>();
  persons.get('/search', endpoint({ scopes: CONTACT_SEARCH_SCOPES, cost: 20, search: true }), (c) => {
    const parsed = parseSearch(c, ['custom_fields', 'email', 'notes', 'phone', 'name']);
    if (!parsed.ok) return v2ValidationError(c, parsed.parameter, parsed.reason);
    const orgRaw = c.req.query('organization_id');
    const orgId = orgRaw === undefined ? null : Number(orgRaw);
    if (orgId !== null && (!Number.isInteger(orgId) || orgId < 1)) {
      return v2ValidationError(c, 'organization_id', 'Must be a positive integer');
    }
    let hits = resolve(crm.searchPersons(parsed.search), (id) => crm.findPerson(id));
    if (orgId !== null) hits = hits.filter((hit) => hit.record.orgId === orgId);
    return page(c, hits, parsed.search, (person) => {
      const org = person.orgId === null ? undefined : crm.findOrganization(person.orgId);
      return {
        id: person.id,
        type: 'person',
        name: person.name,
        phones: person.phones,
        emails: person.emails,
        visible_to: person.visibleTo,
        owner: { id: person.ownerId },
        organization: org ? { id: org.id, name: org.name, address: org.address || null } : null,
        custom_fields: [],
        notes: [],
      };
    });
  });

  persons.post('/', endpoint({ scopes: ['contacts:full'], cost: 5 }), async (c) => {
    const parsed = await parseContactBody(c, (raw) => parsePerson(raw, crm.plan, contactRefs(crm)));
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
  return persons;
}
