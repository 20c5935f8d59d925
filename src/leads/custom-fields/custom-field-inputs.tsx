import type { Currency } from '@/pipedrive/currencies.ts';
import { type CustomField, isMandatory } from '@/pipedrive/deal-fields.ts';
import { assignableUsers, type User } from '@/pipedrive/users.ts';
import { SelectField } from '@/ui/select-field.tsx';
import { TextAreaField } from '@/ui/text-area-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { ContactFieldInput } from './custom-field-contact-input.tsx';
import { MoneyFieldInput, RangeFieldInput, SetFieldInput } from './custom-field-group-inputs.tsx';
import { useCustomField } from './use-custom-field.ts';

/** The DOM id of a custom field's first control: the error summary links to it. */
export function customFieldControlId(key: string): string {
  return `lead-cf-${key}`;
}

interface CustomFieldInputsProps {
  /** Already narrowed to what the form can edit (`customFieldsOf`), in Pipedrive's order. */
  fields: readonly CustomField[];
  currencies: readonly Currency[];
  users: readonly User[];
}

/**
 * The account's custom deal fields, inside the lead form's `FormProvider`; each one's value lives at
 * `custom.<key>`.
 */
export function CustomFieldInputs({ fields, currencies, users }: CustomFieldInputsProps) {
  return fields.map((field) => (
    <FieldInput key={field.key} field={field} currencies={currencies} users={users} />
  ));
}

function FieldInput({
  field,
  currencies,
  users,
}: { field: CustomField } & Omit<CustomFieldInputsProps, 'fields'>) {
  const id = customFieldControlId(field.key);
  switch (field.field_type) {
    case 'monetary':
      return <MoneyFieldInput id={id} field={field} currencies={currencies} />;
    case 'daterange':
      return <RangeFieldInput id={id} field={field} kind="date" />;
    case 'timerange':
      return <RangeFieldInput id={id} field={field} kind="time" />;
    case 'set':
      return <SetFieldInput id={id} field={field} />;
    case 'org':
    case 'people':
      return <ContactFieldInput id={id} field={field} kind={field.field_type} />;
    case 'enum':
      return (
        <ChoiceFieldInput
          id={id}
          field={field}
          options={(field.options ?? []).map((option) => ({ value: String(option.id), label: option.label }))}
        />
      );
    case 'user':
      return (
        <ChoiceFieldInput
          id={id}
          field={field}
          options={assignableUsers(users).map((user) => ({ value: String(user.id), label: user.name }))}
        />
      );
    default:
      return <SingleFieldInput id={id} field={field} />;
  }
}

function ChoiceFieldInput({
  id,
  field,
  options,
}: {
  id: string;
  field: CustomField;
  options: Array<{ value: string; label: string }>;
}) {
  const { name, register, error, hint, labelSuffix } = useCustomField(field);
  return (
    <SelectField
      id={id}
      label={field.name}
      hint={hint}
      error={error}
      labelSuffix={labelSuffix}
      options={options}
      emptyLabel={isMandatory(field) ? 'Select an option' : 'Not set'}
      {...register(name)}
    />
  );
}

/** One text-like control: what differs by type is the element and what keyboard a phone shows. */
function SingleFieldInput({ id, field }: { id: string; field: CustomField }) {
  const { name, register, error, hint, labelSuffix } = useCustomField(field);
  const shell = { id, label: field.name, hint, error, labelSuffix };
  const control = register(name);
  switch (field.field_type) {
    case 'text':
      return <TextAreaField {...shell} {...control} />;
    case 'double':
      return <TextField {...shell} inputMode="decimal" autoComplete="off" {...control} />;
    case 'int':
      return <TextField {...shell} inputMode="numeric" autoComplete="off" {...control} />;
    case 'phone':
      return <TextField {...shell} type="tel" autoComplete="off" {...control} />;
    case 'date':
      return <TextField {...shell} type="date" {...control} />;
    case 'time':
      return <TextField {...shell} type="time" {...control} />;
    default:
      return <TextField {...shell} autoComplete="off" {...control} />;
  }
}
