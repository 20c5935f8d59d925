import { Controller } from 'react-hook-form';
import { addPerson } from '@/pipedrive/add-person.ts';
import { personQueries } from '@/pipedrive/search-persons.ts';
import { TextField } from '@/ui/text-field.tsx';
import type { CreateDialogProps } from './contact-picker.tsx';
import type { ContactRef } from './contact-ref.ts';
import { CreateContactForm } from './create-contact-form.tsx';
import {
  type CreatePersonInput,
  type CreatePersonValues,
  createPersonSchema,
  toAddPersonRequest,
} from './create-contact-schemas.ts';
import { lookUpPerson } from './duplicate-lookup.ts';
import { OrganizationPicker } from './organization-picker.tsx';
import { useCreateContact } from './use-create-contact.ts';

const LOOKED_UP = ['name', 'email', 'phone'] as const;

/**
 * Inline create: a person in Pipedrive from a few fields, then picked in the lead form. Pressing
 * create first looks for the same email, phone or name, and offers the people it finds instead.
 */
/** What the dialog starts with besides the name, e.g. read from pasted contact details. */
export interface PersonPrefill {
  email?: string;
  phone?: string;
  organization?: ContactRef;
}

export function CreatePersonDialog({
  initialName,
  prefill,
  onCreated,
  onClose,
}: CreateDialogProps & { prefill?: PersonPrefill }) {
  const { form, problem, submit, step, lookup } = useCreateContact<
    CreatePersonInput,
    CreatePersonValues,
    { id: number; name: string }
  >({
    kind: 'person',
    lookUp: lookUpPerson,
    lookedUpFields: LOOKED_UP,
    schema: createPersonSchema,
    defaultValues: {
      name: initialName,
      email: prefill?.email ?? '',
      phone: prefill?.phone ?? '',
      organization: prefill?.organization ?? null,
    },
    create: (transport, values) => addPerson(transport, toAddPersonRequest(values)),
    staleSearches: personQueries.all,
    fields: ['name', 'email', 'phone', 'organization'],
    onCreated: (person, values) =>
      onCreated({
        id: person.id,
        name: person.name,
        ...(values.organization ? { organization: values.organization } : {}),
      }),
  });
  const { errors } = form.formState;

  return (
    <CreateContactForm
      id="create-person"
      noun="person"
      step={step}
      lookup={lookup}
      onUseExisting={(person) =>
        onCreated({
          id: person.id,
          name: person.name,
          ...(person.organization ? { organization: person.organization } : {}),
        })
      }
      problem={problem}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <TextField
        id="create-person-name"
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        id="create-person-email"
        label="Email"
        labelSuffix="(optional)"
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        id="create-person-phone"
        label="Phone"
        labelSuffix="(optional)"
        type="tel"
        autoComplete="off"
        error={errors.phone?.message}
        {...form.register('phone')}
      />
      <Controller
        control={form.control}
        name="organization"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            id="create-person-organization"
            labelSuffix="(optional)"
            allowCreate={false}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
    </CreateContactForm>
  );
}
