import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { keepOutbox } from './lead-outbox.ts';
import type { PartName } from './lead-send-ledger.ts';
import type { LeadToSend } from './send-lead-once.ts';
import type { SentLead } from './send-lead-parts.ts';
import type { PartProblem } from './send-part-once.ts';
import { useCreateLead } from './use-create-lead.ts';

/**
 * The card's Retry for a part of a lead that is missing (its note or its follow-up). It runs the
 * same create as the form, with only that part: the lead is already in the ledger, so it is read,
 * not sent again; the part is sent once, or looked for first when its last answer was lost. Kept
 * in the outbox while it runs, so a reload finishes it rather than losing or repeating it.
 */
export function useRetryPart() {
  const client = useQueryClient();
  const { mutateAsync } = useCreateLead();
  useEffect(() => keepOutbox(client), [client]);
  return useCallback(
    async <P extends PartName>(create: LeadToSend, part: P, problem: PartProblem): Promise<SentLead[P]> => {
      const { force: _lead, forceParts: _parts, note, followUp, ...lead } = create;
      const only: LeadToSend = {
        ...lead,
        ...(part === 'note' && note ? { note } : {}),
        ...(part === 'followUp' && followUp ? { followUp } : {}),
        // Known not to be there: send it. Otherwise it may have been saved: look first.
        forceParts: problem.absent ? [part] : [],
      };
      try {
        return (await mutateAsync(only))[part];
      } catch {
        // The lead could not even be read back: nothing about the part changed.
        return {
          missing: {
            why: 'QuickLead could not reach Pipedrive. Check your connection, then retry.',
            absent: problem.absent,
          },
        };
      }
    },
    [mutateAsync],
  );
}
