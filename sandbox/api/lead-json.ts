import type { CustomFieldValues, Lead } from '../company/crm-types.ts';

/**
 * A lead property for property as recorded from a live company in 2026
 * (recorded/get-v1-leads-id), in the same order; `POST /v1/leads` answers with the same shape.
 * `archive_time` is null while the lead is not archived; an archived one was last changed by
 * being archived (the sandbox cannot change it afterwards), so its `update_time` is that moment.
 * Custom values sit at the top level of the lead, as leads inherit deals' custom fields; unset ones
 * are absent.
 */
export function leadJson(lead: Lead, customFields: CustomFieldValues) {
  return {
    id: lead.id,
    title: lead.title,
    owner_id: lead.owner_id,
    creator_id: lead.creator_id,
    label_ids: [...lead.label_ids],
    value: lead.value ? { ...lead.value } : null,
    expected_close_date: lead.expected_close_date,
    person_id: lead.person_id,
    organization_id: lead.organization_id,
    is_archived: lead.is_archived,
    archive_time: lead.is_archived ? lead.update_time : null,
    source_name: lead.source_name,
    source_deal_id: lead.source_deal_id,
    origin: lead.origin,
    origin_id: lead.origin_id,
    channel: lead.channel,
    channel_id: lead.channel_id,
    was_seen: lead.was_seen,
    next_activity_id: lead.next_activity_id,
    add_time: lead.add_time,
    update_time: lead.update_time,
    visible_to: lead.visible_to,
    cc_email: lead.cc_email,
    ...customFields,
  };
}
