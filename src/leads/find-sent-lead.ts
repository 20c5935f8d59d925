import type { Lead } from '@/pipedrive/add-lead.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { getLead } from '@/pipedrive/get-lead.ts';
import { searchLeadsByTitle } from '@/pipedrive/search-leads.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import type { SentLeadKey } from './lead-send-ledger.ts';

/** Clocks differ between the browser and Pipedrive: a lead added this much before sending still counts. */
const CLOCK_SKEW_MS = 2 * 60_000;

/**
 * After a create whose answer never came (network drop, timeout, 5xx), the lead may or may not
 * exist. Sending it again blindly could make two, so look for it first: same title, same person or
 * organization, added since it was sent.
 */
export async function findSentLead(
  transport: Transport,
  body: SentLeadKey,
  sentAt: number,
): Promise<Lead | undefined> {
  const hits = await searchLeadsByTitle(transport, {
    title: body.title,
    personId: body.person_id,
    organizationId: body.person_id === undefined ? body.organization_id : undefined,
  });
  const candidates = hits.filter(
    (hit) =>
      hit.title === body.title &&
      (body.person_id === undefined || hit.person?.id === body.person_id) &&
      (body.organization_id === undefined || hit.organization?.id === body.organization_id),
  );
  for (const hit of candidates.slice(0, 5)) {
    const lead = await getLead(transport, hit.id);
    if (Date.parse(lead.add_time) >= sentAt - CLOCK_SKEW_MS) return lead;
  }
  return undefined;
}

/** A failure after which the lead may have been stored anyway: the request left, no clear answer came. */
export function isAmbiguousFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return (
    error instanceof TypeError ||
    (error instanceof DOMException && ['TimeoutError', 'AbortError'].includes(error.name))
  );
}
