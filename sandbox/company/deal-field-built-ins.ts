import type { CustomFieldType } from './custom-field-keys.ts';
import type { SandboxPlan } from './sandbox-plan.ts';

/**
 * The built-in fields of `GET /v1/dealFields` and the option lists they carry, as live Pipedrive
 * sends them (recorded/get-v1-dealFields, a 2025 production company); `deal-fields.ts` adds the
 * company's custom fields and writes the list.
 */

export interface FieldOption {
  id: number | string | boolean;
  label: string;
  alt_id?: string;
  color?: string;
}

/** An option a client sends back by id: custom fields and `channel` have numeric ids. */
export type NumericOption = FieldOption & { id: number };

/** `true`/`false`, or conditions on the deal such as `{"status": "=won"}` (recorded). */
export type MandatoryFlag = boolean | Readonly<Record<string, string>>;

export interface FieldDef {
  id: number;
  key: string;
  name: string;
  fieldType: string;
  /** Custom fields have `edit_flag: true` and a 40-hex key. */
  custom: boolean;
  mandatory: MandatoryFlag;
  active: boolean;
  addVisible: boolean;
  detailsVisible: boolean;
  bulkEdit: boolean;
  filtering: boolean;
  sortable: boolean;
  projectsDetailVisible: boolean;
  /** Fields placed in the deal's details panel sit in group 1; the others have no group. */
  grouped: boolean;
  addTime: string;
  updateTime: string | null;
  lastUpdatedBy: number | null;
  createdBy: number | null;
  description: string | null;
  /** Whether `show_in_pipelines` also lists `pipeline_ids` (empty: all pipelines). */
  listsPipelines: boolean;
  options: readonly FieldOption[] | null;
  /** Built-ins that link elsewhere in Pipedrive's UI carry these (recorded on title and stage_id). */
  useField?: string;
  link?: string;
  /** Monetary fields are followed by their currency as a subfield item with this key and name. */
  currencySubfield?: { key: string; name: string };
}

/** An active custom field a lead can carry, narrowed to the types the sandbox validates. */
export interface CustomDealField extends FieldDef {
  fieldType: CustomFieldType;
  custom: true;
  options: readonly NumericOption[] | null;
}

/**
 * Visibility options per plan family. Premium/Ultimate: as recorded from a live company (note the
 * typographic apostrophe, U+2019). Lite/Growth: ids 1 and 3 as in the spec's `addLead`; the
 * spec's labels "Owner & followers" and "Entire company" are the old ones, and Pipedrive's current
 * help page on visibility groups names the two Lite/Growth options "Item owner" and "All users",
 * the same words the recorded Premium list uses. Not verified against a Growth company's API.
 */
export const VISIBILITY_OPTIONS: Record<SandboxPlan, readonly FieldOption[]> = {
  growth: [
    { id: 1, label: 'Item owner' },
    { id: 3, label: 'All users' },
  ],
  premium: [
    { id: 1, label: 'Item owner' },
    { id: 3, label: 'Item owner\u2019s visibility group' },
    { id: 5, label: 'Item owner\u2019s visibility group and sub-groups' },
    { id: 7, label: 'All users' },
  ],
};

/** The `channel` options of a real `GET /v1/dealFields` dump, found in public code. */
export const CHANNEL_OPTIONS: readonly NumericOption[] = [
  { id: 64, label: 'Prospector', alt_id: 'prospector' },
  { id: 65, label: 'Lead Suggestions', alt_id: 'lead_suggestions' },
  { id: 66, label: 'Web forms', alt_id: 'web_forms' },
  { id: 67, label: 'Chatbot', alt_id: 'chatbot' },
  { id: 68, label: 'Live chat', alt_id: 'live_chat' },
  { id: 69, label: 'Web visitors', alt_id: 'web_visitors' },
  { id: 70, label: 'Campaigns', alt_id: 'campaigns' },
  { id: 71, label: 'Marketplace', alt_id: 'marketplace' },
  { id: 72, label: 'Messaging Inbox', alt_id: 'messaging_inbox' },
];

