import { type ProposalKey, type ProposedItem, SINGLE_VALUE_KEYS } from './contact-proposal.ts';

/** A proposed value as the rep left it: corrected, and ticked to be used or not. */
export interface ReviewedItem extends ProposedItem {
  id: string;
  use: boolean;
}

/** Where the accepted values go: the inline create dialogs, and the lead's note for the rest. */
export interface FillPlan {
  /** Into "Create person" (its duplicate look-up runs as for any person typed there). */
  person?: { name: string; email: string; phone: string };
  /** Into "Create organization", before the person, who is then created in it. */
  organization?: { name: string; address: string; website: string };
  /** Lines added to the lead's note: what a Pipedrive person has no standard field for. */
  noteLines: string[];
}

/** Each proposed value's name, as the dialog labels it and the note writes it. */
export const PROPOSAL_LABELS: Record<ProposalKey, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  jobTitle: 'Job title',
  organization: 'Organization',
  website: 'Website',
  address: 'Address',
};

type Destination = 'person' | 'organization' | 'note';

/**
 * Where one ticked value goes. A person in Pipedrive has one name and, here, one email and phone
 * (the dialog's); its job title and postal address exist only once an account sets up contact
 * sync, so a job title goes to the note. An organization has a standard address and website: they
 * go there when an organization is used, else to the note.
 */
function destinationOf(item: ReviewedItem, used: readonly ReviewedItem[]): Destination {
  const firstOfKey = used.find((other) => other.key === item.key) === item;
  const withOrganization = used.some((other) => other.key === 'organization');
  switch (item.key) {
    case 'name':
    case 'email':
    case 'phone':
      return firstOfKey ? 'person' : 'note';
    case 'organization':
      return firstOfKey ? 'organization' : 'note';
    case 'website':
    case 'address':
      return withOrganization && firstOfKey ? 'organization' : 'note';
    case 'jobTitle':
      return 'note';
  }
}

const cleaned = (items: readonly ReviewedItem[]) =>
  items
    .filter((item) => item.use && item.value.trim() !== '')
    .map((item) => ({ ...item, value: item.value.trim() }));

/** The words the dialog shows beside a ticked value: where it will go. */
export function destinationText(item: ReviewedItem, items: readonly ReviewedItem[]): string {
  const used = cleaned(items);
  const self = used.find((other) => other.id === item.id);
  if (!self) return 'Not used';
  switch (destinationOf(self, used)) {
    case 'person':
      return `Goes to the new person’s ${PROPOSAL_LABELS[item.key].toLowerCase()}`;
    case 'organization':
      return item.key === 'organization'
        ? 'Goes to a new organization (or one Pipedrive already has)'
        : `Goes to the new organization’s ${PROPOSAL_LABELS[item.key].toLowerCase()}`;
    case 'note':
      return item.key === 'jobTitle'
        ? 'Goes to the lead’s note: Pipedrive people have no job title field unless your company syncs contacts'
        : `Goes to the lead’s note (${item.key === 'website' || item.key === 'address' ? 'no organization to put it on' : 'the person takes one'})`;
  }
}

/** The accepted values, sorted into the person, the organization and the note. */
export function planFill(items: readonly ReviewedItem[]): FillPlan {
  const used = cleaned(items);
  const into = (destination: Destination, key: ProposalKey) =>
    used.find((item) => item.key === key && destinationOf(item, used) === destination)?.value ?? '';
  const personKeys = used.some((item) => destinationOf(item, used) === 'person');
  const organizationName = into('organization', 'organization');
  return {
    ...(personKeys
      ? {
          person: {
            name: into('person', 'name'),
            email: into('person', 'email'),
            phone: into('person', 'phone'),
          },
        }
      : {}),
    ...(organizationName
      ? {
          organization: {
            name: organizationName,
            address: into('organization', 'address'),
            website: into('organization', 'website'),
          },
        }
      : {}),
    noteLines: used
      .filter((item) => destinationOf(item, used) === 'note')
      .map((item) => `${PROPOSAL_LABELS[item.key]}: ${item.value}`),
  };
}

/** The values as first shown: each ticked unless in doubt, and only the first of a one-value key. */
export function reviewedItemsOf(items: readonly ProposedItem[]): ReviewedItem[] {
  const ticked = new Set<ProposalKey>();
  return items.map((item, index) => {
    const use = !item.doubt && !(SINGLE_VALUE_KEYS.has(item.key) && ticked.has(item.key));
    if (use) ticked.add(item.key);
    return { ...item, id: `${item.key}-${index}`, use };
  });
}
