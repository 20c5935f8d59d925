import { type Context, Hono } from 'hono';
import type { Note } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { validateNoteBody } from '../validation/note-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { apiError } from './api-responses.ts';
import { readJson } from './json-body.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

/** v1 writes times as "YYYY-MM-DD HH:MM:SS", UTC. */
export function v1Time(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A note in the shape of the spec's `Note`. Links the sandbox does not have (deal, person,
 * organization, project, task) are left out rather than sent as null, which the spec's integer
 * and object types do not allow; a client must accept both.
 */
function noteJson(note: Note, crm: CrmStore, viewerId: number) {
  const author = crm.findUser(note.userId);
  return {
    id: note.id,
    user_id: note.userId,
    // A note is on its lead until the lead is converted, then on the deal.
    ...(note.leadId !== null ? { lead_id: note.leadId } : {}),
    ...(note.dealId !== null ? { deal_id: note.dealId } : {}),
    content: note.content,
    add_time: v1Time(note.addTime),
    update_time: v1Time(note.addTime),
    active_flag: true,
    pinned_to_lead_flag: false,
    pinned_to_deal_flag: false,
    pinned_to_organization_flag: false,
    pinned_to_person_flag: false,
    pinned_to_project_flag: false,
    last_update_user_id: note.userId,
    user: {
      email: author?.email ?? '',
      name: author?.name ?? '',
      is_you: note.userId === viewerId,
    },
  };
}

/** The sort keys the spec lists for getNotes that a note on a lead has. */
const SORTABLE: Record<string, (note: Note) => number | string> = {
  id: (note) => note.id,
  user_id: (note) => note.userId,
  content: (note) => note.content,
  add_time: (note) => note.addTime,
  update_time: (note) => note.addTime,
};

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function count(c: Context, name: string, min: number): Parsed<number | undefined> {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return { ok: true, value: undefined };
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min) {
    return { ok: false, message: `${name} must be an integer of at least ${min}` };
  }
  return { ok: true, value: Number(raw) };
}

function parseSort(raw: string | undefined): Parsed<Array<{ key: string; descending: boolean }>> {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: [] };
  const keys: Array<{ key: string; descending: boolean }> = [];
  for (const part of raw.split(',')) {
    const match = /^\s*([a-z_]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match?.[1] || !(match[1] in SORTABLE)) {
      return { ok: false, message: `sort must be fields of ${Object.keys(SORTABLE).join(', ')}` };
    }
    keys.push({ key: match[1], descending: match[2]?.toLowerCase() === 'desc' });
  }
  return { ok: true, value: keys };
}

/**
 * `GET /v1/notes` [spec v1 `getNotes`]: by lead (`lead_id`), deal (`deal_id`) and author (`user_id`), sorted and
 * paged as documented. Reads the store: a note is listed the moment it is stored.
 */
function listNotes(c: Context<ApiEnv>, crm: CrmStore): Response {
  const leadId = c.req.query('lead_id');
  if (leadId !== undefined && !isGuid(leadId)) return apiError(c, 400, 'lead_id must be a valid UUID');
  const userId = count(c, 'user_id', 1);
  if (!userId.ok) return apiError(c, 400, userId.message);
  const dealId = count(c, 'deal_id', 1);
  if (!dealId.ok) return apiError(c, 400, dealId.message);
  const start = count(c, 'start', 0);
  if (!start.ok) return apiError(c, 400, start.message);
  const limit = count(c, 'limit', 1);
  if (!limit.ok) return apiError(c, 400, limit.message);
  const sort = parseSort(c.req.query('sort'));
  if (!sort.ok) return apiError(c, 400, sort.message);
  const from = start.value ?? 0;
  const size = Math.min(limit.value ?? DEFAULT_LIMIT, MAX_LIMIT);
  const keys = [...sort.value, { key: 'id', descending: false }];
  const notes = [...crm.followUps.listNotes()]
    .filter((note) => leadId === undefined || note.leadId === leadId.toLowerCase())
    .filter((note) => dealId.value === undefined || note.dealId === dealId.value)
    .filter((note) => userId.value === undefined || note.userId === userId.value)
    .sort((a, b) => {
      for (const { key, descending } of keys) {
        const read = SORTABLE[key];
        const left = read?.(a) ?? 0;
        const right = read?.(b) ?? 0;
        if (left !== right) return (left < right ? -1 : 1) * (descending ? -1 : 1);
      }
      return 0;
    });
  const page = notes.slice(from, from + size);
  const more = from + size < notes.length;
  const viewer = c.get('user').id;
  return c.json({
    success: true,
    data: page.map((note) => noteJson(note, crm, viewer)),
    additional_data: {
      pagination: {
        start: from,
        limit: size,
        more_items_in_collection: more,
        ...(more ? { next_start: from + size } : {}),
      },
    },
  });
}

/** `POST /v1/notes` and `GET /v1/notes`, on leads: what QuickLead adds with a lead and reads back. */
export function noteRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const notes = new Hono<ApiEnv>();
  notes.post('/', endpoint({ scopes: ['deals:full', 'contacts:full'], cost: 10 }), async (c) => {
    const json = await readJson(c);
    if (!json.ok) return json.response;
    const caller = c.get('user');
    const checked = validateNoteBody(
      json.body,
      {
        hasLead: (id) => crm.findLead(id) !== undefined,
        isActiveUser: (id) => crm.findUser(id)?.activeFlag === true,
      },
      caller.isAdmin,
    );
    if (!checked.ok) return apiError(c, checked.status, checked.error);
    const { input } = checked;
    const note = crm.followUps.addNote({
      content: input.content,
      leadId: input.leadId,
      dealId: null,
      userId: input.userId ?? caller.id,
      addTime: input.addTime ?? now(),
    });
    // The spec documents 200 for addNote (leads answer 201).
    return c.json({ success: true, data: noteJson(note, crm, caller.id) });
  });

  notes.get(
    '/',
    endpoint({ scopes: ['deals:read', 'deals:full', 'contacts:read', 'contacts:full'], cost: 20 }),
    (c) => listNotes(c, crm),
  );
  return notes;
}
