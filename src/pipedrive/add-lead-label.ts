import { callApi } from './call-api.ts';
import { type LabelColor, type LeadLabel, leadLabelSchema } from './lead-labels.ts';
import type { Transport } from './transport.ts';

/** The body of `POST /v1/leadLabels`: both required, the colour from Pipedrive's enum. */
export interface AddLeadLabelRequest {
  name: string;
  color: LabelColor;
}

/** Adds a lead label to the company (10 tokens, `leads:full`); answers it as `GET` lists it. */
export function addLeadLabel(transport: Transport, body: AddLeadLabelRequest): Promise<LeadLabel> {
  return callApi(transport, { method: 'POST', path: '/api/v1/leadLabels', body }, leadLabelSchema);
}