// `origin` is set by Pipedrive, not by clients, which is why its option ids are strings. The ids
// and labels are the recorded ones; API-created leads get `API`.
const ORIGIN_OPTIONS: readonly FieldOption[] = [
  { id: 'ManuallyCreated', label: 'Manually created' },
  { id: 'Import', label: 'Import' },
  { id: 'API', label: 'API' },
  { id: 'Automation', label: 'Automation' },
  { id: 'Marketplace', label: 'Marketplace' },
  { id: 'Prospector', label: 'Prospector' },
  { id: 'LeadSuggestion', label: 'Lead suggestions' },
  { id: 'WebForms', label: 'Web Forms' },
  { id: 'Chatbot', label: 'Chatbot' },
  { id: 'LiveChat', label: 'Live Chat' },
  { id: 'WebVisitors', label: 'Web Visitors' },
  { id: 'Campaigns', label: 'Campaigns' },
  { id: 'MessagingInbox', label: 'Messaging inbox' },
];

const STATUS_OPTIONS: readonly FieldOption[] = [
  { id: 'open', label: 'Open' },
  { id: 'lost', label: 'Lost' },
  { id: 'won', label: 'Won' },
  { id: 'deleted', label: 'Deleted' },
];

// Recorded: the only boolean option ids in the response.
const ARCHIVE_OPTIONS: readonly FieldOption[] = [
  { id: false, label: 'Not archived' },
  { id: true, label: 'Archived' },
];

// The company's own lost reasons (a `varchar_options` field: numeric ids, no colours).
const LOST_REASON_OPTIONS: readonly FieldOption[] = [
  { id: 31, label: 'Price too high' },
  { id: 32, label: 'Went with a competitor' },
  { id: 33, label: 'No budget this year' },
];

// Deal labels (not lead labels, which are `GET /v1/leadLabels`): a `set` with numeric ids and colours.
const DEAL_LABEL_OPTIONS: readonly FieldOption[] = [
  { id: 41, label: 'Hot', color: 'red' },
  { id: 42, label: 'Warm', color: 'yellow' },
  { id: 43, label: 'Cold', color: 'blue' },
];

// "YYYY-MM-DD HH:MM:SS" as recorded. Built-ins date from the company's creation (or from when
// Pipedrive added them to every company); custom fields from when the admin created them.
const COMPANY_CREATED = '2024-03-04 09:12:44';
const CHANNEL_FIELDS_ADDED = '2024-05-28 21:57:30';
const ARCHIVE_FIELDS_ADDED = '2025-03-25 11:03:30';
const SCORE_ADDED = '2025-11-18 10:36:48';
const SEQUENCES_ADDED = '2025-07-04 10:29:15';
export const LAYOUT_CHANGED = '2025-09-15 14:20:05';
export const CUSTOM_CREATED = '2024-05-14 10:03:27';
export const ADMIN_USER_ID = 21000001;

type BuiltInExtra = Partial<Omit<FieldDef, 'id' | 'key' | 'name' | 'fieldType' | 'custom'>>;

/** A built-in field with the flags most recorded built-ins share; `extra` says where one differs. */
function builtIn(
  id: number,
  key: string,
  name: string,
  fieldType: string,
  extra: BuiltInExtra = {},
): FieldDef {
  return {
    id,
    key,
    name,
    fieldType,
    custom: false,
    mandatory: true,
    active: true,
    addVisible: false,
    detailsVisible: false,
    bulkEdit: true,
    filtering: true,
    sortable: true,
    projectsDetailVisible: false,
    grouped: false,
    addTime: COMPANY_CREATED,
    updateTime: LAYOUT_CHANGED,
    lastUpdatedBy: null,
    createdBy: null,
    description: null,
    listsPipelines: false,
    options: null,
    ...extra,
  };
}

/** The "details" group a rep arranged in Pipedrive's UI, as in the recording. */
const inDetails = { grouped: true, lastUpdatedBy: ADMIN_USER_ID } as const;

