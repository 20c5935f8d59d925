import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';
import type { LeadFieldName, LeadFormValues } from './lead-form-schema.ts';

/** Form values to the `POST /v1/leads` body: unset optionals are left out, never sent as `null`. */
export function toAddLeadRequest(values: LeadFormValues): AddLeadRequest {
  return {
    title: values.title.trim(),
    ...(values.person ? { person_id: values.person.id } : {}),
    ...(values.organization ? { organization_id: values.organization.id } : {}),
  };
}

const FIELD_OF_REQUEST_KEY: Record<string, LeadFieldName> = {
  title: 'title',
  person_id: 'person',
  organization_id: 'organization',
};

/** Which form field a Pipedrive error about a request key belongs to, if any. */
export function formFieldFor(requestKey: string | undefined): LeadFieldName | undefined {
  return requestKey ? FIELD_OF_REQUEST_KEY[requestKey] : undefined;
}
