import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Transport } from '@/pipedrive/transport.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { storageBudgetWait } from './budget-wait.ts';
import { type LeadProgress, setLeadProgress } from './lead-progress.ts';
import { storageLedger } from './lead-send-ledger.ts';
import { pageLifecycle } from './page-leaving.ts';
import { type LeadToSend, type SendDeps, sendLeadOnce } from './send-lead-once.ts';
import { type SentLead, sendLeadParts } from './send-lead-parts.ts';
import { sendWithinBudget } from './send-within-budget.ts';

export const CREATE_LEAD_KEY = ['leads', 'create'] as const;

/**
 * The create every `['leads', 'create']` mutation runs, including one the outbox puts back after a
 * reload (it comes back from storage without a function of its own): the lead, then its note and
 * follow-up. It stays in the outbox until every part is settled, so a reload between the lead and
 * its note still ends with one note. Never retried by React Query: a create is not safe to repeat
 * blindly, `sendLeadOnce` and `sendPartOnce` decide.
 */
export function setCreateLeadDefaults(client: QueryClient, transport: Transport): void {
  client.setMutationDefaults([...CREATE_LEAD_KEY], {
    mutationFn: async (create: LeadToSend): Promise<SentLead> => {
      // The form of this draft shows what the create is doing: checking, or queued for the budget.
      const report = (progress: LeadProgress | undefined) => setLeadProgress(create.draftId, progress);
      const ledger = storageLedger();
      const deps: SendDeps = {
        ledger,
        page: pageLifecycle,
        onChecking: (progress) => report(progress && { kind: 'checking', ...progress }),
      };
      const lead = await sendWithinBudget(
        () => sendLeadOnce(transport, create, deps),
        storageBudgetWait(),
        report,
      );
      const parts = (['note', 'followUp'] as const).filter((part) => create[part] !== undefined);
      if (parts.length === 0) return { lead };
      report({ kind: 'adding', parts });
      try {
        return await sendLeadParts(transport, lead, create, {
          ledger,
          page: pageLifecycle,
          onChecking: (progress) =>
            report(progress ? { kind: 'checking', ...progress } : { kind: 'adding', parts }),
        });
      } finally {
        report(undefined);
      }
    },
    retry: false,
  });
}

/** Exactly one `POST /v1/leads` per draft; offline, the create waits in the outbox for the network. */
export function useCreateLead() {
  const client = useQueryClient();
  const transport = useTransport();
  // Before any create runs, including one the outbox puts back (see useLeadSubmission).
  useState(() => setCreateLeadDefaults(client, transport));
  return useMutation<SentLead, Error, LeadToSend>({ mutationKey: [...CREATE_LEAD_KEY] });
}
