import type { OrganizationSearchItem } from '@/pipedrive/search-organizations.ts';
import type { PersonSearchItem } from '@/pipedrive/search-persons.ts';
import type { ContactRef } from './contact-ref.ts';

/** Why an existing contact may be the one the rep is about to create. */
export type MatchReason = 'email' | 'phone' | 'name';

/** The strongest first: an email belongs to one person, a name to many. */
const STRENGTH: readonly MatchReason[] = ['email', 'phone', 'name'];

const REASON_TEXT: Record<MatchReason, string> = {
  email: 'same email',
  phone: 'same phone',
  name: 'same name',
};

/** An existing person or organization the inline create may duplicate. */
export interface DuplicateCandidate {
  id: number;
  name: string;
  /** What tells namesakes apart in the offer: the email (or phone) it shares, else its first, or the address. */
  detail?: string;
  /** A person's organization, so picking the person can offer to fill it as a search pick does. */
  organization?: ContactRef;
  reasons: MatchReason[];
}

/** "same email", "same email and same name", "same email, same phone and same name". */
export function whyItMatched(reasons: readonly MatchReason[]): string {
  const texts = STRENGTH.filter((reason) => reasons.includes(reason)).map((reason) => REASON_TEXT[reason]);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} and ${texts.at(-1)}`;
}

/** Names compare as Pipedrive's exact match does (not case sensitive), and also without accents or extra spaces. */
export function sameName(a: string, b: string): boolean {
  const plain = (text: string) =>
    text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  return plain(a) !== '' && plain(a) === plain(b);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Fewer digits than this is no phone number to match on ("ext. 12", "n/a"). */
export const MIN_PHONE_DIGITS = 5;

/** The digits of a number, "00" before a country code read as the "+" it stands for. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return phone.trim().startsWith('00') ? digits.slice(2) : digits;
}

/**
 * The same digits however they are laid out: "+44 20 7946 0958", "+44 (20) 7946-0958" and
 * "0044 20 7946 0958" are one number. A national form ("020 7946 0958") is not matched to an
 * international one: that needs the number's country, which QuickLead does not know, and
 * Pipedrive documents no such matching either.
 */
export function samePhone(a: string, b: string): boolean {
  const digits = phoneDigits(a);
  return digits.length >= MIN_PHONE_DIGITS && digits === phoneDigits(b);
}

function strongestFirst(a: DuplicateCandidate, b: DuplicateCandidate): number {
  const rank = (candidate: DuplicateCandidate) =>
    Math.min(...candidate.reasons.map((reason) => STRENGTH.indexOf(reason)));
  return rank(a) - rank(b) || b.reasons.length - a.reasons.length || a.name.localeCompare(b.name);
}

/** One entry per contact id, whichever searches found it. */
function distinct<T extends { id: number }>(hits: readonly T[]): T[] {
  return [...new Map(hits.map((hit) => [hit.id, hit])).values()];
}

export interface TypedPerson {
  name: string;
  email: string;
  phone: string;
}

/**
 * The people among the look-ups' hits who share the typed email, phone or name, strongest match
 * first, each with why. Pipedrive's exact match decides what comes back; this keeps only what
 * really matches, so a looser answer never offers a stranger.
 */
export function personCandidates(
  typed: TypedPerson,
  hits: readonly PersonSearchItem[],
): DuplicateCandidate[] {
  return distinct(hits)
    .flatMap((hit): DuplicateCandidate[] => {
      const email = typed.email ? hit.emails.find((value) => sameEmail(value, typed.email)) : undefined;
      const phone = typed.phone ? hit.phones.find((value) => samePhone(value, typed.phone)) : undefined;
      const reasons: MatchReason[] = [
        ...(email ? ['email' as const] : []),
        ...(phone ? ['phone' as const] : []),
        ...(sameName(hit.name, typed.name) ? ['name' as const] : []),
      ];
      if (reasons.length === 0) return [];
      const detail = email ?? hit.emails[0] ?? phone ?? hit.phones[0];
      return [
        {
          id: hit.id,
          name: hit.name,
          reasons,
          ...(detail ? { detail } : {}),
          ...(hit.organization
            ? { organization: { id: hit.organization.id, name: hit.organization.name } }
            : {}),
        },
      ];
    })
    .sort(strongestFirst);
}

/** The organizations among the hits with the typed name. */
export function organizationCandidates(
  typed: { name: string },
  hits: readonly OrganizationSearchItem[],
): DuplicateCandidate[] {
  return distinct(hits)
    .filter((hit) => sameName(hit.name, typed.name))
    .map((hit) => ({
      id: hit.id,
      name: hit.name,
      reasons: ['name' as const],
      ...(hit.address ? { detail: hit.address } : {}),
    }))
    .sort(strongestFirst);
}

/** One search for one value, in every field it is to be found in. */
export interface LookupTerm<Field extends string> {
  fields: Field[];
  term: string;
}

/**
 * What to search before creating: each filled value once. Values that are the same text (an email
 * typed as the name, say) share one search, since an exact match ignores case; a phone with too
 * few digits to match on is not searched.
 */
export function lookupTerms<Field extends string>(
  values: ReadonlyArray<{ field: Field; value: string }>,
): LookupTerm<Field>[] {
  const terms = new Map<string, LookupTerm<Field>>();
  for (const { field, value } of values) {
    const term = value.replace(/\s+/g, ' ').trim();
    if (term === '') continue;
    if (field === 'phone' && phoneDigits(term).length < MIN_PHONE_DIGITS) continue;
    const key = term.toLowerCase();
    const entry = terms.get(key);
    if (entry) {
      if (!entry.fields.includes(field)) entry.fields.push(field);
    } else terms.set(key, { fields: [field], term });
  }
  return [...terms.values()];
}
