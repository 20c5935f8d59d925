import type { QueryClient } from '@tanstack/react-query';
import { SEARCH_PAGE_SIZE } from '@/pipedrive/contact-search.ts';
import { type OrganizationSearchItem, organizationQueries } from '@/pipedrive/search-organizations.ts';
import { type PersonLookupField, type PersonSearchItem, personQueries } from '@/pipedrive/search-persons.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import type { CreateOrganizationValues, CreatePersonValues } from './create-contact-schemas.ts';
import {
  type DuplicateCandidate,
  type LookupTerm,
  lookupTerms,
  organizationCandidates,
  personCandidates,
} from './duplicate-matches.ts';

/** What the look-up before an inline create found, and whether any of its searches failed. */
export interface LookupResult {
  candidates: DuplicateCandidate[];
  /** The first search that failed: the rep is told QuickLead could not check, and may go on. */
  failure?: Error;
}

/** As long as the picker's own answers are used (contact-search.ts). */
const PICKER_FRESH_MS = 60_000;

/**
 * The picker's answer for `term` when it can stand in for a look-up: read within the minute, and
 * shorter than a page, so it holds every contact matching the term in any field, exact ones
 * included. Then the look-up costs no search at all.
 */
function pickerAnswer<Item>(client: QueryClient, key: readonly unknown[]): Item[] | undefined {
  const query = client.getQueryCache().find<Item[]>({ queryKey: key, exact: true });
  const data = query?.state.data;
  if (query?.state.status !== 'success' || !data || query.isStaleByTime(PICKER_FRESH_MS)) {
    return undefined;
  }
  return data.length < SEARCH_PAGE_SIZE ? data : undefined;
}

/**
 * Every term searched once (or answered from the picker's cache), at the same time; the searches
 * take their turn in the session's search pace (search-pace.ts) like the picker's. A failed one
 * does not hide what the others found.
 */
async function runLookups<Item, Field extends string>(
  terms: readonly LookupTerm<Field>[],
  fromPicker: (term: string) => Item[] | undefined,
  search: (term: LookupTerm<Field>) => Promise<Item[]>,
): Promise<{ hits: Item[]; failure?: Error }> {
  const settled = await Promise.allSettled(terms.map((term) => fromPicker(term.term) ?? search(term)));
  const hits = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
  const failed = settled.find((result) => result.status === 'rejected');
  const failure = failed
    ? failed.reason instanceof Error
      ? failed.reason
      : new Error(String(failed.reason))
    : undefined;
  return failure ? { hits, failure } : { hits };
}

/** Before creating a person: existing people with the same email, phone or name. */
export async function lookUpPerson(
  client: QueryClient,
  transport: Transport,
  values: CreatePersonValues,
): Promise<LookupResult> {
  const terms = lookupTerms<PersonLookupField>([
    { field: 'email', value: values.email },
    { field: 'phone', value: values.phone },
    { field: 'name', value: values.name },
  ]);
  const { hits, failure } = await runLookups(
    terms,
    (term) => pickerAnswer<PersonSearchItem>(client, personQueries.search(transport, term).queryKey),
    ({ fields, term }) => client.fetchQuery(personQueries.lookup(transport, fields, term)),
  );
  const candidates = personCandidates(values, hits);
  return failure ? { candidates, failure } : { candidates };
}

/**
 * Before creating an organization: existing ones with the same name. Not by website or domain: the
 * v2 organization search cannot search those fields (organization-lookups in search-organizations.ts).
 */
export async function lookUpOrganization(
  client: QueryClient,
  transport: Transport,
  values: CreateOrganizationValues,
): Promise<LookupResult> {
  const terms = lookupTerms([{ field: 'name' as const, value: values.name }]);
  const { hits, failure } = await runLookups(
    terms,
    (term) =>
      pickerAnswer<OrganizationSearchItem>(client, organizationQueries.search(transport, term).queryKey),
    ({ fields, term }) => client.fetchQuery(organizationQueries.lookup(transport, fields, term)),
  );
  const candidates = organizationCandidates(values, hits);
  return failure ? { candidates, failure } : { candidates };
}
