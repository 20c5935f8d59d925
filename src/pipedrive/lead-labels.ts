import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApiList } from './call-api.ts';
import { LEAD_LABELS_READ } from './settings-reads.ts';
import type { Transport } from './transport.ts';

export const LABEL_COLORS = [
  'blue',
  'brown',
  'dark-gray',
  'gray',
  'green',
  'orange',
  'pink',
  'purple',
  'red',
  'yellow',
] as const;

export type LabelColor = (typeof LABEL_COLORS)[number];

export const leadLabelSchema = z.object({
  id: z.string(),
  name: z.string(),
  // An unknown colour from a newer Pipedrive is shown as gray rather than failing the form.
  color: z
    .string()
    .catch('gray')
    .transform((color) => ((LABEL_COLORS as readonly string[]).includes(color) ? color : 'gray')),
});

export type LeadLabel = z.infer<typeof leadLabelSchema>;

export function getLeadLabels(transport: Transport, signal?: AbortSignal): Promise<LeadLabel[]> {
  return callApiList(transport, { ...LEAD_LABELS_READ, signal }, 'leadLabels', leadLabelSchema);
}

export const leadLabelQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['leadLabels', 'list'] as const,
      queryFn: ({ signal }) => getLeadLabels(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
