import type { Lead } from '@/pipedrive/add-lead.ts';
import { budgetSpentUntil } from '@/pipedrive/rate-limit.ts';
import type { BudgetWait } from './budget-wait.ts';
import type { LeadProgress } from './lead-progress.ts';

/**
 * A create that meets the company's spent daily budget (a 429 with a long `Retry-After`, on the
 * create or on the reads that look for a lost one) stays queued instead of failing: it waits until
 * the budget resets, or until the rep asks to try now, then `send` runs again. `send` is
 * `sendLeadOnce`, so however often this comes round, the lead is created once: a 429 was not
 * processed, and a create whose answer was lost is looked for before anything is sent again.
 * A short 429 is not handled here: the form counts it down and submits again.
 */
export async function sendWithinBudget(
  send: () => Promise<Lead>,
  budget: BudgetWait,
  onProgress: (progress: LeadProgress | undefined) => void,
): Promise<Lead> {
  for (;;) {
    const until = budget.spentUntil();
    if (until !== undefined) {
      onProgress({ kind: 'queued', until });
      try {
        await budget.wait(until);
      } finally {
        onProgress(undefined);
      }
    }
    try {
      return await send();
    } catch (error) {
      const spentUntil = budgetSpentUntil(error);
      if (spentUntil === undefined) throw error;
      budget.remember(spentUntil);
    }
  }
}
