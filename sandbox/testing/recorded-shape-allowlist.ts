/**
 * Every known difference between the shapes the sandbox sends and the shapes recorded from live
 * Pipedrive (`shared/pipedrive/recorded/`), with the reason it is kept; read by
 * sandbox/api/recorded-shapes.contract.test.ts, which fails on any difference not listed here, on
 * any entry that no longer matches a difference, and on any recorded folder or file that is neither
 * compared nor listed with `path: '*'`.
 *
 * `path` is a place in the body (`data[].options[].id`: keys joined by dots, `[]` for array items)
 * or `'*'` for a whole folder (or, with `file`, one file) the sandbox does not serve. Fix the
 * sandbox rather than add an entry wherever that is reasonable.
 */
export interface ShapeAllowance {
  /** The recorded folder, named after the request: `get-v1-dealFields`. */
  folder: string;
  /** One file of the folder, when the entry is about that file only. */
  file?: string;
  path: string;
  reason: string;
}

const NOT_USED = 'QuickLead does not call this endpoint, so the sandbox does not serve it';
const LEAD_FIELDS_2023 =
  'Recorded in 2023 (a fake handler pasted from a live answer), before Pipedrive added this property to leads; ' +
  'the 2026 recording of GET /v1/leads/{id} has it, and the 201 body of POST /v1/leads is the same lead shape ' +
  '(spec addLead)';
const USERS_ME =
  'GET /v1/users/me is the users shape plus the company and language (spec getCurrentUser); ' +
  'there is no recording of users/me, so it is compared with the recorded users and these are the documented extras';
const OTHER_COMPANY_FIELD =
  "A custom deal field of the recorded company (a 40-hex key of that account's own); custom values sit at the " +
  "top level of a lead, and the sandbox's sit there under the sandbox company's keys " +
  '(sandbox/api/api-lead-list.test.ts), which no recording can name';
const CAL_COM = 'Added by cal.com when it stored the token (recorded/SOURCES.md), not sent by Pipedrive';

export const RECORDED_SHAPE_ALLOWLIST: readonly ShapeAllowance[] = [
  // Recordings of requests the sandbox does not serve.
  { folder: 'delete-v1-leads-id', path: '*', reason: `${NOT_USED}: QuickLead never deletes a lead` },
  {
    folder: 'get-v1-organizations-id',
    path: '*',
    reason: `${NOT_USED}: organizations are searched and created through v2`,
  },
  {
    folder: 'get-v1-persons-id',
    path: '*',
    reason: `${NOT_USED}: persons are searched and created through v2`,
  },
  { folder: 'get-v2-deals-id', path: '*', reason: `${NOT_USED}: QuickLead creates leads, not deals` },
  { folder: 'patch-v1-leads-id', path: '*', reason: `${NOT_USED}: QuickLead never edits a lead it created` },
  { folder: 'patch-v2-pipelines-id', path: '*', reason: `${NOT_USED}: QuickLead does not touch pipelines` },
  { folder: 'post-v1-deals', path: '*', reason: `${NOT_USED}: QuickLead creates leads, not deals` },
  {
    folder: 'post-v1-organizations',
    path: '*',
    reason: `${NOT_USED}: the deprecated v1 create; the sandbox serves POST /api/v2/organizations`,
  },
  {
    folder: 'post-v1-persons',
    path: '*',
    reason: `${NOT_USED}: the deprecated v1 create; the sandbox serves POST /api/v2/persons`,
  },
  { folder: 'post-v2-stages', path: '*', reason: `${NOT_USED}: QuickLead does not touch stages` },
  {
    folder: 'errors',
    file: 'NangoHQ__integration-templates__delete-person-delete-status410.json',
    path: '*',
    reason: `${NOT_USED}: the answer to DELETE /v1/persons/{id} (a success body, though the file name says 410)`,
  },

  // GET /v1/dealFields
  {
    folder: 'get-v1-dealFields',
    path: 'additional_data',
    reason:
      'Neither recording kept it (one holds the data items only, the other is a partial paste); the sandbox pages ' +
      'with additional_data.pagination as Pipedrive documents for v1 lists',
  },

  // GET /v1/users/me, compared with the recorded users (see USERS_ME).
  { folder: 'get-v1-users', path: 'data.company_id', reason: USERS_ME },
  { folder: 'get-v1-users', path: 'data.company_name', reason: USERS_ME },
  { folder: 'get-v1-users', path: 'data.company_domain', reason: USERS_ME },
  { folder: 'get-v1-users', path: 'data.company_country', reason: USERS_ME },
  { folder: 'get-v1-users', path: 'data.company_industry', reason: USERS_ME },
  { folder: 'get-v1-users', path: 'data.language', reason: USERS_ME },

  // GET /v1/leads: the Airbyte recording's leads carry that company's own custom field values.
  {
    folder: 'get-v1-leads',
    path: 'data[].befdcfc4f54b8410b8d9105ba6d44658fd5965b9',
    reason: OTHER_COMPANY_FIELD,
  },
  {
    folder: 'get-v1-leads',
    path: 'data[].3ce5b1409718d65a8adc965be1f0da8821d8b9ab',
    reason: OTHER_COMPANY_FIELD,
  },

  // POST /v1/leads: the only recording predates these properties.
  { folder: 'post-v1-leads', path: 'data.archive_time', reason: LEAD_FIELDS_2023 },
  { folder: 'post-v1-leads', path: 'data.source_deal_id', reason: LEAD_FIELDS_2023 },
  { folder: 'post-v1-leads', path: 'data.origin', reason: LEAD_FIELDS_2023 },
  { folder: 'post-v1-leads', path: 'data.origin_id', reason: LEAD_FIELDS_2023 },
  { folder: 'post-v1-leads', path: 'data.channel', reason: LEAD_FIELDS_2023 },
  { folder: 'post-v1-leads', path: 'data.channel_id', reason: LEAD_FIELDS_2023 },

  // Lead search: the recording is of v1 /leads/search; the sandbox serves v2, which QuickLead uses.
  {
    folder: 'get-v1-leads-search',
    path: 'additional_data.pagination',
    reason:
      'v1 search pages with start/limit; the sandbox serves GET /api/v2/leads/search, which pages with a ' +
      'cursor (spec v2 searchLeads). The items are the same shape in both',
  },
  {
    folder: 'get-v1-leads-search',
    path: 'additional_data.next_cursor',
    reason:
      'The v2 cursor (spec v2 searchLeads), where the recorded v1 search has additional_data.pagination',
  },

  // OAuth token endpoint.
  { folder: 'oauth-token', path: 'expiryDate', reason: CAL_COM },
  { folder: 'oauth-token', path: 'accountServer', reason: CAL_COM },
  { folder: 'oauth-token', path: 'last_updated_on', reason: CAL_COM },
  {
    folder: 'oauth-token',
    path: 'error_description',
    reason:
      "Not in Pipedrive's hand-written invalid_grant mock (weak evidence, not a recording); kept because RFC 6749 " +
      '§5.2 names it, OAuth clients read it (src/auth/sign-in-error.ts), and the mock cannot show it is absent. ' +
      'Whether live Pipedrive sends it is unverified',
  },
];
