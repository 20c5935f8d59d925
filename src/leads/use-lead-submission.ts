import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { isShortWait } from '@/pipedrive/rate-limit.ts';
import type { LeadFormValues } from './lead-form-schema.ts';
import { keepQueuedLeads, restoreQueuedLeads, unfinishedCreates } from './lead-outbox.ts';
import { LeadNotConfirmed } from './send-lead-once.ts';
import type { FieldTarget } from './submit-errors.ts';
import { describeSubmitError, type SubmitProblem } from './submit-errors.ts';
import { CREATE_LEAD_KEY, type LeadCreate, useCreateLead } from './use-create-lead.ts';

export type SubmitOutcome = { lead: Lead; values: LeadFormValues } | { problem: SubmitProblem };

/** Creates whose outcome some form already waits for (a queued one is followed once per page). */
const followed = new WeakSet<object>();

interface SubmissionOptions {
  fieldFor: (requestKey: string) => FieldTarget | undefined;
  /** Submits the form again, after a 429's wait. */
  resend: () => void;
  /** The outcome of a lead queued offline before a reload, once it was sent. */
  onResumed: (outcome: SubmitOutcome) => void;
}

/**
 * Sends a lead exactly once (see `sendLeadOnce`) and turns what happened into something the form
 * can show. A 429 was not processed: a short one waits the `Retry-After` with a countdown, then
 * submits again; a spent daily budget keeps the create queued (see sendWithinBudget). Offline, the
 * create is a paused mutation, kept across reloads, that React Query sends when the network returns.
 */
export function useLeadSubmission({ fieldFor, resend, onResumed }: SubmissionOptions) {
  const client = useQueryClient();
  const createLead = useCreateLead();
  // Once the create has its function: creates left unfinished by the last page come back, in render
  // so they are in the cache before the effect below follows them.
  useState(() => restoreQueuedLeads(client));
  const [retryIn, setRetryIn] = useState<number>();
  const [canCreateAnyway, setCanCreateAnyway] = useState(false);
  const queued = useIsMutating({
    mutationKey: [...CREATE_LEAD_KEY],
    predicate: (mutation) => mutation.state.isPaused,
  });
  const sending = useIsMutating({ mutationKey: [...CREATE_LEAD_KEY] });
  const latest = useRef({ resend, onResumed, fieldFor });
  useEffect(() => {
    latest.current = { resend, onResumed, fieldFor };
  });

  useEffect(() => keepQueuedLeads(client), [client]);

  useEffect(() => {
    if (retryIn === undefined) return;
    if (retryIn <= 0) {
      setRetryIn(undefined);
      latest.current.resend();
      return;
    }
    const timer = setTimeout(() => setRetryIn(retryIn - 1), 1000);
    return () => clearTimeout(timer);
  }, [retryIn]);

  const outcomeOf = async (result: Promise<Lead>, create: LeadCreate): Promise<SubmitOutcome> => {
    try {
      const lead = await result;
      setCanCreateAnyway(false);
      return { lead, values: create.values };
    } catch (error) {
      setCanCreateAnyway(error instanceof LeadNotConfirmed && error.absent);
      // Only a short wait is counted down here; a spent daily budget keeps the create queued instead.
      if (isShortWait(error)) setRetryIn(error.retryAfterSeconds ?? 5);
      return { problem: describeSubmitError(error, latest.current.fieldFor) };
    }
  };

  // A lead queued (or on its way) before a reload comes back: follow it to its outcome as if just submitted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per client; outcomeOf only sets state
  useEffect(() => {
    for (const mutation of unfinishedCreates(client)) {
      if (followed.has(mutation)) continue;
      followed.add(mutation);
      const create = mutation.state.variables as LeadCreate;
      void outcomeOf(mutation.continue() as Promise<Lead>, create).then((outcome) =>
        latest.current.onResumed(outcome),
      );
    }
  }, [client]);

  const submit = (create: LeadCreate): Promise<SubmitOutcome> => {
    setRetryIn(undefined);
    return outcomeOf(createLead.mutateAsync(create), create);
  };

  return {
    submit,
    /** A create is on its way or waiting for the network: another submit must not start one. */
    isPending: sending > 0,
    /** Seconds until a rate-limited lead is sent again. */
    retryIn,
    /** The last lead's answer was lost and it is known not to be in Pipedrive. */
    canCreateAnyway,
    /** Submitted while offline: React Query sends it when the network returns, even after a reload. */
    waitingForNetwork: queued > 0,
  };
}
