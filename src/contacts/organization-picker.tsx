import { useQuery } from '@tanstack/react-query';
import { organizationQueries } from '@/pipedrive/search-organizations.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { ContactPicker, type ContactPickerProps } from './contact-picker.tsx';
import type { ContactOption } from './contact-ref.ts';
import { CreateOrganizationDialog } from './create-organization-dialog.tsx';

const NOUNS = {
  label: 'Organization',
  hint: 'Search by name or address.',
  one: 'organization',
  many: 'organizations',
};

function useOrganizationSearch(term: string) {
  const transport = useTransport();
  return useQuery({
    ...organizationQueries.search(transport, term),
    select: (items): ContactOption[] =>
      items.map((organization) => ({
        id: organization.id,
        name: organization.name,
        description: organization.address ?? undefined,
      })),
  });
}

export function OrganizationPicker(props: ContactPickerProps) {
  return (
    <ContactPicker
      {...props}
      nouns={NOUNS}
      useSearch={useOrganizationSearch}
      renderCreateDialog={(dialog) => <CreateOrganizationDialog {...dialog} />}
    />
  );
}
