import { get, useFormContext, useFormState } from 'react-hook-form';
import { type CustomField, dealOnlyRequirement, isMandatory } from '@/pipedrive/deal-fields.ts';
import type { CustomFieldFormValues } from './custom-field-values.ts';

/** The part of the lead form's values this module owns. */
export interface CustomFieldsForm {
  custom: CustomFieldFormValues;
}

export type CustomFieldPath = `custom.${string}`;

export function customFieldPath(key: string): CustomFieldPath {
  return `custom.${key}`;
}

/**
 * What the form says under a field's label: the description the company gave it in Pipedrive, and
 * for a field Pipedrive requires only on some deals, that a lead may leave it empty.
 */
export function customFieldHint(field: CustomField): string | undefined {
  const parts = [field.description?.trim(), dealOnlyRequirement(field)].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * A custom field's place in the lead form: its path, its message (subscribed to this field only, so
 * typing in one field does not re-render the others), its hint and its label suffix.
 */
export function useCustomField(field: CustomField) {
  const { register, control } = useFormContext<CustomFieldsForm>();
  const name = customFieldPath(field.key);
  const { errors } = useFormState({ control, name });
  const fieldError: { message?: unknown } | undefined = get(errors, name);
  const message = fieldError?.message;
  return {
    name,
    register,
    control,
    error: typeof message === 'string' && message !== '' ? message : undefined,
    hint: customFieldHint(field),
    labelSuffix: isMandatory(field) ? undefined : '(optional)',
  };
}
