import type { Context } from 'hono';
import type { Lead } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { ApiEnv } from './api-auth.ts';
import { invalidDataset } from './api-responses.ts';
import { leadJson } from './lead-json.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** The `sort` fields the spec's getLeads enumerates; nested keys are not sortable. */
const SORTABLE = [
  'id',
  'title',
  'owner_id',
  'creator_id',
  'was_seen',
  'expected_close_date',
  'next_activity_id',
  'add_time',
  'update_time',
] as const;
type SortField = (typeof SORTABLE)[number];
interface SortKey {
  field: SortField;
  descending: boolean;
}

/**
 * `archived_status` is from the earlier v1 document (archived | not_archived | all); the current
 * one drops it and says the list holds leads that are not archived, which is the default here.
 * Archived leads are the seeded one and those archived through the sandbox's admin surface.
 */
const ARCHIVED_STATUSES = ['archived', 'not_archived', 'all'] as const;
type ArchivedStatus = (typeof ARCHIVED_STATUSES)[number];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

interface ListQuery {
  limit: number;
  start: number;
  ownerId: number | null;
  personId: number | null;
  organizationId: number | null;
  archived: ArchivedStatus;
  updatedSince: number | null;
  sort: SortKey[];
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Pipedrive validates lead requests with Joi; its texts for these query parameters are not
 * documented, so these are worded like the one recorded (`"owner_id" must be a number`).
 */
function integer(c: Context, name: string, min: number): Parsed<number | null> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return { ok: true, value: null };
  if (!/^-?\d{1,15}$/.test(raw)) return { ok: false, message: `"${name}" must be a number` };
  const value = Number(raw);
  if (value < min) return { ok: false, message: `"${name}" must be greater than or equal to ${min}` };
  return { ok: true, value };
}

function parseSort(raw: string | undefined): Parsed<SortKey[]> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: [] };
  const keys: SortKey[] = [];
  for (const part of raw.split(',')) {
    const match = /^\s*([a-z_]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    const field = SORTABLE.find((name) => name === match?.[1]);
    if (!match || !field) {
      return { ok: false, message: `"sort" must be fields of ${SORTABLE.join(', ')}, each ASC or DESC` };
    }
    keys.push({ field, descending: match[2]?.toLowerCase() === 'desc' });
  }
  return { ok: true, value: keys };
}

/** Which of Pipedrive's two lead lists: `GET /v1/leads` (not archived) or `GET /v1/leads/archived`. */
export type LeadList = 'open' | 'archived';

function parseQuery(c: Context, list: LeadList): Parsed<ListQuery> {
  const limit = integer(c, 'limit', 1);
  if (!limit.ok) return limit;
  const start = integer(c, 'start', 0);
  if (!start.ok) return start;
  const ids = ['owner_id', 'person_id', 'organization_id'].map((name) => integer(c, name, 1));
  const badId = ids.find((id) => !id.ok);
  if (badId && !badId.ok) return badId;
  const [ownerId, personId, organizationId] = ids.map((id) => (id.ok ? id.value : null));
  // The archived list documents neither `archived_status` nor `updated_since`: it ignores them.
  const archivedRaw = list === 'archived' ? 'archived' : (c.req.query('archived_status') ?? 'not_archived');
  const archived = ARCHIVED_STATUSES.find((status) => status === archivedRaw);
  if (!archived) {
    return { ok: false, message: `"archived_status" must be one of [${ARCHIVED_STATUSES.join(', ')}]` };
  }
  const sinceRaw = list === 'archived' ? undefined : c.req.query('updated_since');
  const since = sinceRaw === undefined || sinceRaw === '' ? null : Date.parse(sinceRaw);
  if (since !== null && (!ISO_TIME.test(sinceRaw ?? '') || Number.isNaN(since))) {
    return { ok: false, message: '"updated_since" must be in ISO 8601 date format' };
  }
  const sort = parseSort(c.req.query('sort'));
  if (!sort.ok) return sort;
  return {
    ok: true,
    value: {
      // v1 lists cap the page size rather than refuse a larger one (as GET /v1/dealFields does here).
      limit: Math.min(limit.value ?? DEFAULT_LIMIT, MAX_LIMIT),
      start: start.value ?? 0,
      ownerId: ownerId ?? null,
      personId: personId ?? null,
      organizationId: organizationId ?? null,
      archived,
      updatedSince: since,
      sort: sort.value,
    },
  };
}

function matches(lead: Lead, query: ListQuery): boolean {
  if (query.archived !== 'all' && lead.is_archived !== (query.archived === 'archived')) return false;
  if (query.ownerId !== null && lead.owner_id !== query.ownerId) return false;
  if (query.personId !== null && lead.person_id !== query.personId) return false;
  if (query.organizationId !== null && lead.organization_id !== query.organizationId) return false;
  return query.updatedSince === null || Date.parse(lead.update_time) >= query.updatedSince;
}

/**
 * One sort key. Null sorts after every value going up and before them going down, as PostgreSQL
 * orders by default; Pipedrive does not document where nulls go.
 */
function compareBy(a: Lead, b: Lead, { field, descending }: SortKey): number {
  const left = a[field];
  const right = b[field];
  if (left === right) return 0;
  let order: number;
  if (left === null) order = 1;
  else if (right === null) order = -1;
  else order = left < right ? -1 : 1;
  return descending ? -order : order;
}

/**
 * The answer to `GET /v1/leads` [spec v1 `getLeads`: "Returns multiple not archived leads"] and
 * `GET /v1/leads/archived` [spec v1 `getArchivedLeads`: archived ones only]. Reads the store, not
 * the search index, so a lead is listed the moment it is stored (or archived). Without `sort`,
 * oldest first, as documented; leads equal on every sort key stay in the order they were stored.
 */
export function listLeads(c: Context<ApiEnv>, crm: CrmStore, list: LeadList = 'open'): Response {
  const parsed = parseQuery(c, list);
  if (!parsed.ok) return invalidDataset(c, parsed.message);
  // The sandbox company has no saved filters, so every filter id is unknown. Refused rather than
  // ignored: ignoring it would answer a filtered question with an unfiltered list. Wording guessed.
  if (c.req.query('filter_id') !== undefined) {
    return invalidDataset(c, '"filter_id" must refer to an existing filter');
  }
  const query = parsed.value;
  const sortKeys: SortKey[] = [...query.sort, { field: 'add_time', descending: false }];
  const leads = crm
    .listLeads()
    .filter((entry) => matches(entry.lead, query))
    .map((entry, stored) => ({ ...entry, stored }))
    .sort((a, b) => {
      for (const key of sortKeys) {
        const order = compareBy(a.lead, b.lead, key);
        if (order !== 0) return order;
      }
      return a.stored - b.stored;
    });
  const page = leads.slice(query.start, query.start + query.limit);
  const more = query.start + query.limit < leads.length;
  return c.json({
    success: true,
    data: page.map((entry) => leadJson(entry.lead, entry.customFields)),
    additional_data: {
      pagination: {
        start: query.start,
        limit: query.limit,
        more_items_in_collection: more,
        ...(more ? { next_start: query.start + query.limit } : {}),
      },
    },
  });
}
