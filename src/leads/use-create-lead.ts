import { useMutation } from '@tanstack/react-query';
import { type AddLeadRequest, addLead } from '@/pipedrive/add-lead.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';

/** Exactly one `POST /v1/leads` per submit: a create is not safe to retry blindly. */
export function useCreateLead() {
  const transport = useTransport();
  return useMutation({
    mutationKey: ['leads', 'create'],
    mutationFn: (body: AddLeadRequest) => addLead(transport, body),
    retry: false,
  });
}
