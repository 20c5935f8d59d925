import { ApiError } from '@/pipedrive/api-error.ts';
import type { LeadFieldName } from './lead-form-schema.ts';
import { formFieldFor } from './to-add-lead-request.ts';

const FIELD_LABELS: Record<LeadFieldName, string> = {
  title: 'title',
  person: 'person',
  organization: 'organization',
};

export type SubmitProblem =
  | { field: LeadFieldName; message: string }
  | { field?: undefined; message: string };

/** Where a failed create belongs: on the field Pipedrive named, or in the summary with a next step. */
export function describeSubmitError(error: unknown): SubmitProblem {
  if (!(error instanceof ApiError)) {
    return {
      message: 'QuickLead could not reach Pipedrive. Check your connection, then select Create lead again.',
    };
  }
  const field = formFieldFor(error.field);
  if (field && error.detail) {
    return { field, message: `Pipedrive did not accept this ${FIELD_LABELS[field]}: ${error.detail}` };
  }
  if (error.status === 401) {
    return { message: 'Your Pipedrive session has ended. Sign in again; what you typed is still here.' };
  }
  if (error.status === 403) {
    return {
      message: `Pipedrive does not allow this: ${error.message}. Ask an admin to check the app's access.`,
    };
  }
  if (error.status === 429) {
    return {
      message: 'Pipedrive is busy with too many requests. Wait a moment, then select Create lead again.',
    };
  }
  if (error.status >= 500) {
    return { message: 'Pipedrive had a problem and did not create the lead. Try again in a moment.' };
  }
  return { message: `Pipedrive did not create the lead: ${error.reason}` };
}
