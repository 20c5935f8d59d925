import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addOrganization } from '@/pipedrive/add-organization.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { organizationQueries } from '@/pipedrive/search-organizations.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { ModalDialog } from '@/ui/modal-dialog.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { CreateDialogProps } from './contact-picker.tsx';
import {
  type CreateOrganizationInput,
  type CreateOrganizationValues,
  createFieldFor,
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
      const message =
        error instanceof ApiError ? error.reason : 'QuickLead could not reach Pipedrive. Try again.';
      const field = error instanceof ApiError ? createFieldFor(message) : undefined;
      if (field === 'name' || field === 'address') form.setError(field, { type: 'server', message });
      else setProblem(message);
    }
  });

  return (
    <ModalDialog id="create-organization" title="Create organization" onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.stopPropagation();
          if (!isSubmitting) void submit(event);
          else event.preventDefault();
        }}
      >
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
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
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" aria-disabled={isSubmitting || undefined}>
            {isSubmitting ? 'Creating organization…' : 'Create organization'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
