import { ApiError } from '@/pipedrive/api-error.ts';
import { permissionProblemOf } from '@/pipedrive/permission-problem.ts';
import { ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { budgetSpentMessage, budgetSpentUntil } from '@/pipedrive/rate-limit.ts';
import { LeadNotConfirmed } from './send-lead-once.ts';

/** A form field a Pipedrive error can land on: its react-hook-form path and its label. */
export interface FieldTarget {
  path: string;
  label: string;
}

const CREATE_LEAD = { method: 'POST', path: '/api/v1/leads' } as const;

export type SubmitProblem = { field: FieldTarget; message: string } | { field?: undefined; message: string };

/**
 * Where a failed create belongs: on the field Pipedrive named (`"owner_id" must be a number` →
 * Owner), or in the summary with Pipedrive's own words or a plain next step.
 */
export function describeSubmitError(
  error: unknown,
  fieldFor: (requestKey: string) => FieldTarget | undefined,
): SubmitProblem {
  if (error instanceof LeadNotConfirmed) {
    return {
      message: error.absent
        ? 'Pipedrive did not confirm the lead, and it is not in Pipedrive. Select “Create anyway” to send it again.'
        : 'Pipedrive did not answer, so QuickLead cannot tell yet whether the lead was stored. Check your connection, then select Create lead: QuickLead looks for it before sending it again.',
    };
  }
  // The sign-in could not be renewed, so the create was never sent: a plain not-sent failure, in
  // either session mode. (One whose refresh Pipedrive answered 429 is a ProviderBusyError: a 429.)
  if (error instanceof ProviderUnavailableError) return { message: error.message };
  if (!(error instanceof ApiError)) {
    return {
      message: 'QuickLead could not reach Pipedrive. Check your connection, then select Create lead again.',
    };
  }
  const field = error.field ? fieldFor(error.field) : undefined;
  if (field && error.detail) {
    return { field, message: `Pipedrive did not accept ${field.label}: ${error.detail}` };
  }
  if (error.status === 401) {
    return { message: 'Your Pipedrive session has ended. Sign in again; what you typed is still here.' };
  }
  if (error.status === 403) {
    // The failure of a create: the call that was refused is the create itself.
    const problem = permissionProblemOf(error, CREATE_LEAD);
    return {
      message: problem
        ? `Pipedrive did not create the lead. ${problem.message} What you typed is still here.`
        : `Pipedrive does not allow this: ${error.message}. Ask an admin to check the app's access.`,
    };
  }
  // A spent budget normally keeps the create queued (sendWithinBudget); said plainly if one gets here.
  const spentUntil = budgetSpentUntil(error);
  if (spentUntil !== undefined) {
    return {
      message: `${budgetSpentMessage(spentUntil)} What you typed is still here; select Create lead then.`,
    };
  }
  // A short 429 was not processed: the form waits its Retry-After and sends the lead again by itself.
  if (error.status === 429) {
    return {
      message:
        'Pipedrive is busy with too many requests. QuickLead sends the lead again by itself in a moment.',
    };
  }
  // A create that fails this way is looked for instead (LeadNotConfirmed): this is a failed read.
  if (error.status >= 500) {
    return { message: 'Pipedrive had a problem. Try again in a moment.' };
  }
  return { message: `Pipedrive did not create the lead: ${error.reason}` };
}
