import { z } from 'zod';
import { searchItems } from './call-api.ts';
import type { Transport } from './transport.ts';

const leadHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  person: z.object({ id: z.number() }).nullable().optional().catch(undefined),
  organization: z.object({ id: z.number() }).nullable().optional().catch(undefined),
});

export type LeadHit = z.infer<typeof leadHitSchema>;

/** `GET /api/v2/leads/search` on the title, exact match, narrowed to the person or organization. */
export async function searchLeadsByTitle(
  transport: Transport,
  query: { title: string; personId?: number; organizationId?: number },
  signal?: AbortSignal,
): Promise<LeadHit[]> {
  return searchItems(
    transport,
    {
      method: 'GET',
      path: '/api/v2/leads/search',
      query: {
        term: query.title,
        fields: 'title',
        exact_match: 'true',
        person_id: query.personId,
        organization_id: query.organizationId,
        limit: 10,
      },
      signal,
    },
    'leads search',
    leadHitSchema,
  );
}
