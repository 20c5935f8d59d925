import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { parseEach, reportSkipped, type SkippedItem } from './parse-leniently.ts';
import { dealFieldsPageRead } from './settings-reads.ts';
import type { Transport } from './transport.ts';

/** Custom field types a lead can carry (leads inherit the deal fields) and the form can edit. */
export const EDITABLE_FIELD_TYPES = [
  'varchar',
  'varchar_auto',
  'text',
  'double',
  'int',
  'monetary',
  'date',
  'daterange',
  'time',
  'timerange',
  'enum',
  'set',
  'phone',
  'address',
  'user',
  'org',
  'people',
] as const;

export type EditableFieldType = (typeof EDITABLE_FIELD_TYPES)[number];

// Recorded built-ins mix number, string and boolean option ids in one response (`is_archived`).
const fieldOptionSchema = z.object({
  id: z.union([z.number(), z.string(), z.boolean()]),
  label: z.string(),
  color: z.string().optional().catch(undefined),
});

export type FieldOption = z.infer<typeof fieldOptionSchema>;

/** An option of a custom field: its id goes back to Pipedrive as it came, a number or a string. */
export type CustomFieldOption = FieldOption & { id: number | string };

/**
 * One item of `GET /v1/dealFields`, with only the properties QuickLead reads; any other property is
 * ignored, and one it reads but cannot understand falls back to "not said" rather than failing the
 * field. Only `key`, `name` and `field_type` are needed to use a field at all.
 */
const dealFieldSchema = z.object({
  id: z.number().nullable().optional().catch(null),
  key: z.string().min(1),
  name: z.string(),
  field_type: z.string(),
  edit_flag: z.boolean().catch(false),
  active_flag: z.boolean().optional().catch(undefined),
  // `true`, or conditions on the deal, such as `{"status": "=won"}`: required only for some deals.
  mandatory_flag: z
    .union([z.boolean(), z.record(z.string(), z.unknown())])
    .optional()
    .catch(undefined),
  add_visible_flag: z.boolean().optional().catch(undefined),
  is_subfield: z.boolean().optional().catch(undefined),
  description: z.string().nullable().optional().catch(undefined),
  restriction_settings: z.unknown().optional(),
  user_restrictions: z.unknown().optional(),
  options: z.unknown().optional(),
});

export type DealField = Omit<z.infer<typeof dealFieldSchema>, 'options'> & { options: FieldOption[] | null };

/** A custom field the lead form can show, narrowed to a type it knows how to edit. */
export type CustomField = Omit<DealField, 'field_type' | 'options'> & {
  field_type: EditableFieldType;
  options: CustomFieldOption[] | null;
};

const pageSchema = z.object({
  success: z.literal(true),
  data: z.array(z.unknown()).nullable(),
  additional_data: z
    .object({
      pagination: z
        .object({
          more_items_in_collection: z.boolean().optional().catch(undefined),
          next_start: z.number().optional().catch(undefined),
        })
        .optional()
        .catch(undefined),
    })
    .nullable()
    .optional()
    .catch(undefined),
});

export interface DealFieldsPage {
  fields: DealField[];
  skipped: SkippedItem[];
  /** Where the next page starts, when there is one. */
  nextStart: number | undefined;
}

/**
 * One page of `GET /v1/dealFields`, field by field and option by option: what QuickLead cannot
 * read is skipped and listed, never fatal for the page. Only a body that is not a field list at
 * all is refused, with a named error.
 */
export function parseDealFieldsPage(status: number, body: unknown): DealFieldsPage {
  const page = pageSchema.safeParse(body);
  if (!page.success)
    throw new ApiError(status, 'Pipedrive sent deal fields QuickLead does not understand', undefined);
  const parsed = parseEach('dealFields', page.data.data ?? [], dealFieldSchema);
  const skipped = [...parsed.skipped];
  const fields = parsed.items.map((field): DealField => {
    const options = Array.isArray(field.options)
      ? parseEach(`options of dealFields ${field.key}`, field.options, fieldOptionSchema)
      : undefined;
    if (options) skipped.push(...options.skipped);
    return { ...field, options: options ? options.items : null };
  });
  const pagination = page.data.additional_data?.pagination;
  const nextStart = pagination?.more_items_in_collection ? pagination.next_start : undefined;
  return { fields, skipped, nextStart };
}

