import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { searchItems } from './call-api.ts';
import { MIN_SEARCH_LENGTH } from './search-persons.ts';
import type { Transport } from './transport.ts';

const PAGE_SIZE = 20;

const organizationItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string().nullable().optional().catch(undefined),
});

export type OrganizationSearchItem = z.infer<typeof organizationItemSchema>;

export async function searchOrganizations(
  transport: Transport,
  term: string,
  signal?: AbortSignal,
): Promise<OrganizationSearchItem[]> {
  return searchItems(
    transport,
    { method: 'GET', path: '/api/v2/organizations/search', query: { term, limit: PAGE_SIZE }, signal },
    'organizations search',
    organizationItemSchema,
  );
}

export const organizationQueries = {
  all: ['organizations'] as const,
  search: (transport: Transport, term: string) =>
    queryOptions({
      queryKey: [...organizationQueries.all, 'search', term] as const,
      queryFn: ({ signal }) => searchOrganizations(transport, term, signal),
      enabled: term.length >= MIN_SEARCH_LENGTH,
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
