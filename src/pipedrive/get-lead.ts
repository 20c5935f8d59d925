import { type Lead, leadSchema } from './add-lead.ts';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

export function getLead(transport: Transport, id: string, signal?: AbortSignal): Promise<Lead> {
  return callApi(
    transport,
    { method: 'GET', path: `/api/v1/leads/${encodeURIComponent(id)}`, signal },
    leadSchema,
  );
}
