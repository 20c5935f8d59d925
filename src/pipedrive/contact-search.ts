import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { searchItems } from './call-api.ts';
import type { Transport } from './transport.ts';

export const MIN_SEARCH_LENGTH = 2;
/** Hits per picker search: a smaller answer holds every contact that matches the term in any field. */
export const SEARCH_PAGE_SIZE = 20;
/**
 * Hits per look-up before an inline create. A search costs the same whatever its limit; more exact
 * matches than this on one email, phone or name are more than a rep can weigh anyway.
 */
const LOOKUP_PAGE_SIZE = 10;
/** How long a search's answer is used again for the same term, by the picker and the look-ups. */
const SEARCH_FRESH_MS = 60_000;

/**
 * One of Pipedrive's v2 contact searches: the call, read item by item with `itemSchema`, and its
 * queries: the picker's (every field, cached a minute per term, the previous answer kept while the
 * next one loads) and the look-up's (`fields` from the document's enum, `exact_match=true`: "only
 * full exact matches against the given term are returned. It is not case sensitive.").
 */
export function contactSearch<Item, Entity extends 'persons' | 'organizations', Field extends string>(
  entity: Entity,
  itemSchema: z.ZodType<Item>,
  /** The fields a look-up may name: values of the document's `fields` enum for this entity. */
  lookupFields: readonly Field[],
) {
  const search = (
    transport: Transport,
    query: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<Item[]> =>
    searchItems(
      transport,
      { method: 'GET', path: `/api/v2/${entity}/search`, query, signal },
      `${entity} search`,
      itemSchema,
    );
  const all = [entity] as const;
  const queries = {
    all,
    search: (transport: Transport, term: string) =>
      queryOptions({
        queryKey: [...all, 'search', term] as const,
        queryFn: ({ signal }) => search(transport, { term, limit: SEARCH_PAGE_SIZE }, signal),
        enabled: term.length >= MIN_SEARCH_LENGTH,
        staleTime: SEARCH_FRESH_MS,
        placeholderData: keepPreviousData,
      }),
    /** Contacts whose `fields` are exactly `term`, in any case; one search for all of them. */
    lookup: (transport: Transport, fields: readonly Field[], term: string) => {
      // In the document's order, so one set of fields is one cache entry however it was listed.
      const named = lookupFields.filter((field) => fields.includes(field)).join(',');
      return queryOptions({
        queryKey: [...all, 'lookup', named, term] as const,
        queryFn: ({ signal }) =>
          search(transport, { term, fields: named, exact_match: 'true', limit: LOOKUP_PAGE_SIZE }, signal),
        staleTime: SEARCH_FRESH_MS,
      });
    },
  };
  return {
    search: (transport: Transport, term: string, signal?: AbortSignal) =>
      search(transport, { term, limit: SEARCH_PAGE_SIZE }, signal),
    queries,
  };
}
