import type { ApiRequest } from './transport.ts';

/** `GET /v1/users/me`: who signed in, their company, locale and default currency. */
export const CURRENT_USER_READ = { method: 'GET', path: '/api/v1/users/me' } as const satisfies ApiRequest;

/** `GET /v1/leadLabels`: the labels a lead can carry. */
export const LEAD_LABELS_READ = { method: 'GET', path: '/api/v1/leadLabels' } as const satisfies ApiRequest;

/** Deal fields are read in pages of this many (Pipedrive's largest). */
export const DEAL_FIELDS_PAGE_SIZE = 500;

/** `GET /v1/dealFields`, the page from `start` on: leads carry the deals' custom fields. */
export function dealFieldsPageRead(start: number): ApiRequest {
  return { method: 'GET', path: '/api/v1/dealFields', query: { start, limit: DEAL_FIELDS_PAGE_SIZE } };
}

/**
 * The reads every signed-in screen starts with (reference-data.ts), named here, apart from the code
 * that parses their answers, so that the session can send them before that code has loaded
 * (early-reads.ts).
 */
export const SETTINGS_READ_AT_SIGN_IN: readonly ApiRequest[] = [
  CURRENT_USER_READ,
  LEAD_LABELS_READ,
  dealFieldsPageRead(0),
];
