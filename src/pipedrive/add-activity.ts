import { z } from 'zod';
import { linkedIdField } from './add-lead.ts';
import { callApi, callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

/**
 * The body of `POST /api/v2/activities` for a follow-up on a lead. `due_date` and `due_time` are
 * in UTC, as Pipedrive documents activity times ("The due time of the activity in UTC"); without a
 * time the activity lasts the whole `due_date`.
 */
export interface AddActivityRequest {
  subject: string;
  /** An active activity type's `key_string`. */
  type: string;
  owner_id: number;
  lead_id: string;
  /** YYYY-MM-DD. */
  due_date: string;
  /** HH:MM. */
  due_time?: string;
}

/** An activity as Pipedrive returns it; as with leads, only `id` is required. */
export const activitySchema = z.object({
  id: z.number().int(),
  subject: z.string().catch(''),
  type: z.string().catch(''),
  owner_id: linkedIdField,
  lead_id: z.string().nullable().optional().catch(undefined),
  due_date: z.string().nullable().optional().catch(undefined),
  due_time: z.string().nullable().optional().catch(undefined),
  add_time: z.string().catch(''),
});

export type Activity = z.infer<typeof activitySchema>;

/** A create that has not answered by then is treated as lost, and looked for before any resend. */
const CREATE_TIMEOUT_MS = 20_000;

export function addActivity(transport: Transport, body: AddActivityRequest): Promise<Activity> {
  return callApi(
    transport,
    { method: 'POST', path: '/api/v2/activities', body, signal: AbortSignal.timeout(CREATE_TIMEOUT_MS) },
    activitySchema,
  );
}

/**
 * `GET /api/v2/activities` of one lead (the documented `lead_id` filter), newest first: where an
 * activity whose create answer was lost is looked for.
 */
export function listLeadActivities(
  transport: Transport,
  leadId: string,
  limit: number,
  signal?: AbortSignal,
): Promise<Activity[]> {
  return callApiList(
    transport,
    {
      method: 'GET',
      path: '/api/v2/activities',
      query: { lead_id: leadId, sort_by: 'add_time', sort_direction: 'desc', limit },
      signal,
    },
    'activities',
    activitySchema,
  );
}
