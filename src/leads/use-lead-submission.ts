import { useEffect, useRef, useState } from 'react';
import type { AddLeadRequest, Lead } from '@/pipedrive/add-lead.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { findSentLead, isAmbiguousFailure } from './find-sent-lead.ts';
import type { FieldTarget } from './submit-errors.ts';
import { describeSubmitError, type SubmitProblem } from './submit-errors.ts';
import { useCreateLead } from './use-create-lead.ts';

/** A create whose answer was lost: it may be in Pipedrive or not. */
interface Unsure {
  body: AddLeadRequest;
  sentAt: number;
  /** Looked for and not found: only an explicit "Create anyway" sends it again. */
  absent: boolean;
}

export type SubmitOutcome = { lead: Lead } | { problem: SubmitProblem } | { waitingForNetwork: true };

/**
 * Sends a lead exactly once. After an ambiguous failure (network drop, timeout, 5xx) it never
 * re-POSTs blindly: it looks for the lead it sent, and only "Create anyway" sends again when it is
 * not there. A 429 was not processed, so it waits the `Retry-After` and then asks to be sent again.
 * Offline, it sends nothing and waits for the network.
 */
export function useLeadSubmission(fieldFor: (requestKey: string) => FieldTarget | undefined) {
  const transport = useTransport();
  const createLead = useCreateLead();
  const [unsure, setUnsure] = useState<Unsure>();
  const [retryIn, setRetryIn] = useState<number>();
  const [waitingForNetwork, setWaitingForNetwork] = useState(false);
  const resend = useRef<() => void>(undefined);

  // Offline, nothing is sent: the lead goes once the browser says the network is back.
  useEffect(() => {
    if (!waitingForNetwork) return;
    const online = () => {
      setWaitingForNetwork(false);
      resend.current?.();
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [waitingForNetwork]);

  useEffect(() => {
    if (retryIn === undefined) return;
    if (retryIn <= 0) {
      setRetryIn(undefined);
      resend.current?.();
      return;
    }
    const timer = setTimeout(() => setRetryIn(retryIn - 1), 1000);
    return () => clearTimeout(timer);
  }, [retryIn]);

  const lookFor = async (pending: Unsure): Promise<SubmitOutcome | undefined> => {
    try {
      const found = await findSentLead(transport, pending.body, pending.sentAt);
      if (found) {
        setUnsure(undefined);
        return { lead: found };
      }
      setUnsure({ ...pending, absent: true });
      return {
        problem: {
          message:
            'Pipedrive did not confirm the lead, and it is not in Pipedrive. Select “Create anyway” to send it again.',
        },
      };
    } catch {
      setUnsure({ ...pending, absent: false });
      return {
        problem: {
          message:
            'Pipedrive did not answer, so QuickLead cannot tell yet whether the lead was stored. Check your connection, then select Create lead: QuickLead looks for it before sending it again.',
        },
      };
    }
  };

  const submit = async (
    body: AddLeadRequest,
    options: { force?: boolean; resend: () => void },
  ): Promise<SubmitOutcome> => {
    resend.current = options.resend;
    setRetryIn(undefined);
    if (!navigator.onLine) {
      setWaitingForNetwork(true);
      return { waitingForNetwork: true };
    }
    setWaitingForNetwork(false);
    if (unsure && !(unsure.absent && options.force)) {
      const outcome = await lookFor(unsure);
      if (outcome) return outcome;
    }
    const sentAt = Date.now();
    try {
      const lead = await createLead.mutateAsync(body);
      setUnsure(undefined);
      return { lead };
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        setRetryIn(error.retryAfterSeconds ?? 5);
        return {
          problem: {
            message:
              'Pipedrive is busy with too many requests. QuickLead sends the lead again by itself in a moment.',
          },
        };
      }
      if (isAmbiguousFailure(error)) {
        const outcome = await lookFor({ body, sentAt, absent: false });
        if (outcome) return outcome;
      }
      return { problem: describeSubmitError(error, fieldFor) };
    }
  };

  return {
    submit,
    isPending: createLead.isPending,
    /** Seconds until a rate-limited lead is sent again. */
    retryIn,
    /** True when the last lead is known not to be in Pipedrive after a lost answer. */
    canCreateAnyway: unsure?.absent === true,
    /** Submitted while offline: it is sent when the network returns. */
    waitingForNetwork,
  };
}
