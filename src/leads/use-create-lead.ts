import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import type { LeadFormValues } from './lead-form-schema.ts';
import { storageLedger } from './lead-send-ledger.ts';
import { pageLifecycle } from './page-leaving.ts';
import { type LeadToSend, sendLeadOnce } from './send-lead-once.ts';

export const CREATE_LEAD_KEY = ['leads', 'create'] as const;

/** What a create carries: the request, and the form values the card shows once it is created. */
export interface LeadCreate extends LeadToSend {
  values: LeadFormValues;
}

/**
 * The create every `['leads', 'create']` mutation runs, including one queued offline before a
 * reload (it comes back from storage without a function of its own). Never retried by React
 * Query: a create is not safe to repeat blindly, `sendLeadOnce` decides.
 */
export function setCreateLeadDefaults(client: QueryClient, transport: Transport): void {
  client.setMutationDefaults([...CREATE_LEAD_KEY], {
    mutationFn: (create: LeadCreate): Promise<Lead> =>
      sendLeadOnce(transport, create, { ledger: storageLedger(), page: pageLifecycle }),
    retry: false,
  });
}

/** Exactly one `POST /v1/leads` per draft; offline, the create waits (paused) for the network. */
export function useCreateLead() {
  const client = useQueryClient();
  const transport = useTransport();
  // Before any create runs, including one restored from before a reload (see useLeadSubmission).
  useState(() => setCreateLeadDefaults(client, transport));
  return useMutation<Lead, Error, LeadCreate>({ mutationKey: [...CREATE_LEAD_KEY] });
}
