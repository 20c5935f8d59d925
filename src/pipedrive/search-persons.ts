import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { searchItems } from './call-api.ts';
import type { Transport } from './transport.ts';

export const MIN_SEARCH_LENGTH = 2;
const PAGE_SIZE = 20;

const personItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  emails: z.array(z.string()).catch([]),
  phones: z.array(z.string()).catch([]),
  organization: z.object({ id: z.number(), name: z.string() }).nullable().optional().catch(undefined),
});

export type PersonSearchItem = z.infer<typeof personItemSchema>;

export async function searchPersons(
  transport: Transport,
  term: string,
  signal?: AbortSignal,
): Promise<PersonSearchItem[]> {
  return searchItems(
    transport,
    { method: 'GET', path: '/api/v2/persons/search', query: { term, limit: PAGE_SIZE }, signal },
    'persons search',
    personItemSchema,
  );
}

export const personQueries = {
  all: ['persons'] as const,
  search: (transport: Transport, term: string) =>
    queryOptions({
      queryKey: [...personQueries.all, 'search', term] as const,
      queryFn: ({ signal }) => searchPersons(transport, term, signal),
      enabled: term.length >= MIN_SEARCH_LENGTH,
      staleTime: 60_000,
      placeholderData: keepPreviousData,
    }),
};
