/**
 * The `GET /v1/leads` reads QuickLead makes besides looking for a lost create (a page of 100 of the
 * contact's leads), told apart by their query so `npm run bench` can price each on its own line.
 * DOM-free, for the app and the scripts.
 */

/** A picked contact's open leads: the newest few are all the warning names. */
export const OPEN_LEAD_CHECK_LIMIT = 10;

/** The rep's recent leads, under the form. */
export const RECENT_LEADS_LIMIT = 20;

export type LeadListRead = 'recent leads' | 'open-lead check' | 'lost-create look-up';

/** Which read a `GET /v1/leads` query is. */
export function leadListReadOf(query: URLSearchParams): LeadListRead {
  if (query.has('owner_id')) return 'recent leads';
  if (query.get('limit') === String(OPEN_LEAD_CHECK_LIMIT)) return 'open-lead check';
  return 'lost-create look-up';
}
