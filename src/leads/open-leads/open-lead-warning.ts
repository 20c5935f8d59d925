import { OPEN_LEAD_CHECK_LIMIT } from '@common/lead-list-reads.ts';
import type { ContactRef } from '@/contacts/contact-ref.ts';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { leadAge } from '../lead-age.ts';

/** The person or organization the form holds. */
export interface PickedContact {
  kind: 'person' | 'organization';
  ref: ContactRef;
}

/** What is known of a picked contact's open leads. */
export type ContactCheck =
  | { contact: PickedContact; state: 'checking' }
  | { contact: PickedContact; state: 'failed'; error: Error }
  | { contact: PickedContact; state: 'checked'; leads: readonly Lead[] };

/** A picked contact that already has open leads, and the newest of them. */
export interface OpenLeadWarning {
  contact: PickedContact;
  newest: Lead;
  count: number;
  /** The check read a full page: there may be more than `count`. */
  more: boolean;
}

/**
 * The warnings the form shows, person first. A lead of both the person and the organization is
 * named once, under the person: an organization whose newest open lead is the one already named
 * adds nothing a rep needs.
 */
export function openLeadWarnings(checks: readonly ContactCheck[]): OpenLeadWarning[] {
  const named = new Set<string>();
  const warnings: OpenLeadWarning[] = [];
  const ofKind = (kind: PickedContact['kind']) => checks.filter((check) => check.contact.kind === kind);
  for (const check of [...ofKind('person'), ...ofKind('organization')]) {
    if (check.state !== 'checked') continue;
    const [newest] = check.leads;
    if (!newest || named.has(newest.id)) continue;
    named.add(newest.id);
    warnings.push({
      contact: check.contact,
      newest,
      count: check.leads.length,
      more: check.leads.length >= OPEN_LEAD_CHECK_LIMIT,
    });
  }
  return warnings;
}

/**
 * What a rep confirms by pressing "Create lead anyway": these contacts, with these newest leads.
 * Another contact, or a newer lead, is another warning and asks again.
 */
export function warningKey(warnings: readonly OpenLeadWarning[]): string {
  return warnings
    .map((warning) => `${warning.contact.kind}:${warning.contact.ref.id}:${warning.newest.id}`)
    .join('|');
}

export interface DescribeContext {
  now: number;
  locale: string | undefined;
  /** The owner's name when known; undefined leaves the owner out rather than show an id. */
  ownerName: (ownerId: number) => string | undefined;
}

/** "‘Engines renewal’", or a stand-in for a lead Pipedrive sent without a readable title. */
export function leadTitleText(lead: Pick<Lead, 'title'>): string {
  return lead.title.trim() === '' ? 'a lead without a title' : `‘${lead.title}’`;
}

/**
 * "Ada Lovelace already has an open lead: ‘Engines renewal’, added 3 days ago, owner James
 * Carter." With more than one: "… already has 3 open leads. The newest: ‘…’, added …".
 */
export function describeOpenLead(warning: OpenLeadWarning, context: DescribeContext): string {
  const { newest } = warning;
  const age = leadAge(newest.add_time, context.now, context.locale);
  const owner = newest.owner_id === null ? undefined : context.ownerName(newest.owner_id);
  const about = [leadTitleText(newest), age && `added ${age}`, owner && `owner ${owner}`]
    .filter(Boolean)
    .join(', ');
  const name = warning.contact.ref.name;
  if (warning.count === 1) return `${name} already has an open lead: ${about}.`;
  const count = `${warning.count}${warning.more ? ' or more' : ''}`;
  return `${name} already has ${count} open leads. The newest: ${about}.`;
}
