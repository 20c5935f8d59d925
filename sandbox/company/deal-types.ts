import type { CustomFieldValues } from './crm-types.ts';

/** A stage of a pipeline: where a deal sits. */
export interface Stage {
  id: number;
  name: string;
  pipelineId: number;
}

export interface Pipeline {
  id: number;
  name: string;
  /** In pipeline order: a deal placed in the pipeline goes to the first. */
  stages: readonly Stage[];
}

/**
 * A deal as the sandbox keeps it: only deals made by converting a lead exist here. Property names
 * follow `GET /api/v2/deals/{id}` as recorded from a live company (recorded/get-v2-deals-id), plus
 * `lead_id`, the lead it was converted from, which v2 returns when asked for with `include_fields`.
 */
export interface Deal {
  id: number;
  title: string;
  creator_user_id: number;
  owner_id: number;
  value: number;
  currency: string;
  person_id: number | null;
  org_id: number | null;
  stage_id: number;
  pipeline_id: number;
  status: 'open';
  add_time: string;
  update_time: string;
  visible_to: number;
  expected_close_date: string | null;
  origin: string;
  origin_id: string | null;
  channel: number | null;
  channel_id: string | null;
  lead_id: string;
  /** The lead's custom field values: leads carry the deals' custom fields, so they move as they are. */
  customFields: CustomFieldValues;
}
