import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

export const MIN_SEARCH_LENGTH = 2;
const PAGE_SIZE = 20;

const personItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  organization: z.object({ id: z.number(), name: z.string() }).nullable().optional(),
});

const searchPersonsSchema = z.object({
  items: z.array(z.object({ result_score: z.number().optional(), item: personItemSchema })),
});

export type PersonSearchItem = z.infer<typeof personItemSchema>;

export async function searchPersons(
  transport: Transport,
  term: string,
  signal?: AbortSignal,
): Promise<PersonSearchItem[]> {
  const data = await callApi(
    transport,
    { method: 'GET', path: '/api/v2/persons/search', query: { term, limit: PAGE_SIZE }, signal },
    searchPersonsSchema,
  );
  return data.items.map((entry) => entry.item);
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
