import type { CustomFieldValues, Lead } from '../company/crm-types.ts';
import type { Deal } from '../company/deal-types.ts';
import type { ConversionJob } from './lead-conversions.ts';

/**
 * The deal a lead becomes: its title, value, owner, person, organization, visibility, expected
 * close date, source and custom fields, in the stage the conversion asked for. The one who
 * converted is its creator; its times are when the conversion ended. A lead without a value makes
 * a deal of 0 in the company's default currency, as a deal always has a currency.
 */
export function dealFromLead(
  id: number,
  lead: Lead,
  customFields: CustomFieldValues,
  job: ConversionJob,
  defaultCurrency = 'EUR',
): Deal {
  const time = new Date(job.endsAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    id,
    title: lead.title,
    creator_user_id: job.userId,
    owner_id: lead.owner_id,
    value: lead.value?.amount ?? 0,
    currency: lead.value?.currency ?? defaultCurrency,
    person_id: lead.person_id,
    org_id: lead.organization_id,
    stage_id: job.stageId,
    pipeline_id: job.pipelineId,
    status: 'open',
    add_time: time,
    update_time: time,
    // A string on v1 leads, an integer on v2 deals.
    visible_to: Number(lead.visible_to),
    expected_close_date: lead.expected_close_date,
    origin: lead.origin,
    origin_id: lead.origin_id,
    channel: lead.channel,
    channel_id: lead.channel_id,
    lead_id: lead.id,
    customFields: { ...customFields },
  };
}
