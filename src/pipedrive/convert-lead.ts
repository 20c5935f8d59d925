import { z } from 'zod';
import { linkedId } from './add-lead.ts';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

/**
 * What a conversion job says of itself. Pipedrive documents `not_started`, `running`,
 * `completed`, `failed` and `rejected`; anything else (a status added later) reads as still under
 * way, so the rep waits, within the wait's bound, instead of seeing an error for a word QuickLead
 * does not know.
 */
export type ConversionState = 'under-way' | 'completed' | 'failed' | 'rejected';

export interface ConversionStatus {
  state: ConversionState;
  /** As Pipedrive said it, e.g. `running`; '' when it said nothing readable. */
  status: string;
  /** The deal made, once completed. */
  dealId: number | null;
}

const startedSchema = z.object({ conversion_id: z.string().min(1) });

const statusSchema = z.object({
  status: z.string().catch(''),
  deal_id: z.unknown().optional().transform(linkedId),
});

const ENDINGS: readonly string[] = ['completed', 'failed', 'rejected'];

/** A start that has not answered by then is treated as lost, and the lead is looked at. */
const START_TIMEOUT_MS = 20_000;

const conversionPath = (leadId: string) => `/api/v2/leads/${encodeURIComponent(leadId)}/convert`;

/**
 * `POST /api/v2/leads/{id}/convert/deal` (40 tokens, `leads:full`): asks Pipedrive to convert the
 * lead, into the first stage of the default pipeline (no `stage_id` or `pipeline_id`). Answers the
 * conversion job's id at once; the conversion itself runs after.
 */
export async function startLeadConversion(
  transport: Transport,
  leadId: string,
): Promise<{ conversionId: string }> {
  const started = await callApi(
    transport,
    {
      method: 'POST',
      path: `${conversionPath(leadId)}/deal`,
      body: {},
      signal: AbortSignal.timeout(START_TIMEOUT_MS),
    },
    startedSchema,
  );
  return { conversionId: started.conversion_id };
}

/** `GET /api/v2/leads/{id}/convert/status/{conversion_id}` (1 token). */
export async function getLeadConversionStatus(
  transport: Transport,
  leadId: string,
  conversionId: string,
  signal?: AbortSignal,
): Promise<ConversionStatus> {
  const data = await callApi(
    transport,
    {
      method: 'GET',
      path: `${conversionPath(leadId)}/status/${encodeURIComponent(conversionId)}`,
      signal,
    },
    statusSchema,
  );
  const state = ENDINGS.includes(data.status) ? (data.status as ConversionState) : 'under-way';
  return { state, status: data.status, dealId: data.deal_id };
}
