import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addOrganization } from '@/pipedrive/add-organization.ts';
import { organizationQueries } from '@/pipedrive/search-organizations.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { CreateDialogProps } from './contact-picker.tsx';
import { CreateContactForm, createProblemOf } from './create-contact-form.tsx';
import {
  type CreateOrganizationInput,
  type CreateOrganizationValues,
  createOrganizationSchema,
  toAddOrganizationRequest,
} from './create-contact-schemas.ts';

/** Inline create: an organization in Pipedrive, then picked in the lead form. */
export function CreateOrganizationDialog({ initialName, onCreated, onClose }: CreateDialogProps) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<CreateOrganizationInput, unknown, CreateOrganizationValues>({
    resolver: zodResolver(createOrganizationSchema),
    defaultValues: { name: initialName, address: '' },
  });
  const create = useMutation({
    mutationFn: (values: CreateOrganizationValues) =>
      addOrganization(transport, toAddOrganizationRequest(values)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationQueries.all }),
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      const organization = await create.mutateAsync(values);
      onCreated({ id: organization.id, name: organization.name });
    } catch (error) {
      const { field, message } = createProblemOf(error);
      if (field === 'name' || field === 'address') form.setError(field, { type: 'server', message });
      else setProblem(message);
    }
  });

  return (
    <CreateContactForm
      id="create-organization"
      noun="organization"
      isSubmitting={isSubmitting}
      problem={problem}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
    >
      <TextField
        id="create-organization-name"
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextField
        id="create-organization-address"
        label="Address"
        labelSuffix="(optional)"
        autoComplete="off"
        error={errors.address?.message}
        {...form.register('address')}
      />
    </CreateContactForm>
  );
}
