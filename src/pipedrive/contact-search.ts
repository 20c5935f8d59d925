import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { searchItems } from './call-api.ts';
import type { Transport } from './transport.ts';

export const MIN_SEARCH_LENGTH = 2;
const PAGE_SIZE = 20;

/**
 * One of Pipedrive's v2 contact searches: the call, read item by item with `itemSchema`, and its
 * query (cached a minute per term, the previous answer kept while the next one loads).
 */
export function contactSearch<Item, Entity extends 'persons' | 'organizations'>(
  entity: Entity,
  itemSchema: z.ZodType<Item>,
) {
  const search = (transport: Transport, term: string, signal?: AbortSignal): Promise<Item[]> =>
    searchItems(
      transport,
      { method: 'GET', path: `/api/v2/${entity}/search`, query: { term, limit: PAGE_SIZE }, signal },
      `${entity} search`,
      itemSchema,
    );
  const all = [entity] as const;
  const queries = {
    all,
    search: (transport: Transport, term: string) =>
      queryOptions({
        queryKey: [...all, 'search', term] as const,
        queryFn: ({ signal }) => search(transport, term, signal),
        enabled: term.length >= MIN_SEARCH_LENGTH,
        staleTime: 60_000,
        placeholderData: keepPreviousData,
      }),
  };
  return { search, queries };
}
