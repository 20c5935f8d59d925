import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error.ts';
import type { Transport } from './transport.ts';

/** Custom field types a lead can carry and the form can edit (REFERENCE §2.6). */
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

const fieldOptionSchema = z.object({
  id: z.union([z.number(), z.string()]),
  label: z.string(),
  color: z.string().optional(),
});

const dealFieldSchema = z.object({
  id: z.number().nullable(),
  key: z.string(),
  name: z.string(),
  field_type: z.string(),
  edit_flag: z.boolean(),
  active_flag: z.boolean().optional(),
  mandatory_flag: z.union([z.boolean(), z.unknown()]).optional(),
  add_visible_flag: z.boolean().optional(),
  is_subfield: z.boolean().optional(),
  options: z.array(fieldOptionSchema).nullable().optional(),
});

export type DealField = z.infer<typeof dealFieldSchema>;
export type FieldOption = z.infer<typeof fieldOptionSchema>;

/** A custom field the lead form can show, narrowed to a type it knows how to edit. */
export type CustomField = DealField & { field_type: EditableFieldType };

const pageSchema = z.object({
  success: z.literal(true),
  data: z.array(dealFieldSchema).nullable(),
  additional_data: z
    .object({
      pagination: z
        .object({ more_items_in_collection: z.boolean().optional(), next_start: z.number().optional() })
        .optional(),
    })
    .nullable()
    .optional(),
});

const PAGE_SIZE = 500;

/** All deal fields, page by page (`start`/`limit`); leads carry the deals' custom fields. */
export async function getDealFields(transport: Transport, signal?: AbortSignal): Promise<DealField[]> {
  const fields: DealField[] = [];
  let start = 0;
  for (;;) {
    const response = await transport({
      method: 'GET',
      path: '/api/v1/dealFields',
      query: { start, limit: PAGE_SIZE },
      signal,
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw apiErrorFrom(response.status, body);
    const page = pageSchema.safeParse(body);
    if (!page.success)
      throw new ApiError(
        response.status,
        'Pipedrive sent deal fields QuickLead does not understand',
        undefined,
      );
    fields.push(...(page.data.data ?? []));
    const pagination = page.data.additional_data?.pagination;
    if (!pagination?.more_items_in_collection || pagination.next_start === undefined) return fields;
    start = pagination.next_start;
  }
}

export function isMandatory(field: DealField): boolean {
  return field.mandatory_flag === true;
}

/** The custom fields a lead form offers, in Pipedrive's order. */
export function customFieldsOf(fields: readonly DealField[]): CustomField[] {
  return fields.filter(
    (field): field is CustomField =>
      field.edit_flag &&
      field.active_flag !== false &&
      !field.is_subfield &&
      (EDITABLE_FIELD_TYPES as readonly string[]).includes(field.field_type),
  );
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
