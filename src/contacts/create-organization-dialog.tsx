import { addOrganization } from '@/pipedrive/add-organization.ts';
import { organizationQueries } from '@/pipedrive/search-organizations.ts';
import { TextField } from '@/ui/text-field.tsx';
import type { CreateDialogProps } from './contact-picker.tsx';
import { CreateContactForm } from './create-contact-form.tsx';
import {
  type CreateOrganizationInput,
  type CreateOrganizationValues,
  createOrganizationSchema,
  toAddOrganizationRequest,
} from './create-contact-schemas.ts';
import { lookUpOrganization } from './duplicate-lookup.ts';
import { useCreateContact } from './use-create-contact.ts';

const LOOKED_UP = ['name'] as const;

/**
 * Inline create: an organization in Pipedrive, then picked in the lead form. Pressing create first
 * looks for one of the same name (an organization's website cannot be searched for).
 */
/** What the dialog starts with besides the name, e.g. read from pasted contact details. */
export interface OrganizationPrefill {
  address?: string;
  website?: string;
}

export function CreateOrganizationDialog({
  initialName,
  prefill,
  onCreated,
  onClose,
}: CreateDialogProps & { prefill?: OrganizationPrefill }) {
  const { form, problem, submit, step, lookup } = useCreateContact<
    CreateOrganizationInput,
    CreateOrganizationValues,
    { id: number; name: string }
  >({
    kind: 'organization',
    lookUp: lookUpOrganization,
    lookedUpFields: LOOKED_UP,
    schema: createOrganizationSchema,
    defaultValues: { name: initialName, address: prefill?.address ?? '', website: prefill?.website ?? '' },
    create: (transport, values) => addOrganization(transport, toAddOrganizationRequest(values)),
    staleSearches: organizationQueries.all,
    fields: ['name', 'address', 'website'],
    onCreated: (organization) => onCreated({ id: organization.id, name: organization.name }),
  });
  const { errors } = form.formState;

  return (
    <CreateContactForm
      id="create-organization"
      noun="organization"
      step={step}
      lookup={lookup}
      onUseExisting={(organization) => onCreated({ id: organization.id, name: organization.name })}
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
      <TextField
        id="create-organization-website"
        label="Website"
        labelSuffix="(optional)"
        type="url"
        autoComplete="off"
        spellCheck={false}
        error={errors.website?.message}
        {...form.register('website')}
      />
    </CreateContactForm>
  );
}
