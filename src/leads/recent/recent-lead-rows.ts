import type { Lead } from '@/pipedrive/add-lead.ts';
import type { Currency } from '@/pipedrive/currencies.ts';
import { formatDateTime, formatMoney } from '@/pipedrive/format-values.ts';
import { leadAge } from '../lead-age.ts';
import type { KnownNames } from './known-contact-names.ts';

/** One line of the rep's recent leads, as text. */
export interface RecentLeadRow {
  id: string;
  title: string;
  /** The person and the organization, by the names the app knows; '' when it knows neither. */
  contact: string;
  value: string;
  age: string;
  /** For `<time datetime>`; '' when Pipedrive sent no readable time. */
  addedAt: string;
  /** The date and time, for the tooltip. */
  addedText: string;
}

export function recentLeadRows(
  leads: readonly Lead[],
  context: { names: KnownNames; now: number; locale: string | undefined; currencies: readonly Currency[] },
): RecentLeadRow[] {
  return leads.map((lead) => {
    const person = lead.person_id === null ? undefined : context.names.person.get(lead.person_id);
    const organization =
      lead.organization_id === null ? undefined : context.names.organization.get(lead.organization_id);
    const readable = !Number.isNaN(Date.parse(lead.add_time));
    return {
      id: lead.id,
      title: lead.title.trim() === '' ? '(no title)' : lead.title,
      contact: [person, organization].filter(Boolean).join(', '),
      value: lead.value
        ? formatMoney(lead.value.amount, lead.value.currency, context.currencies, context.locale)
        : '',
      age: leadAge(lead.add_time, context.now, context.locale),
      addedAt: readable ? new Date(lead.add_time).toISOString() : '',
      addedText: readable ? formatDateTime(lead.add_time, context.locale) : '',
    };
  });
}
