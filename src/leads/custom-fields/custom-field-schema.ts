import { z } from 'zod';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import type { User } from '@/pipedrive/users.ts';
import type { CustomFieldInput, CustomFieldValue } from './custom-field-values.ts';
import { parseContext, parseCustomFieldInput } from './parse-custom-field-input.ts';

export interface CustomFieldSchemaContext {
  currencies: readonly Currency[];
  /** All users; only assignable ones (active, not deleted) are accepted for user fields. */
  users: readonly User[];
}

/**
 * The form checks the shape itself, so a field's schema accepts whatever the form holds and turns
 * it into a typed value or one message; `undefined` (a field the form has no value for yet) reads
 * as not set.
 */
type FieldSchema = z.ZodType<CustomFieldValue | undefined, CustomFieldInput>;

/**
 * The `custom` part of the lead form: one entry per field key. Each field's issue is at its key
 * (for a monetary field or a range too), so the message shows at the field.
 */
export function customFieldsSchema(fields: readonly CustomField[], context: CustomFieldSchemaContext) {
  const lookups = parseContext(context);
  const shape: Record<string, FieldSchema> = {};
  for (const field of fields) {
    shape[field.key] = z.custom<CustomFieldInput>().transform((raw, ctx) => {
      const result = parseCustomFieldInput(field, raw, lookups);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message });
      return z.NEVER;
    });
  }
  return z.object(shape);
}

export type CustomFieldsSchema = ReturnType<typeof customFieldsSchema>;
