import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

/** The body of `POST /v1/leads`. Optional fields are omitted, never `null`: leads reject `null`. */
export interface AddLeadRequest {
  title: string;
  person_id?: number;
  organization_id?: number;
}

export const leadSchema = z.object({
  id: z.string(),
  title: z.string(),
  owner_id: z.number(),
  person_id: z.number().nullable(),
  organization_id: z.number().nullable(),
  source_name: z.string().nullable().optional(),
  add_time: z.string(),
});

export type Lead = z.infer<typeof leadSchema>;

export function addLead(transport: Transport, body: AddLeadRequest): Promise<Lead> {
  return callApi(transport, { method: 'POST', path: '/api/v1/leads', body }, leadSchema);
}
