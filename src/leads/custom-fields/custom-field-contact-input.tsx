import { Controller } from 'react-hook-form';
import type { ContactRef } from '@/contacts/contact-ref.ts';
import { OrganizationPicker } from '@/contacts/organization-picker.tsx';
import { PersonPicker } from '@/contacts/person-picker.tsx';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { useCustomField } from './use-custom-field.ts';

/** A person or organization custom field: the lead form's own search picker, named after the field. */
export function ContactFieldInput({
  id,
  field,
  kind,
}: {
  id: string;
  field: CustomField;
  kind: 'people' | 'org';
}) {
  const { name, control, error, labelSuffix } = useCustomField(field);
  const Picker = kind === 'people' ? PersonPicker : OrganizationPicker;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: controller }) => (
        <Picker
          id={id}
          label={field.name}
          labelSuffix={labelSuffix}
          value={contactOf(controller.value)}
          onChange={(contact) => controller.onChange(contact)}
          onBlur={controller.onBlur}
          inputRef={controller.ref}
          error={error}
        />
      )}
    />
  );
}

/** The form's own object rather than a copy, so a re-render never looks like a new pick. */
function contactOf(value: unknown): ContactRef | null {
  if (typeof value !== 'object' || value === null || !('id' in value) || !('name' in value)) return null;
  return typeof value.id === 'number' && typeof value.name === 'string' ? (value as ContactRef) : null;
}
