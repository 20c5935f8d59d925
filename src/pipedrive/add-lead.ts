import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

/**
 * The body of `POST /v1/leads`. Optional fields are omitted, never `null`: leads reject `null`.
 * Custom deal fields go at the top level under their 40-hex keys.
 */
export interface AddLeadRequest {
  title: string;
  owner_id?: number;
  label_ids?: string[];
  person_id?: number;
  organization_id?: number;
  value?: { amount: number; currency: string };
  expected_close_date?: string;
  visible_to?: string;
  was_seen?: boolean;
  origin_id?: string;
  channel?: number;
  channel_id?: string;
  [customFieldKey: string]: unknown;
}

/**
 * A linked user, person or organization as an id. Leads give plain ids; other v1 answers give
 * objects such as `{ "value": 12, "name": "…" }`, read the same way.
 */
export function linkedId(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw);
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    return linkedId(record.value ?? record.id);
  }
  return null;
}

/**
 * A link read with linkedId. Optional before the transform: a record that leaves a link out (a lead
 * with no person, say) reads it as null instead of being refused.
 */
export const linkedIdField = z.unknown().optional().transform(linkedId);

/**
 * A lead as Pipedrive returns it. Only `id` is required: the lead exists once Pipedrive has given it
 * an id, and a property QuickLead cannot read must never turn a created lead into an error (the rep
 * would be offered to create it again). Such a property reads as "not said".
 */
export const leadSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().catch(''),
    owner_id: linkedIdField,
    person_id: linkedIdField,
    organization_id: linkedIdField,
    label_ids: z.array(z.string()).catch([]),
    value: z.object({ amount: z.number(), currency: z.string() }).nullable().optional().catch(undefined),
    expected_close_date: z.string().nullable().optional().catch(undefined),
    // A string on v1 leads; an integer elsewhere in Pipedrive, so both read the same.
    visible_to: z
      .union([z.string(), z.number().transform(String)])
      .nullable()
      .optional()
      .catch(undefined),
    was_seen: z.boolean().optional().catch(undefined),
    origin: z.string().nullable().optional().catch(undefined),
    origin_id: z.string().nullable().optional().catch(undefined),
    channel: z.number().nullable().optional().catch(undefined),
    channel_id: z.string().nullable().optional().catch(undefined),
    source_name: z.string().nullable().optional().catch(undefined),
    cc_email: z.string().nullable().optional().catch(undefined),
    add_time: z.string().catch(''),
  })
  // Custom field values come back at the top level under their keys.
  .catchall(z.unknown());

export type Lead = z.infer<typeof leadSchema>;

/** A create that has not answered by then is treated as lost, and looked for before any resend. */
const CREATE_TIMEOUT_MS = 20_000;

export function addLead(transport: Transport, body: AddLeadRequest): Promise<Lead> {
  return callApi(
    transport,
    { method: 'POST', path: '/api/v1/leads', body, signal: AbortSignal.timeout(CREATE_TIMEOUT_MS) },
    leadSchema,
  );
}
