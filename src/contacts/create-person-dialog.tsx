import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { addPerson } from '@/pipedrive/add-person.ts';
import { personQueries } from '@/pipedrive/search-persons.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { CreateDialogProps } from './contact-picker.tsx';
import { CreateContactForm, createProblemOf } from './create-contact-form.tsx';
import {
  type CreatePersonInput,
  type CreatePersonValues,
  createPersonSchema,
  toAddPersonRequest,
} from './create-contact-schemas.ts';
import { OrganizationPicker } from './organization-picker.tsx';

/** Inline create: a person in Pipedrive from a few fields, then picked in the lead form. */
export function CreatePersonDialog({ initialName, onCreated, onClose }: CreateDialogProps) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<CreatePersonInput, unknown, CreatePersonValues>({
    resolver: zodResolver(createPersonSchema),
    defaultValues: { name: initialName, email: '', phone: '', organization: null },
  });
  const create = useMutation({
    mutationFn: (values: CreatePersonValues) => addPerson(transport, toAddPersonRequest(values)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personQueries.all }),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const person = await create.mutateAsync(values);
      onCreated({
        id: person.id,
        name: person.name,
        ...(values.organization ? { organization: values.organization } : {}),
      });
    } catch (error) {
      const { field, message } = createProblemOf(error);
      if (field && field !== 'address') form.setError(field, { type: 'server', message });
      else setProblem(message);
    }
  });

  return (
    <CreateContactForm
      id="create-person"
      noun="person"
      isSubmitting={isSubmitting}
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
