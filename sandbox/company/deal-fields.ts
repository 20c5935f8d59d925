import {
  CUSTOM_FIELD_KEYS,
  CUSTOM_FIELD_NAMES,
  CUSTOM_FIELD_OPTION_IDS,
  type CustomFieldType,
  INACTIVE_CUSTOM_FIELD_KEY,
  MANDATORY_CUSTOM_FIELD_KEY,
  NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY,
  WON_ONLY_CUSTOM_FIELD_KEY,
} from './custom-field-keys.ts';
import {
  ADMIN_USER_ID,
  BUILT_IN_FIELDS,
  CUSTOM_CREATED,
  type CustomDealField,
  type FieldDef,
  LAYOUT_CHANGED,
  type MandatoryFlag,
  type NumericOption,
  VISIBILITY_OPTIONS,
} from './deal-field-built-ins.ts';
import type { SandboxPlan } from './sandbox-plan.ts';

/**
 * `GET /v1/dealFields` as live Pipedrive sends it (recorded/get-v1-dealFields, a 2025 production
 * company): where the recording and the OpenAPI document disagree, this follows the recording.
 * Option ids may be numbers, strings or booleans; `mandatory_flag` may hold conditions on the deal
 * instead of `true`; times are "YYYY-MM-DD HH:MM:SS"; subfields are cut-down items.
 */

const { enum: customerType, set: products } = CUSTOM_FIELD_OPTION_IDS;

const CUSTOM_OPTIONS: Partial<Record<CustomFieldType, readonly NumericOption[]>> = {
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

function customField(
  id: number,
  key: string,
  name: string,
  fieldType: CustomFieldType,
  extra: Partial<Pick<FieldDef, 'mandatory' | 'active' | 'addVisible' | 'description' | 'createdBy'>> = {},
): CustomDealField {
  return {
    id,
    key,
    name,
    fieldType,
    custom: true,
    mandatory: false,
    active: true,
    addVisible: true,
    detailsVisible: true,
    bulkEdit: true,
    filtering: true,
    sortable: true,
    projectsDetailVisible: false,
    grouped: false,
    addTime: CUSTOM_CREATED,
    updateTime: LAYOUT_CHANGED,
    lastUpdatedBy: ADMIN_USER_ID,
    createdBy: ADMIN_USER_ID,
    description: null,
    listsPipelines: true,
    options: CUSTOM_OPTIONS[fieldType] ?? null,
    ...(fieldType === 'monetary'
      ? { currencySubfield: { key: `${key}_currency`, name: `Currency of ${name}` } }
      : {}),
    ...extra,
  };
}

const CUSTOM_TYPES_IN_ORDER = Object.keys(CUSTOM_FIELD_KEYS) as CustomFieldType[];

const ACTIVE_CUSTOM_FIELDS: readonly CustomDealField[] = [
  ...CUSTOM_TYPES_IN_ORDER.map((type, index) =>
    customField(12601 + index, CUSTOM_FIELD_KEYS[type], CUSTOM_FIELD_NAMES[type], type, {
      mandatory: CUSTOM_FIELD_KEYS[type] === MANDATORY_CUSTOM_FIELD_KEY,
    }),
  ),
  // Like the recorded "PO no.": filled in later, so not offered when adding (nor by QuickLead).
  customField(12618, NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY, 'Purchase order no.', 'varchar', {
    addVisible: false,
    // Created before Pipedrive recorded who creates fields, as the recorded "Deadline".
    createdBy: null,
  }),
  // Required only when the deal is won, the way the recorded built-in `won_time` is.
  customField(12619, WON_ONLY_CUSTOM_FIELD_KEY, 'Contract signed on', 'date', {
    mandatory: { status: '=won' },
    description: 'The day the customer signed. Needed before a deal can be marked won.',
  }),
];

const INACTIVE_CUSTOM_FIELD: FieldDef = {
  ...customField(12600, INACTIVE_CUSTOM_FIELD_KEY, 'Fax number', 'varchar', {
    active: false,
    addVisible: false,
  }),
  detailsVisible: false,
};

/** Every deal field in list order; the inactive one sits among the custom fields. */
const ALL_FIELDS: readonly FieldDef[] = [...BUILT_IN_FIELDS, INACTIVE_CUSTOM_FIELD, ...ACTIVE_CUSTOM_FIELDS];

const CUSTOM_BY_KEY = new Map(ACTIVE_CUSTOM_FIELDS.map((field) => [field.key, field]));

/** Active custom fields in field order: the only custom keys `POST /v1/leads` accepts. */
export function activeCustomFields(): readonly CustomDealField[] {
  return ACTIVE_CUSTOM_FIELDS;
}

export function findActiveCustomField(key: string): CustomDealField | undefined {
  return CUSTOM_BY_KEY.get(key);
}

/** Custom field types whose values `searchable_flag` covers, and lead search finds. */
export const SEARCHABLE_FIELD_TYPES: ReadonlySet<string> = new Set([
  'varchar',
  'varchar_auto',
  'text',
  'phone',
  'address',
]);

/** One full item, property for property as recorded (built-ins and custom fields alike). */
function fieldJson(field: FieldDef, orderNr: number, plan: SandboxPlan) {
  const options = field.key === 'visible_to' ? VISIBILITY_OPTIONS[plan] : field.options;
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    group_id: field.grouped ? 1 : null,
    order_nr: orderNr,
    field_type: field.fieldType,
    json_column_flag: field.custom,
    add_time: field.addTime,
    update_time: field.updateTime,
    last_updated_by_user_id: field.lastUpdatedBy,
    edit_flag: field.custom,
    details_visible_flag: field.detailsVisible,
    add_visible_flag: field.addVisible,
    important_flag: false,
    bulk_edit_allowed: field.bulkEdit,
    filtering_allowed: field.filtering,
    sortable_flag: field.sortable,
    mandatory_flag: copyFlag(field.mandatory),
    searchable_flag: field.custom && SEARCHABLE_FIELD_TYPES.has(field.fieldType),
    restriction_settings: [] as never[],
    user_restrictions: null,
    description: field.description,
    created_by_user_id: field.createdBy,
    active_flag: field.active,
    projects_detail_visible_flag: field.projectsDetailVisible,
    show_in_pipelines: field.listsPipelines
      ? { show_in_all: true, pipeline_ids: [] as number[] }
      : { show_in_all: true },
    ...(options ? { options: options.map((option) => ({ ...option })) } : {}),
    ...(field.useField ? { use_field: field.useField } : {}),
    ...(field.link ? { link: field.link } : {}),
  };
}

