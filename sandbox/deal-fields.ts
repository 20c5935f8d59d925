import type { SandboxPlan } from './crm-store.ts';
import {
  CUSTOM_FIELD_KEYS,
  CUSTOM_FIELD_NAMES,
  CUSTOM_FIELD_OPTION_IDS,
  type CustomFieldType,
  INACTIVE_CUSTOM_FIELD_KEY,
  MANDATORY_CUSTOM_FIELD_KEY,
} from './custom-field-keys.ts';

export interface FieldOption {
  id: number | string;
  label: string;
  alt_id?: string;
  color?: string;
}

interface FieldDef {
  id: number;
  key: string;
  name: string;
  fieldType: string;
  /** Custom fields have `edit_flag: true` and a 40-hex key. */
  custom: boolean;
  mandatory: boolean;
  active: boolean;
  addVisible: boolean;
  options: readonly FieldOption[] | null;
}

/** An active custom field a lead can carry, narrowed to the types the sandbox validates. */
export interface CustomDealField extends FieldDef {
  fieldType: CustomFieldType;
  custom: true;
}

/** REFERENCE §2.6: the visibility options differ between Lite/Growth/Professional and Premium/Ultimate. */
export const VISIBILITY_OPTIONS: Record<SandboxPlan, readonly FieldOption[]> = {
  growth: [
    { id: 1, label: 'Owner & followers' },
    { id: 3, label: 'Entire company' },
  ],
  premium: [
    { id: 1, label: 'Owner only' },
    { id: 3, label: "Owner's visibility group" },
    { id: 5, label: "Owner's visibility group and sub-groups" },
    { id: 7, label: 'Entire company' },
  ],
};

