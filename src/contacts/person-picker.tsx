import { useQuery } from '@tanstack/react-query';
import { personQueries } from '@/pipedrive/search-persons.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { ContactPicker, type ContactPickerProps } from './contact-picker.tsx';
import type { ContactOption } from './contact-ref.ts';
import { CreatePersonDialog } from './create-person-dialog.tsx';

const NOUNS = {
  label: 'Person',
  hint: 'Search by name, email or phone.',
  one: 'person',
  many: 'people',
};

function usePersonSearch(term: string) {
  const transport = useTransport();
  return useQuery({
    ...personQueries.search(transport, term),
    select: (items): ContactOption[] =>
      items.map((person) => ({
        id: person.id,
        name: person.name,
        description: [person.organization?.name, person.emails[0]].filter(Boolean).join(' · ') || undefined,
        ...(person.organization
          ? { organization: { id: person.organization.id, name: person.organization.name } }
          : {}),
      })),
  });
}

export function PersonPicker(props: ContactPickerProps) {
  return (
    <ContactPicker
      {...props}
      nouns={NOUNS}
      useSearch={usePersonSearch}
      renderCreateDialog={(dialog) => <CreatePersonDialog {...dialog} />}
    />
  );
}