export const BUILT_IN_FIELDS: readonly FieldDef[] = [
  builtIn(12474, 'id', 'ID', 'int', { bulkEdit: false }),
  builtIn(12451, 'title', 'Title', 'varchar', {
    addVisible: true,
    lastUpdatedBy: 0,
    useField: 'id',
    link: '/deal/',
  }),
  builtIn(12455, 'weighted_value', 'Weighted value', 'monetary', {
    bulkEdit: false,
    filtering: false,
    sortable: false,
    currencySubfield: { key: 'weighted_value_currency', name: 'Currency of Weighted value' },
  }),
  builtIn(12460, 'stage_id', 'Stage', 'stage', { addVisible: true, lastUpdatedBy: 0, useField: 'stage' }),
  builtIn(12461, 'status', 'Status', 'status', { options: STATUS_OPTIONS }),
  builtIn(12467, 'won_time', 'Won time', 'date', {
    mandatory: { status: '=won' },
    projectsDetailVisible: true,
  }),
  builtIn(12472, 'lost_reason', 'Lost reason', 'varchar_options', {
    mandatory: { status: '=lost' },
    lastUpdatedBy: ADMIN_USER_ID,
    listsPipelines: true,
    options: LOST_REASON_OPTIONS,
  }),
  // Options are filled per plan when the list is sent.
  builtIn(12473, 'visible_to', 'Visible to', 'visible_to', {
    addVisible: true,
    detailsVisible: true,
    lastUpdatedBy: 0,
  }),
  builtIn(12456, 'owner_id', 'Owner', 'user', { addVisible: true, lastUpdatedBy: 0 }),
  builtIn(12458, 'expected_close_date', 'Expected close date', 'date', { addVisible: true }),
  builtIn(12508, 'origin', 'Source origin', 'enum', {
    detailsVisible: true,
    bulkEdit: false,
    addTime: CHANNEL_FIELDS_ADDED,
    options: ORIGIN_OPTIONS,
  }),
  builtIn(12509, 'origin_id', 'Source origin ID', 'varchar', {
    detailsVisible: true,
    bulkEdit: false,
    addTime: CHANNEL_FIELDS_ADDED,
    updateTime: null,
  }),
  // mandatory_flag true as in the real dump; Pipedrive's API does not enforce it on leads.
  builtIn(12510, 'channel', 'Source channel', 'enum', {
    addVisible: true,
    detailsVisible: true,
    addTime: CHANNEL_FIELDS_ADDED,
    options: CHANNEL_OPTIONS,
  }),
  builtIn(12511, 'channel_id', 'Source channel ID', 'varchar', {
    addVisible: true,
    detailsVisible: true,
    addTime: CHANNEL_FIELDS_ADDED,
    updateTime: null,
  }),
  builtIn(12521, 'is_archived', 'Archive status', 'enum', {
    addTime: ARCHIVE_FIELDS_ADDED,
    updateTime: null,
    options: ARCHIVE_OPTIONS,
  }),
  builtIn(12522, 'archive_time', 'Archive time', 'date', {
    bulkEdit: false,
    addTime: ARCHIVE_FIELDS_ADDED,
    updateTime: null,
  }),
  builtIn(12527, 'score', 'Score', 'double', {
    detailsVisible: true,
    bulkEdit: false,
    addTime: SCORE_ADDED,
    updateTime: null,
  }),
  builtIn(12524, 'sequence_enrollment', 'Sequence enrollment', 'boolean', {
    ...inDetails,
    detailsVisible: true,
    bulkEdit: false,
    filtering: false,
    sortable: false,
    addTime: SEQUENCES_ADDED,
  }),
  // The amount of `value`; its currency is the subfield `currency`.
  builtIn(12454, 'value', 'Value', 'monetary', {
    ...inDetails,
    mandatory: false,
    addVisible: true,
    currencySubfield: { key: 'currency', name: 'Currency' },
  }),
  builtIn(12457, 'org_id', 'Organization', 'org', {
    ...inDetails,
    mandatory: { person_id: '<=0' },
    addVisible: true,
    detailsVisible: true,
  }),
  builtIn(12459, 'person_id', 'Contact person', 'people', {
    ...inDetails,
    mandatory: { org_id: '<=0' },
    addVisible: true,
    detailsVisible: true,
  }),
  builtIn(12492, 'label', 'Label', 'set', {
    ...inDetails,
    mandatory: false,
    addVisible: true,
    detailsVisible: true,
    projectsDetailVisible: true,
    options: DEAL_LABEL_OPTIONS,
  }),
];
