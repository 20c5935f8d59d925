import { z } from 'zod';
import { linkedIdField } from './add-lead.ts';
import { callApi, callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

/** The body of `POST /v1/notes` for a note on a lead: HTML content (see note-html.ts). */
export interface AddNoteRequest {
  content: string;
  lead_id: string;
}

/**
 * A note as Pipedrive returns it. Only `id` is required: a note with an id exists, and a property
 * QuickLead cannot read must never make a saved note look unsaved (it would be sent again).
 */
export const noteSchema = z.object({
  id: z.number().int(),
  content: z.string().catch(''),
  lead_id: z.string().nullable().optional().catch(undefined),
  user_id: linkedIdField,
  /** "YYYY-MM-DD HH:MM:SS", UTC, as v1 writes times. */
  add_time: z.string().catch(''),
});

export type Note = z.infer<typeof noteSchema>;

/** A create that has not answered by then is treated as lost, and looked for before any resend. */
const CREATE_TIMEOUT_MS = 20_000;

export function addNote(transport: Transport, body: AddNoteRequest): Promise<Note> {
  return callApi(
    transport,
    { method: 'POST', path: '/api/v1/notes', body, signal: AbortSignal.timeout(CREATE_TIMEOUT_MS) },
    noteSchema,
  );
}

/** `GET /api/v1/notes` of one lead, newest first: where a note whose create answer was lost is looked for. */
export function listLeadNotes(
  transport: Transport,
  leadId: string,
  limit: number,
  signal?: AbortSignal,
): Promise<Note[]> {
  return callApiList(
    transport,
    {
      method: 'GET',
      path: '/api/v1/notes',
      query: { lead_id: leadId, sort: 'add_time DESC', limit },
      signal,
    },
    'notes',
    noteSchema,
  );
}
