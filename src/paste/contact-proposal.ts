/** What a piece of pasted text can propose, each going to its own place (see fill-plan.ts). */
export type ProposalKey = 'name' | 'email' | 'phone' | 'jobTitle' | 'organization' | 'website' | 'address';

/** One value read from the pasted text, for the rep to check, correct and accept. */
export interface ProposedItem {
  key: ProposalKey;
  value: string;
  /** The piece of the pasted text it was read from, shown beside it so the rep can judge it. */
  from: string;
  /**
   * Why the rep should look twice (two possible names, a phone with no country code): shown
   * beside it, and such an item starts unticked.
   */
  doubt?: string;
  /** Something the rep should know that is no reason to doubt it, e.g. the country a number was read as. */
  note?: string;
}

export interface ContactProposal {
  /** What the text was read as. */
  readAs: 'vcard' | 'text';
  items: ProposedItem[];
  /** Lines that proposed nothing, so the rep sees what was left out rather than losing it unseen. */
  unused: string[];
  /** Said above the proposal, e.g. that only the first of several vCards was read. */
  notice?: string;
}

/** Keys of which the person, the organization or the note can take one value only. */
export const SINGLE_VALUE_KEYS: ReadonlySet<ProposalKey> = new Set([
  'name',
  'jobTitle',
  'organization',
  'website',
  'address',
]);
