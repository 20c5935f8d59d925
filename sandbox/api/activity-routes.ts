import { type Context, Hono } from 'hono';
import type { Activity } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { validateActivityBody } from '../validation/activity-validation.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { v2ValidationError } from './api-responses.ts';
import { v2Time } from './contact-endpoints.ts';
import { readJson } from './json-body.ts';
import { decodeCursor, encodeCursor } from './search-page.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/**
 * An activity in the v2 shape (`addActivity`'s answer, `getActivities`' items). What the activity
 * does not have is left out rather than sent as null, which the spec's types do not allow, as the
 * sandbox does for persons; real Pipedrive may send null, and a client must accept both.
 */
function activityJson(activity: Activity) {
  const time = v2Time(activity.addTime);
  const optional = {
    lead_id: activity.leadId,
    deal_id: activity.dealId,
    person_id: activity.personId,
    org_id: activity.orgId,
    due_date: activity.dueDate,
    due_time: activity.dueTime,
    duration: activity.duration,
    note: activity.note,
    public_description: activity.publicDescription,
    priority: activity.priority,
  };
  return {
    id: activity.id,
    subject: activity.subject,
    type: activity.type,
    owner_id: activity.ownerId,
    creator_user_id: activity.creatorUserId,
    is_deleted: false,
    add_time: time,
    update_time: time,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
    busy: activity.busy,
    done: activity.done,
    participants: activity.personId === null ? [] : [{ person_id: activity.personId, primary: true }],
    attendees: [],
  };
}

const SORT_FIELDS = ['id', 'update_time', 'add_time', 'due_date'] as const;
type SortField = (typeof SORT_FIELDS)[number];

function sortValue(activity: Activity, field: SortField): number | string {
  if (field === 'id') return activity.id;
  if (field === 'due_date') return `${activity.dueDate ?? ''} ${activity.dueTime ?? ''}`;
  return activity.addTime;
}

interface ListQuery {
  leadId?: string;
  ownerId?: number;
  personId?: number;
  orgId?: number;
  dealId?: number;
  done?: boolean;
  ids?: number[];
  sortBy: SortField;
  descending: boolean;
  limit: number;
  offset: number;
}

type Parsed = { ok: true; query: ListQuery } | { ok: false; parameter: string; reason: string };

