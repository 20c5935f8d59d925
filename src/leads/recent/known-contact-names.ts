import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ContactRef } from '@/contacts/contact-ref.ts';

/** Names of people and organizations by id, as far as this session has seen them. */
export interface KnownNames {
  person: ReadonlyMap<number, string>;
  organization: ReadonlyMap<number, string>;
}

/**
 * The contacts of the leads created in this session, kept in the query cache (so signing out,
 * which clears it, forgets them) for as long as the session lasts.
 */
const PICKED_KEY = ['contacts', 'picked'] as const;
type Picked = { person: Record<number, string>; organization: Record<number, string> };

/** Remembers the contacts a lead was created with, so the recent leads can name them. */
export function rememberContacts(
  client: QueryClient,
  picks: { person: ContactRef | null; organization: ContactRef | null },
): void {
  client.setQueryDefaults(PICKED_KEY, { gcTime: Number.POSITIVE_INFINITY });
  client.setQueryData<Picked>(PICKED_KEY, (known = { person: {}, organization: {} }) => ({
    person: picks.person ? { ...known.person, [picks.person.id]: picks.person.name } : known.person,
    organization: picks.organization
      ? { ...known.organization, [picks.organization.id]: picks.organization.name }
      : known.organization,
  }));
}

const SOURCES = { person: 'persons', organization: 'organizations' } as const;

function isNamed(item: unknown): item is { id: number; name: string } {
  const record = item as { id?: unknown; name?: unknown } | null;
  return typeof record?.id === 'number' && typeof record.name === 'string';
}

/**
 * Every name the app already holds: the pickers' and look-ups' search answers still cached, and
 * the contacts of leads created this session. No request is made for a name.
 */
export function knownNamesIn(client: QueryClient): KnownNames {
  const picked = client.getQueryData<Picked>(PICKED_KEY);
  const namesOf = (kind: keyof typeof SOURCES) => {
    const names = new Map<number, string>();
    for (const [, data] of client.getQueriesData<unknown>({ queryKey: [SOURCES[kind]] })) {
      if (Array.isArray(data)) for (const item of data) if (isNamed(item)) names.set(item.id, item.name);
    }
    for (const [id, name] of Object.entries(picked?.[kind] ?? {})) names.set(Number(id), name);
    return names;
  };
  return { person: namesOf('person'), organization: namesOf('organization') };
}

/** The known names, again whenever a search answers or a lead's contacts are remembered. */
export function useKnownContactNames(): KnownNames {
  const client = useQueryClient();
  const [names, setNames] = useState(() => knownNamesIn(client));
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        const [root] = event.query.queryKey;
        const relevant = root === 'persons' || root === 'organizations' || root === PICKED_KEY[0];
        if (relevant && event.type === 'updated' && event.action.type === 'success') {
          setNames(knownNamesIn(client));
        }
      }),
    [client],
  );
  return names;
}
