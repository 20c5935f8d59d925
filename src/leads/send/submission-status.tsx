import { budgetSpentMessage, resetTimeText } from '@/pipedrive/rate-limit.ts';
import { tryQueuedLeadsNow } from './budget-wait.ts';
import type { LeadProgress } from './lead-progress.ts';

/** The submit button's words while a create is under way, waiting or queued. */
export function submitLabel(
  progress: LeadProgress | undefined,
  waitingForNetwork: boolean,
): string | undefined {
  if (waitingForNetwork) return 'Waiting for the network…';
  if (progress?.kind === 'queued') return `Queued until ${resetTimeText(progress.until)}`;
  return undefined;
}

/**
 * What the create is doing, read out politely: a 429's countdown, offline, or checking whether a
 * create whose answer was lost was stored (each read is counted, so a slow check is not silence).
 */
export function SubmissionStatusText(props: {
  progress: LeadProgress | undefined;
  retryIn: number | undefined;
  waitingForNetwork: boolean;
}) {
  const { progress } = props;
  return (
    <span className="form-actions__status" role="status">
      {props.retryIn !== undefined && `Sending again in ${props.retryIn} s…`}
      {props.waitingForNetwork &&
        'You are offline. QuickLead will send the lead when you are back online, even if you reload.'}
      {progress && progressText(progress)}
    </span>
  );
}

const PART_NAMES = { note: 'the note', followUp: 'the follow-up' } as const;

/** What the create is doing once it is under way: checking a lost answer, or adding the lead's parts. */
export function progressText(progress: LeadProgress): string | undefined {
  if (progress.kind === 'checking') {
    const what = progress.part ? `${PART_NAMES[progress.part]} was saved` : 'the lead was created';
    return `Checking whether ${what}… (check ${progress.read} of ${progress.of})`;
  }
  if (progress.kind === 'adding') {
    return `Lead created. Adding ${progress.parts.map((part) => PART_NAMES[part]).join(' and ')}…`;
  }
  return undefined;
}

/**
 * A create queued because the company's daily API budget is spent: when it will go, that it is
 * kept, and a way to try before then (an admin may have topped the budget up).
 */
export function QueuedForBudgetNotice({ progress }: { progress: LeadProgress | undefined }) {
  if (progress?.kind !== 'queued') return null;
  return (
    <div className="notice notice--info" role="status">
      <p>
        {budgetSpentMessage(progress.until)} QuickLead keeps this lead and sends it then, once, even if you
        reload this page.
      </p>
      <button type="button" className="button button--small" onClick={tryQueuedLeadsNow}>
        Try now
      </button>
    </div>
  );
}
