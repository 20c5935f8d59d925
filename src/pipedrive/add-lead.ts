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

export const leadSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    owner_id: z.number(),
    person_id: z.number().nullable(),
    organization_id: z.number().nullable(),
    label_ids: z.array(z.string()).default([]),
    value: z.object({ amount: z.number(), currency: z.string() }).nullable().optional(),
    expected_close_date: z.string().nullable().optional(),
    visible_to: z.string().nullable().optional(),
    was_seen: z.boolean().optional(),
    origin_id: z.string().nullable().optional(),
    channel: z.number().nullable().optional(),
    channel_id: z.string().nullable().optional(),
    source_name: z.string().nullable().optional(),
    add_time: z.string(),
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