/** The `channel` options of a real `GET /v1/dealFields` dump (REFERENCE §2.6). */
export const CHANNEL_OPTIONS: readonly FieldOption[] = [
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

// `origin` is set by Pipedrive, not by clients, which is why its option ids are strings.
const ORIGIN_OPTIONS: readonly FieldOption[] = [
  { id: 'ManuallyCreated', label: 'Manually created' },
  { id: 'Import', label: 'Import' },
  { id: 'API', label: 'API' },
  { id: 'WebForms', label: 'Web forms' },
  { id: 'Prospector', label: 'Prospector' },
  { id: 'LeadSuggestions', label: 'Lead Suggestions' },
  { id: 'LiveChat', label: 'Live chat' },
  { id: 'Chatbot', label: 'Chatbot' },
  { id: 'WebVisitors', label: 'Web visitors' },
  { id: 'Marketplace', label: 'Marketplace' },
  { id: 'MessagingInbox', label: 'Messaging Inbox' },
  { id: 'WorkflowAutomation', label: 'Workflow automation' },
];

const { enum: customerType, set: products } = CUSTOM_FIELD_OPTION_IDS;

const CUSTOM_OPTIONS: Partial<Record<CustomFieldType, readonly FieldOption[]>> = {
  enum: [
    { id: customerType.privatePerson, label: 'Private person' },
    { id: customerType.company, label: 'Company' },
    { id: customerType.government, label: 'Government' },
  ],
  set: [
    { id: products.crmSuite, label: 'CRM suite' },
    { id: products.analytics, label: 'Analytics add-on' },
    { id: products.integrations, label: 'Integrations' },
    { id: products.premiumSupport, label: 'Premium support' },
  ],
};

function builtIn(
  id: number,
  key: string,
  name: string,
  fieldType: string,
  extra: Partial<Pick<FieldDef, 'mandatory' | 'addVisible' | 'options'>> = {},
): FieldDef {
  return {
    id,
    key,
    name,
    fieldType,
    custom: false,
    mandatory: false,
    active: true,
    addVisible: true,
    options: null,
    ...extra,
  };
}

const BUILT_IN_FIELDS: readonly FieldDef[] = [
  builtIn(12451, 'title', 'Title', 'varchar', { mandatory: true }),
  // The amount of `value`; its currency is the separate built-in `currency`.
  builtIn(12452, 'value', 'Value', 'monetary'),
  // Pipedrive's own dumps type this `varchar_options`; `varchar` keeps it inside the spec's enum.
  builtIn(12453, 'currency', 'Currency', 'varchar'),
  builtIn(12454, 'owner_id', 'Owner', 'user'),
  builtIn(12455, 'person_id', 'Contact person', 'people'),
  builtIn(12456, 'org_id', 'Organization', 'org'),
  builtIn(12457, 'expected_close_date', 'Expected close date', 'date'),
  builtIn(12458, 'label', 'Label', 'enum', {
    options: [
      { id: 1, label: 'Hot', color: 'red' },
      { id: 2, label: 'Warm', color: 'yellow' },
      { id: 3, label: 'Cold', color: 'blue' },
    ],
  }),
  // Options are filled per plan when the list is sent.
  builtIn(12459, 'visible_to', 'Visible to', 'visible_to'),
  // mandatory_flag true as in the real dump; Pipedrive's API does not enforce it on leads.
  builtIn(12510, 'channel', 'Source channel', 'enum', { mandatory: true, options: CHANNEL_OPTIONS }),
  builtIn(12511, 'channel_id', 'Source channel ID', 'varchar'),
  builtIn(12512, 'origin', 'Source origin', 'enum', { addVisible: false, options: ORIGIN_OPTIONS }),
  builtIn(12513, 'origin_id', 'Source origin ID', 'varchar', { addVisible: false }),
];

const CUSTOM_TYPES_IN_ORDER = Object.keys(CUSTOM_FIELD_KEYS) as CustomFieldType[];

const ACTIVE_CUSTOM_FIELDS: readonly CustomDealField[] = CUSTOM_TYPES_IN_ORDER.map((type, index) => ({
  id: 12601 + index,
  key: CUSTOM_FIELD_KEYS[type],
  name: CUSTOM_FIELD_NAMES[type],
  fieldType: type,
  custom: true,
  mandatory: CUSTOM_FIELD_KEYS[type] === MANDATORY_CUSTOM_FIELD_KEY,
  active: true,
  addVisible: true,
  options: CUSTOM_OPTIONS[type] ?? null,
}));

const INACTIVE_CUSTOM_FIELD: FieldDef = {
  id: 12600,
  key: INACTIVE_CUSTOM_FIELD_KEY,
  name: 'Fax number',
  fieldType: 'varchar',
  custom: true,
  mandatory: false,
  active: false,
  addVisible: false,
  options: null,
};

/** Every deal field in `order_nr` order; the inactive one sits among the custom fields. */
const ALL_FIELDS: readonly FieldDef[] = [...BUILT_IN_FIELDS, INACTIVE_CUSTOM_FIELD, ...ACTIVE_CUSTOM_FIELDS];

const CUSTOM_BY_KEY = new Map(ACTIVE_CUSTOM_FIELDS.map((field) => [field.key, field]));

/** Active custom fields in field order: the only custom keys `POST /v1/leads` accepts. */
export function activeCustomFields(): readonly CustomDealField[] {
  return ACTIVE_CUSTOM_FIELDS;
}

export function findActiveCustomField(key: string): CustomDealField | undefined {
  return CUSTOM_BY_KEY.get(key);
}

// Pipedrive sends "YYYY-MM-DD HH:MM:SS" here, but the spec declares `format: date-time`, which
// contract tests check; ISO 8601 satisfies both the schema and any date parser.
const BUILT_IN_TIME = '2024-03-04T09:12:44Z';
const CUSTOM_TIME = '2024-05-14T10:03:27Z';
const ADMIN_USER_ID = 21000001;

/** Custom field types whose values `searchable_flag` covers, and lead search finds. */
export const SEARCHABLE_FIELD_TYPES: ReadonlySet<string> = new Set([
  'varchar',
  'varchar_auto',
  'text',
  'phone',
  'address',
]);

function fieldJson(field: FieldDef, orderNr: number, plan: SandboxPlan) {
  const options = field.key === 'visible_to' ? VISIBILITY_OPTIONS[plan] : field.options;
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    order_nr: orderNr,
    field_type: field.fieldType,
    add_time: field.custom ? CUSTOM_TIME : BUILT_IN_TIME,
    update_time: field.custom ? CUSTOM_TIME : BUILT_IN_TIME,
    last_updated_by_user_id: field.custom ? ADMIN_USER_ID : null,
    created_by_user_id: field.custom ? ADMIN_USER_ID : null,
    active_flag: field.active,
    edit_flag: field.custom,
    index_visible_flag: true,
    details_visible_flag: true,
    add_visible_flag: field.addVisible,
    important_flag: false,
    bulk_edit_allowed: field.key !== 'origin' && field.key !== 'origin_id',
    searchable_flag: field.key === 'title' || (field.custom && SEARCHABLE_FIELD_TYPES.has(field.fieldType)),
    filtering_allowed: true,
    sortable_flag: true,
    mandatory_flag: field.mandatory,
    options: options ? options.map((option) => ({ ...option })) : null,
    options_deleted: [],
    is_subfield: false,
  };
}

/** REFERENCE §2.6: a monetary custom field is followed by its currency as a subfield item. */
function currencySubfieldJson(parent: FieldDef, orderNr: number) {
  return {
    ...fieldJson({ ...parent, fieldType: 'varchar', options: null, mandatory: false }, orderNr, 'premium'),
    id: null,
    key: `${parent.key}_currency`,
    name: `Currency of ${parent.name}`,
    is_subfield: true,
    parent_id: parent.id,
    id_suffix: 'currency',
  };
}

export type DealFieldJson = ReturnType<typeof fieldJson> | ReturnType<typeof currencySubfieldJson>;

/** The whole `GET /v1/dealFields` list for a plan, before paging. */
export function dealFieldsJson(plan: SandboxPlan): DealFieldJson[] {
  const items: DealFieldJson[] = [];
  for (const field of ALL_FIELDS) {
    items.push(fieldJson(field, items.length + 1, plan));
    if (field.custom && field.fieldType === 'monetary')
      items.push(currencySubfieldJson(field, items.length + 1));
  }
  return items;
}
