import type { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error.ts';
import type { ApiRequest, Transport } from './transport.ts';

/**
 * Sends a request, unwraps Pipedrive's `{ success, data }` envelope and checks `data` against
 * `schema`; any failure becomes an ApiError.
 */
export async function callApi<T>(
  transport: Transport,
  request: ApiRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  const response = await transport(request);
  const body: unknown = await response.json().catch(() => undefined);
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (!response.ok || envelope?.success !== true) {
    throw apiErrorFrom(response.status, body, response.headers.get('retry-after'));
  }
  const parsed = schema.safeParse(envelope.data);
  if (!parsed.success) {
    throw new ApiError(response.status, 'Pipedrive sent a response QuickLead does not understand', undefined);
  }
  return parsed.data;
}