/** All deal fields, page by page (`start`/`limit`); leads carry the deals' custom fields. */
export async function getDealFields(transport: Transport, signal?: AbortSignal): Promise<DealField[]> {
  const fields: DealField[] = [];
  const skipped: SkippedItem[] = [];
  let start = 0;
  for (;;) {
    const response = await transport({ ...dealFieldsPageRead(start), signal });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok)
      throw apiErrorFrom(response.status, body, response.headers.get('retry-after'), {
        method: 'GET',
        path: '/api/v1/dealFields',
      });
    const page = parseDealFieldsPage(response.status, body);
    fields.push(...page.fields);
    skipped.push(...page.skipped);
    if (page.nextStart === undefined || page.nextStart <= start) break;
    start = page.nextStart;
  }
  reportSkipped(skipped);
  return fields;
}

/** Required on every lead: `mandatory_flag: true`. */
export function isMandatory(field: Pick<DealField, 'mandatory_flag'>): boolean {
  return field.mandatory_flag === true;
}

/**
 * For a field Pipedrive requires only on some deals (`mandatory_flag` holds conditions such as
 * `{"status": "=won"}`), the hint that says so; a lead, which is no deal yet, may leave it empty.
 */
export function dealOnlyRequirement(field: Pick<DealField, 'mandatory_flag'>): string | undefined {
  const flag = field.mandatory_flag;
  if (typeof flag !== 'object' || flag === null) return undefined;
  const status = typeof flag.status === 'string' ? /^=(won|lost|open)$/.exec(flag.status)?.[1] : undefined;
  return status
    ? `Required for ${status} deals in Pipedrive; a lead can be created without it.`
    : 'Required for some deals in Pipedrive; a lead can be created without it.';
}

/** Field permissions we cannot read are treated as "not for everyone" (no recording shows one). */
function hasRestrictions(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function isEditableType(type: string): type is EditableFieldType {
  return (EDITABLE_FIELD_TYPES as readonly string[]).includes(type);
}

/**
 * The custom fields a rep can fill when adding a lead, in Pipedrive's order: active custom fields
 * of a type the form can edit, shown in Pipedrive's own "add" dialog (`add_visible_flag`, or
 * required on every lead), and without edit restrictions. Built-in fields (`edit_flag: false`)
 * have their own places in the form or are not a lead's to set.
 */
export function customFieldsOf(fields: readonly DealField[]): CustomField[] {
  const offered: CustomField[] = [];
  const skipped: SkippedItem[] = [];
  for (const field of fields) {
    if (!field.edit_flag || field.active_flag === false || field.is_subfield) continue;
    if (!isEditableType(field.field_type)) {
      skipped.push({
        list: 'dealFields',
        item: field.key,
        reason: `type ${field.field_type} is not editable here`,
      });
      continue;
    }
    if (field.add_visible_flag === false && !isMandatory(field)) continue;
    if (hasRestrictions(field.restriction_settings) || hasRestrictions(field.user_restrictions)) continue;
    const options = field.options?.filter(
      (option): option is CustomFieldOption => typeof option.id !== 'boolean',
    );
    offered.push({ ...field, field_type: field.field_type, options: options ?? null });
  }
  reportSkipped(skipped);
  return offered;
}

/** The options of a built-in enum field such as `channel` or `visible_to`. */
export function builtInOptions(fields: readonly DealField[], key: string): FieldOption[] {
  return fields.find((field) => field.key === key)?.options ?? [];
}

export const dealFieldQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['dealFields', 'list'] as const,
      queryFn: ({ signal }) => getDealFields(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
