import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

/** `POST /api/v2/organizations`. */
export interface AddOrganizationRequest {
  name: string;
  address?: { value: string };
  /** A standard field of v2 organizations (unlike a person's job title, which needs contact sync). */
  website?: string;
}

const createdOrganizationSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z
    .union([z.object({ value: z.string().nullable().optional() }), z.string()])
    .nullable()
    .optional()
    .catch(undefined),
});

export type CreatedOrganization = z.infer<typeof createdOrganizationSchema>;

export function addOrganization(
  transport: Transport,
  body: AddOrganizationRequest,
): Promise<CreatedOrganization> {
  return callApi(
    transport,
    { method: 'POST', path: '/api/v2/organizations', body },
    createdOrganizationSchema,
  );
}
