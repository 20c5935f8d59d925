import { OPEN_LEAD_CHECK_LIMIT, RECENT_LEADS_LIMIT } from '@common/lead-list-reads.ts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { type Lead, leadSchema } from './add-lead.ts';
import { callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

/** A person or an organization, as a lead links it. */
export interface LeadContact {
  kind: 'person' | 'organization';
  id: number;
}

type LeadFilter = { person_id: number } | { organization_id: number } | { owner_id: number };

/**
 * `GET /api/v1/leads` (getLeads) filtered one way, newest first. Pipedrive documents the list as
 * "not archived leads" (archived ones are `/leads/archived`), so every lead here is open; one that
 * still says `is_archived: true` is left out all the same. Read item by item: a lead QuickLead
 * cannot read is skipped, never the page.
 */
async function listLeadsBy(
  transport: Transport,
  filter: LeadFilter,
  limit: number,
  signal?: AbortSignal,
): Promise<Lead[]> {
  const leads = await callApiList(
    transport,
    { method: 'GET', path: '/api/v1/leads', query: { ...filter, sort: 'add_time DESC', limit }, signal },
    'leads',
    leadSchema,
  );
  return leads.filter((lead) => lead.is_archived !== true);
}

const filterOf = (contact: LeadContact): LeadFilter =>
  contact.kind === 'person' ? { person_id: contact.id } : { organization_id: contact.id };

/**
 * How long the rep's recent leads stay fresh. A read costs 20 tokens, and a lead created here is put
 * in the list without one; what a stale list misses are leads added on another device or by a
 * colleague for the rep, which can wait a few minutes. Read again only when the list is shown or
 * the tab comes back after that long, never on every focus.
 */
export const RECENT_LEADS_STALE_MS = 5 * 60_000;

export const leadListQueries = {
  /**
   * A picked contact's open leads, newest first: read once per contact per session (20 documented
   * tokens each), then kept. A lead created here afterwards is added to it (see noteCreatedLead),
   * and a contact created here starts with none (see noteNewContact), without a read.
   */
  open: (transport: Transport, contact: LeadContact) =>
    queryOptions({
      queryKey: ['leads', 'open', contact.kind, contact.id] as const,
      queryFn: ({ signal }) => listLeadsBy(transport, filterOf(contact), OPEN_LEAD_CHECK_LIMIT, signal),
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: Number.POSITIVE_INFINITY,
    }),
  /** The rep's last leads, on this account from any device, newest first. */
  recent: (transport: Transport, ownerId: number) =>
    queryOptions({
      queryKey: ['leads', 'recent', ownerId] as const,
      queryFn: ({ signal }) => listLeadsBy(transport, { owner_id: ownerId }, RECENT_LEADS_LIMIT, signal),
      staleTime: RECENT_LEADS_STALE_MS,
      refetchOnWindowFocus: true,
    }),
};

/** `lead` in front of `leads`, once, the list kept to `limit`. */
function withFirst(leads: readonly Lead[], lead: Lead, limit: number): Lead[] {
  return [lead, ...leads.filter((other) => other.id !== lead.id)].slice(0, limit);
}

/**
 * A lead QuickLead just created goes into the lists it belongs to that are already read: the
 * rep's recent leads (when the rep owns it) and the open leads of its person and organization.
 * No read is spent on it; a list not read yet is left alone (it will be read whole when needed).
 */
export function noteCreatedLead(client: QueryClient, lead: Lead, meId: number): void {
  if (lead.owner_id === meId) {
    client.setQueryData<Lead[]>(['leads', 'recent', meId], (leads) =>
      leads ? withFirst(leads, lead, RECENT_LEADS_LIMIT) : leads,
    );
  }
  const contacts: LeadContact[] = [
    ...(lead.person_id !== null ? [{ kind: 'person' as const, id: lead.person_id }] : []),
    ...(lead.organization_id !== null ? [{ kind: 'organization' as const, id: lead.organization_id }] : []),
  ];
  for (const contact of contacts) {
    client.setQueryData<Lead[]>(['leads', 'open', contact.kind, contact.id], (leads) =>
      leads ? withFirst(leads, lead, OPEN_LEAD_CHECK_LIMIT) : leads,
    );
  }
}

/** A contact created a moment ago cannot have leads: its check is answered without a read. */
export function noteNewContact(client: QueryClient, contact: LeadContact): void {
  client.setQueryData<Lead[]>(['leads', 'open', contact.kind, contact.id], []);
}

/**
 * A lead that is no longer open (converted to a deal, archived, deleted) leaves every list it is
 * in, without a read: the warning must not name it, nor the recent leads list it.
 */
export function noteLeadGone(client: QueryClient, leadId: string): void {
  for (const key of [
    ['leads', 'open'],
    ['leads', 'recent'],
  ]) {
    client.setQueriesData<Lead[]>({ queryKey: key }, (leads) =>
      leads?.some((lead) => lead.id === leadId) ? leads.filter((lead) => lead.id !== leadId) : leads,
    );
  }
}
