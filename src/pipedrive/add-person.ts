import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

/** `POST /api/v2/persons`: v2 takes emails and phones as lists of `{ value, primary, label }`. */
export interface AddPersonRequest {
  name: string;
  emails?: Array<{ value: string; primary: boolean; label: string }>;
  phones?: Array<{ value: string; primary: boolean; label: string }>;
  org_id?: number;
}

// Once Pipedrive gives the person an id it exists: nothing else it sends may turn that into an error.
const createdPersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  org_id: z.number().nullable().optional().catch(undefined),
  emails: z
    .array(z.object({ value: z.string() }))
    .optional()
    .catch(undefined),
});

export type CreatedPerson = z.infer<typeof createdPersonSchema>;

export function addPerson(transport: Transport, body: AddPersonRequest): Promise<CreatedPerson> {
  return callApi(transport, { method: 'POST', path: '/api/v2/persons', body }, createdPersonSchema);
}
