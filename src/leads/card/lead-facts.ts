import type { ContactRef } from '@/contacts/contact-ref.ts';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { builtInOptions, customFieldsOf } from '@/pipedrive/deal-fields.ts';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { meAsUser } from '@/pipedrive/users.ts';
import { formatCalendarDate, formatDateTime, formatMoney } from '../../pipedrive/format-values.ts';
import { customFieldFacts } from '../custom-fields/custom-field-facts.ts';
import type { LeadFormInput } from '../form/lead-form-schema.ts';

export interface LeadFact {
  key: string;
  label: string;
  value: string;
}

/**
 * What the card shows, read from the lead Pipedrive returned and resolved to names with the
 * cached reference data, so showing it costs no request. Contact names come from the contacts the
 * form holds, where they are the lead's.
 */
export function leadFacts(
  lead: Lead,
  picks: Pick<LeadFormInput, 'person' | 'organization' | 'custom'>,
  reference: ReferenceData,
  locale: string | undefined,
): LeadFact[] {
  const facts: LeadFact[] = [];
  const add = (key: string, label: string, value: string | undefined | null) => {
    if (value) facts.push({ key, label, value });
  };
  // Lists not read this session (no value entered, owner not changed) leave those facts to the rep
  // and to Intl: the card reads nothing more.
  const users = reference.users.items ?? [meAsUser(reference.me)];
  const currencies = reference.currencies.items ?? [];
  add('person', 'Person', contactName(lead.person_id, picks.person));
  add('organization', 'Organization', contactName(lead.organization_id, picks.organization));
  if (lead.value)
    add('value', 'Value', formatMoney(lead.value.amount, lead.value.currency, currencies, locale));
  if (lead.expected_close_date)
    add('expected_close_date', 'Expected close date', formatCalendarDate(lead.expected_close_date, locale));
  if (lead.owner_id !== null)
    add('owner', 'Owner', users.find((user) => user.id === lead.owner_id)?.name ?? `#${lead.owner_id}`);
  const visibility = builtInOptions(reference.dealFields, 'visible_to').find(
    (option) => String(option.id) === lead.visible_to,
  );
  add('visible_to', 'Visible to', visibility?.label ?? lead.visible_to);
  const channel = builtInOptions(reference.dealFields, 'channel').find(
    (option) => option.id === lead.channel,
  );
  add('channel', 'Source channel', channel?.label ?? (lead.channel ? `#${lead.channel}` : undefined));
  add('channel_id', 'Source channel ID', lead.channel_id);
  const origin = builtInOptions(reference.dealFields, 'origin').find((option) => option.id === lead.origin);
  const originText = origin?.label ?? lead.origin;
  // API-created leads say "API" as both source and origin; once is enough.
  if (originText !== lead.source_name) add('origin', 'Source origin', originText);
  add('origin_id', 'Source origin ID', lead.origin_id);
  if (lead.was_seen) add('was_seen', 'Seen', 'Yes');
  // Pipedrive's address for this lead: emails sent or copied there are attached to it.
  add('cc_email', 'Email address of this lead', lead.cc_email);
  const customFields = customFieldsOf(reference.dealFields);
  for (const fact of customFieldFacts(customFields, lead, {
    users,
    currencies,
    locale,
    contacts: pickedContacts(customFields, picks.custom),
  })) {
    add(fact.key, fact.label, fact.value);
  }
  add('source', 'Source', lead.source_name);
  add('add_time', 'Added', formatDateTime(lead.add_time, locale));
  return facts;
}

/** The picked contact's name if it is the lead's (the rep may have picked another since), else its id. */
function contactName(id: number | null, picked: ContactRef | null): string | undefined {
  if (id === null) return undefined;
  return picked?.id === id ? picked.name : `#${id}`;
}

export function labelsOf(lead: Lead, labels: readonly LeadLabel[]): LeadLabel[] {
  return lead.label_ids.flatMap((id) => labels.filter((label) => label.id === id));
}

/** Names of the people and organizations picked in custom fields, so the card needs no lookup. */
function pickedContacts(
  fields: ReturnType<typeof customFieldsOf>,
  custom: LeadFormInput['custom'],
): { people: Record<number, string>; org: Record<number, string> } {
  const contacts = { people: {} as Record<number, string>, org: {} as Record<number, string> };
  for (const field of fields) {
    const value = custom[field.key];
    if (
      (field.field_type === 'people' || field.field_type === 'org') &&
      value &&
      typeof value === 'object' &&
      'name' in value
    ) {
      contacts[field.field_type][value.id] = value.name;
    }
  }
  return contacts;
}
