import { useMutation } from '@tanstack/react-query';
import { addLead } from '@/pipedrive/add-lead.ts';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { toCustomFieldPayload } from './custom-fields/to-custom-field-payload.ts';
import type { LeadFormValues } from './lead-form-schema.ts';
import { toAddLeadRequest } from './to-add-lead-request.ts';

/** Exactly one `POST /v1/leads` per submit: a create is not safe to retry blindly. */
export function useCreateLead() {
  const transport = useTransport();
  return useMutation({
    mutationKey: ['leads', 'create'],
    mutationFn: ({
      values,
      customFields,
    }: {
      values: LeadFormValues;
      customFields: readonly CustomField[];
    }) => addLead(transport, toAddLeadRequest(values, toCustomFieldPayload(customFields, values.custom))),
    retry: false,
  });
}