function positive(raw: string | undefined): number | undefined | null {
  if (raw === undefined || raw === '') return undefined;
  return /^\d{1,15}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

function parseList(c: Context): Parsed {
  const fail = (parameter: string, reason: string): Parsed => ({ ok: false, parameter, reason });
  // The sandbox company has no saved filters: refused rather than answered unfiltered.
  if (c.req.query('filter_id') !== undefined) return fail('filter_id', 'Filter does not exist');
  const query: ListQuery = { sortBy: 'id', descending: false, limit: DEFAULT_LIMIT, offset: 0 };
  const leadId = c.req.query('lead_id');
  if (leadId !== undefined) {
    if (!isGuid(leadId)) return fail('lead_id', 'Must be a valid UUID');
    query.leadId = leadId.toLowerCase();
  }
  for (const [name, key] of [
    ['owner_id', 'ownerId'],
    ['person_id', 'personId'],
    ['org_id', 'orgId'],
    ['deal_id', 'dealId'],
  ] as const) {
    const value = positive(c.req.query(name));
    if (value === null) return fail(name, 'Must be a positive integer');
    if (value !== undefined) query[key] = value;
  }
  const done = c.req.query('done');
  if (done !== undefined) {
    if (!['true', 'false', '1', '0'].includes(done)) return fail('done', 'Must be a boolean');
    query.done = done === 'true' || done === '1';
  }
  const ids = c.req.query('ids');
  if (ids !== undefined && ids !== '') {
    const list = ids.split(',').map((id) => positive(id.trim()));
    if (list.length > 100 || list.some((id) => typeof id !== 'number')) {
      return fail('ids', 'Must be up to 100 comma-separated positive integers');
    }
    query.ids = list as number[];
  }
  const sortBy = c.req.query('sort_by') ?? 'id';
  const field = SORT_FIELDS.find((candidate) => candidate === sortBy);
  if (!field) return fail('sort_by', `Must be one of ${SORT_FIELDS.join(', ')}`);
  query.sortBy = field;
  const direction = c.req.query('sort_direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') return fail('sort_direction', 'Must be one of asc, desc');
  query.descending = direction === 'desc';
  const limit = positive(c.req.query('limit'));
  if (limit === null || (limit !== undefined && limit > MAX_LIMIT)) {
    return fail('limit', `Must be an integer between 1 and ${MAX_LIMIT}`);
  }
  query.limit = limit ?? DEFAULT_LIMIT;
  const cursor = c.req.query('cursor');
  if (cursor !== undefined && cursor !== '') {
    const offset = decodeCursor(cursor);
    if (offset === null) return fail('cursor', 'Invalid cursor');
    query.offset = offset;
  }
  return { ok: true, query };
}

function matches(activity: Activity, query: ListQuery): boolean {
  if (query.ids && !query.ids.includes(activity.id)) return false;
  if (query.leadId !== undefined && activity.leadId !== query.leadId) return false;
  if (query.ownerId !== undefined && activity.ownerId !== query.ownerId) return false;
  if (query.personId !== undefined && activity.personId !== query.personId) return false;
  if (query.orgId !== undefined && activity.orgId !== query.orgId) return false;
  if (query.dealId !== undefined && activity.dealId !== query.dealId) return false;
  return query.done === undefined || activity.done === query.done;
}

/**
 * `POST /api/v2/activities` and `GET /api/v2/activities` [spec v2 `addActivity`, `getActivities`]:
 * the list reads the store (filter by lead, owner, person, organization, done; sort; cursor pages).
 */
export function activityRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const activities = new Hono<ApiEnv>();
  activities.post('/', endpoint({ scopes: ['activities:full'], cost: 5 }), async (c) => {
    const json = await readJson(c);
    if (!json.ok) return json.response;
    const active = crm.activityTypes.filter((type) => type.activeFlag).sort((a, b) => a.orderNr - b.orderNr);
    const checked = validateActivityBody(json.body, {
      isActiveType: (key) => active.some((type) => type.keyString === key),
      isActiveUser: (id) => crm.findUser(id)?.activeFlag === true,
      hasLead: (id) => crm.findLead(id) !== undefined,
      hasPerson: (id) => crm.findPerson(id) !== undefined,
      hasOrganization: (id) => crm.findOrganization(id) !== undefined,
    });
    if (!checked.ok) return v2ValidationError(c, checked.parameter, checked.reason);
    const { input } = checked;
    const caller = c.get('user');
    // Without a type the company's first one is used, and without a subject the type's name, as
    // Pipedrive's own dialog fills them in.
    const type = active.find((candidate) => candidate.keyString === input.type) ?? active[0];
    const activity = crm.followUps.addActivity({
      subject: input.subject ?? type?.name ?? 'Activity',
      type: type?.keyString ?? input.type ?? 'task',
      ownerId: input.ownerId ?? caller.id,
      creatorUserId: caller.id,
      leadId: input.leadId,
      dealId: null,
      personId: input.personId,
      orgId: input.orgId,
      dueDate: input.dueDate,
      dueTime: input.dueTime,
      duration: input.duration,
      busy: input.busy,
      done: input.done,
      note: input.note,
      publicDescription: input.publicDescription,
      priority: input.priority,
      addTime: now(),
    });
    return c.json({ success: true, data: activityJson(activity) });
  });

  activities.get('/', endpoint({ scopes: ['activities:read', 'activities:full'], cost: 10 }), (c) => {
    const parsed = parseList(c);
    if (!parsed.ok) return v2ValidationError(c, parsed.parameter, parsed.reason);
    const { query } = parsed;
    const listed = crm.followUps
      .listActivities()
      .filter((activity) => matches(activity, query))
      .sort((a, b) => {
        const left = sortValue(a, query.sortBy);
        const right = sortValue(b, query.sortBy);
        const order = left === right ? a.id - b.id : left < right ? -1 : 1;
        return query.descending ? -order : order;
      });
    const page = listed.slice(query.offset, query.offset + query.limit);
    const next = query.offset + query.limit;
    return c.json({
      success: true,
      data: page.map(activityJson),
      additional_data: { next_cursor: next < listed.length ? encodeCursor(next) : null },
    });
  });
  return activities;
}
