import type { QueryClient } from '@tanstack/react-query';
import type { CreateOrganizationValues, CreatePersonValues } from '@/contacts/create-contact-schemas.ts';
import { lookUpOrganization } from '@/contacts/duplicate-lookup.ts';
import {
  type DuplicateCandidate,
  lookupTerms,
  type MatchReason,
  personCandidates,
  phoneDigits,
} from '@/contacts/duplicate-matches.ts';
import { type PersonLookupField, personQueries } from '@/pipedrive/search-persons.ts';
import type { Transport } from '@/pipedrive/transport.ts';

/**
 * What a batch knows of one contact a row names: found in Pipedrive (with why), to be created, or
 * created by this batch. Shared by every row naming the same contact, so a new person named on ten
 * rows is created once.
 */
export type ContactStatus =
  | { kind: 'found'; id: number; name: string; reasons: MatchReason[] }
  | { kind: 'new' }
  | { kind: 'created'; id: number }
  | { kind: 'failed'; reason: string };

const plainName = (name: string) =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Which rows name the same person: the same email, else the same phone digits, else the same name.
 * Names alone are weak (two Maria Garcias), but within one pasted list the same name with no other
 * detail is taken as one person, as a rep reading the list would.
 */
export function personKey(person: Pick<CreatePersonValues, 'name' | 'email' | 'phone'>): string {
  if (person.email) return `person:email:${person.email.toLowerCase()}`;
  const digits = phoneDigits(person.phone);
  if (digits.length > 0) return `person:phone:${digits}`;
  return `person:name:${plainName(person.name)}`;
}

export function organizationKey(organization: Pick<CreateOrganizationValues, 'name'>): string {
  return `org:name:${plainName(organization.name)}`;
}

/**
 * The existing person a row's person is: someone with the same email, else the same phone; a
 * namesake only when the row gives nothing else to tell them apart (a different email is a
 * different person).
 */
export function chosenPerson(
  typed: Pick<CreatePersonValues, 'name' | 'email' | 'phone'>,
  candidates: readonly DuplicateCandidate[],
): DuplicateCandidate | undefined {
  const by = (reason: MatchReason) => candidates.find((candidate) => candidate.reasons.includes(reason));
  if (typed.email) return by('email');
  return by('phone') ?? (typed.phone ? undefined : by('name'));
}

/**
 * Looks a person up as the inline create does (exact v2 searches, paced with the pickers), one
 * term at a time, strongest first, and stops at the first that settles it: a person found by email
 * costs one search, not three. `fresh` skips the one-minute cache (looking for a person this page
 * may have created).
 */
export async function lookUpBatchPerson(
  client: QueryClient,
  transport: Transport,
  person: CreatePersonValues,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<DuplicateCandidate | undefined> {
  const terms = lookupTerms<PersonLookupField>([
    { field: 'email', value: person.email },
    { field: 'phone', value: person.phone },
    { field: 'name', value: person.name },
  ]);
  for (const { fields, term } of terms) {
    const query = personQueries.lookup(transport, fields, term);
    const hits = await client.fetchQuery(fresh ? { ...query, staleTime: 0 } : query);
    const chosen = chosenPerson(person, personCandidates(person, hits));
    if (chosen) return chosen;
    // An email that matches nobody says this is someone new, whatever the name matches.
    if (fields.includes('email')) return undefined;
  }
  return undefined;
}

/** The organization with this name, if Pipedrive has one (one exact search). */
export async function lookUpBatchOrganization(
  client: QueryClient,
  transport: Transport,
  organization: CreateOrganizationValues,
): Promise<DuplicateCandidate | undefined> {
  const { candidates, failure } = await lookUpOrganization(client, transport, organization);
  if (failure) throw failure;
  return candidates[0];
}

/** How many exact searches looking these contacts up takes at most: one per term of each. */
export function lookupSearches(
  persons: readonly CreatePersonValues[],
  organizations: readonly CreateOrganizationValues[],
): number {
  // With an email the look-up stops after it (lookUpBatchPerson).
  const personTerms = persons.reduce(
    (sum, person) =>
      sum +
      (person.email
        ? 1
        : lookupTerms([
            { field: 'phone', value: person.phone },
            { field: 'name', value: person.name },
          ]).length),
    0,
  );
  return personTerms + organizations.length;
}
