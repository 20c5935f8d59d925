import { type Lead, leadSchema } from './add-lead.ts';
import { callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

export interface RecentLeadsQuery {
  /** One of the two: Pipedrive requires a person or an organization on every lead. */
  personId?: number;
  organizationId?: number;
  limit: number;
  start?: number;
}

/**
 * `GET /api/v1/leads` (getLeads) for one person, or else one organization, newest first. It reads
 * where leads are stored, so a lead created a moment ago is there at once, unlike in the search
 * index. Archived leads are left out, as Pipedrive documents.
 */
export function listRecentLeads(
  transport: Transport,
  query: RecentLeadsQuery,
  signal?: AbortSignal,
): Promise<Lead[]> {
  return callApiList(
    transport,
    {
      method: 'GET',
      path: '/api/v1/leads',
      query: {
        ...(query.personId !== undefined
          ? { person_id: query.personId }
          : { organization_id: query.organizationId }),
        sort: 'add_time DESC',
        limit: query.limit,
        start: query.start || undefined,
      },
      signal,
    },
    'leads',
    leadSchema,
  );
}
