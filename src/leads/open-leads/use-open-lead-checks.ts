import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { ContactRef } from '@/contacts/contact-ref.ts';
import { leadListQueries } from '@/pipedrive/lead-lists.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import type { ContactCheck, PickedContact } from './open-lead-warning.ts';

/**
 * How long a press waits for a check still under way. Longer, and the lead is created without
 * it (the form says it could not check): a slow read never holds a lead back for good.
 */
export const CHECK_WAIT_MS = 10_000;

function pickedContacts(person: ContactRef | null, organization: ContactRef | null): PickedContact[] {
  return [
    ...(person ? [{ kind: 'person' as const, ref: person }] : []),
    ...(organization ? [{ kind: 'organization' as const, ref: organization }] : []),
  ];
}

/** `promise`, or a failure once `ms` have passed without its answer. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('Pipedrive did not answer in time.')), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The open leads of the person and organization the form holds, each read once per session as it
 * is picked (leadListQueries.open). `settle` is for a press: every check answered, waiting for
 * one under way (at most CHECK_WAIT_MS) and trying a failed one once more.
 */
export function useOpenLeadChecks(person: ContactRef | null, organization: ContactRef | null) {
  const transport = useTransport();
  const client = useQueryClient();
  const contacts = pickedContacts(person, organization);
  const optionsOf = (contact: PickedContact) =>
    leadListQueries.open(transport, { kind: contact.kind, id: contact.ref.id });
  const checks = useQueries({
    queries: contacts.map(optionsOf),
    combine: (results) =>
      results.map((result, index): ContactCheck => {
        const contact = contacts[index] as PickedContact;
        if (result.data) return { contact, state: 'checked', leads: result.data };
        if (result.isError && !result.isFetching) return { contact, state: 'failed', error: result.error };
        return { contact, state: 'checking' };
      }),
  });

  const settle = (): Promise<ContactCheck[]> =>
    Promise.all(
      contacts.map(async (contact): Promise<ContactCheck> => {
        try {
          const leads = await within(client.ensureQueryData(optionsOf(contact)), CHECK_WAIT_MS);
          return { contact, state: 'checked', leads };
        } catch (error) {
          return {
            contact,
            state: 'failed',
            error: error instanceof Error ? error : new Error(String(error)),
          };
        }
      }),
    );

  const retry = (contact: PickedContact) =>
    void client.refetchQueries({ queryKey: optionsOf(contact).queryKey });
  return { checks, settle, retry };
}