function copyFlag(flag: MandatoryFlag): MandatoryFlag {
  return typeof flag === 'boolean' ? flag : { ...flag };
}

/**
 * As documented and recorded: a monetary field is followed by its currency as a cut-down
 * item (`id: null`, ten properties), which carries the parent's `mandatory_flag`.
 */
function currencySubfieldJson(parent: FieldDef, subfield: { key: string; name: string }) {
  return {
    id: null,
    key: subfield.key,
    name: subfield.name,
    field_type: 'varchar',
    edit_flag: parent.custom,
    active_flag: parent.active,
    is_subfield: true,
    mandatory_flag: copyFlag(parent.mandatory),
    parent_id: parent.id,
    id_suffix: 'currency',
  };
}

export type DealFieldJson = ReturnType<typeof fieldJson> | ReturnType<typeof currencySubfieldJson>;

/**
 * The whole `GET /v1/dealFields` list for a plan, before paging. `order_nr` is as recorded: 0 for
 * built-ins outside any group, then counting through the details group and the custom fields.
 */
export function dealFieldsJson(plan: SandboxPlan): DealFieldJson[] {
  const items: DealFieldJson[] = [];
  let position = 0;
  for (const field of ALL_FIELDS) {
    const placed = field.grouped || field.custom;
    if (placed) position += 1;
    items.push(fieldJson(field, placed ? position : 0, plan));
    if (field.currencySubfield) items.push(currencySubfieldJson(field, field.currencySubfield));
  }
  return items;
}
