import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isShortWait } from '@/pipedrive/rate-limit.ts';
import { keepOutbox, outboxCreates, restoreOutbox } from './lead-outbox.ts';
import { LeadNotConfirmed, type LeadToSend } from './send-lead-once.ts';
import type { SentLead } from './send-lead-parts.ts';
import type { FieldTarget } from './submit-errors.ts';
import { describeSubmitError, type SubmitProblem } from './submit-errors.ts';
import { CREATE_LEAD_KEY, useCreateLead } from './use-create-lead.ts';

/** The lead with its note and follow-up, each saved or missing, and what was sent (for a Retry). */
export type SentLeadOutcome = SentLead & { create: LeadToSend };

/** The lead as sent; or why the lead itself was not created. */
export type SubmitOutcome = SentLeadOutcome | { problem: SubmitProblem };

/** Creates whose outcome some form already waits for (one from the outbox is followed once per page). */
const followed = new WeakSet<object>();

interface SubmissionOptions {
  fieldFor: (requestKey: string) => FieldTarget | undefined;
  /**
   * The outcome of a create the form did not submit just now: one the outbox put back after a
   * reload, or one sent again after a 429's wait.
   */
  onOutcome: (outcome: SubmitOutcome) => void;
  /** A 429's wait is over and the create goes again, as if just submitted. */
  onResend: () => void;
}

/**
 * Sends a lead exactly once (see `sendLeadOnce`) and turns what happened into something the form
 * can show. A 429 was not processed: a short one waits the `Retry-After` with a countdown, then
 * sends the same create again; a spent daily budget keeps the create queued (see
 * sendWithinBudget). Offline, the create waits in the outbox, kept across reloads, and React Query
 * sends it when the network returns.
 */
export function useLeadSubmission({ fieldFor, onOutcome, onResend }: SubmissionOptions) {
  const client = useQueryClient();
  const { mutateAsync } = useCreateLead();
  // Once the create has its function: the outbox the last page left comes back, started in render
  // so its creates are in the cache before the rep can press anything.
  const [restored] = useState(() => restoreOutbox(client));
  const [retry, setRetry] = useState<{ create: LeadToSend; inSeconds: number }>();
  const [canCreateAnyway, setCanCreateAnyway] = useState(false);
  const waiting = useIsMutating({
    mutationKey: [...CREATE_LEAD_KEY],
    predicate: (mutation) => mutation.state.isPaused,
  });
  const sending = useIsMutating({ mutationKey: [...CREATE_LEAD_KEY] });
  const latest = useRef({ fieldFor, onOutcome, onResend });
  useEffect(() => {
    latest.current = { fieldFor, onOutcome, onResend };
  });

  useEffect(() => keepOutbox(client), [client]);

  const outcomeOf = useCallback(
    async (create: LeadToSend, result: Promise<SentLead>): Promise<SubmitOutcome> => {
      try {
        const sent = await result;
        setCanCreateAnyway(false);
        return { ...sent, create };
      } catch (error) {
        setCanCreateAnyway(error instanceof LeadNotConfirmed && error.absent);
        // Only a short wait is counted down here; a spent daily budget keeps the create queued instead.
        if (isShortWait(error)) setRetry({ create, inSeconds: error.retryAfterSeconds ?? 5 });
        return { problem: describeSubmitError(error, latest.current.fieldFor) };
      }
    },
    [],
  );

  const submit = useCallback(
    (create: LeadToSend): Promise<SubmitOutcome> => {
      setRetry(undefined);
      return outcomeOf(create, mutateAsync(create));
    },
    [outcomeOf, mutateAsync],
  );

  useEffect(() => {
    if (!retry) return;
    if (retry.inSeconds <= 0) {
      latest.current.onResend();
      void submit(retry.create).then((outcome) => latest.current.onOutcome(outcome));
      return;
    }
    const timer = setTimeout(() => setRetry({ ...retry, inSeconds: retry.inSeconds - 1 }), 1000);
    return () => clearTimeout(timer);
  }, [retry, submit]);

  // The creates the last page left in the outbox: followed to their outcome as if just submitted.
  useEffect(() => {
    let mounted = true;
    void restored.then(() => {
      if (!mounted) return;
      for (const mutation of outboxCreates(client)) {
        if (followed.has(mutation)) continue;
        followed.add(mutation);
        const create = mutation.state.variables as LeadToSend;
        void outcomeOf(create, mutation.continue() as Promise<SentLead>).then((outcome) =>
          latest.current.onOutcome(outcome),
        );
      }
    });
    return () => {
      mounted = false;
    };
  }, [client, restored, outcomeOf]);

  return {
    submit,
    /** A create is on its way or waiting in the outbox: another submit must not start one. */
    isPending: sending > 0,
    /** Seconds until a rate-limited lead is sent again. */
    retryIn: retry?.inSeconds,
    /** The last lead's answer was lost and it is known not to be in Pipedrive. */
    canCreateAnyway,
    /** A create in the outbox waits for the network: React Query sends it when it returns, even after a reload. */
    waitingForNetwork: waiting > 0,
  };
}
