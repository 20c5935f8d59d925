import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';
import type { LeadFieldName, LeadFormValues } from './lead-form-schema.ts';

/**
 * Form values to the `POST /v1/leads` body: unset optionals are left out, never sent as `null` or
 * `''`; custom field values (already in Pipedrive's v1 formats) go at the top level.
 */
export function toAddLeadRequest(
  values: LeadFormValues,
  customFields: Record<string, string | number> = {},
): AddLeadRequest {
  const body: AddLeadRequest = { ...customFields, title: values.title.trim(), owner_id: values.owner };
  if (values.person) body.person_id = values.person.id;
  if (values.organization) body.organization_id = values.organization.id;
  if (values.labels.length > 0) body.label_ids = [...values.labels];
  if (values.value) body.value = { amount: values.value.amount, currency: values.value.currency };
  if (values.expectedCloseDate) body.expected_close_date = values.expectedCloseDate;
  if (values.visibleTo) body.visible_to = values.visibleTo;
  if (values.wasSeen) body.was_seen = true;
  if (values.originId) body.origin_id = values.originId;
  if (values.channel !== undefined) body.channel = values.channel;
  if (values.channelId) body.channel_id = values.channelId;
  return body;
}

const FIELD_OF_REQUEST_KEY: Record<string, LeadFieldName> = {
  title: 'title',
  person_id: 'person',
  organization_id: 'organization',
  owner_id: 'owner',
  label_ids: 'labels',
  value: 'value',
  expected_close_date: 'expectedCloseDate',
  visible_to: 'visibleTo',
  was_seen: 'wasSeen',
  origin_id: 'originId',
  channel: 'channel',
  channel_id: 'channelId',
};

/** Which built-in form field a Pipedrive error about a request key belongs to, if any. */
export function formFieldFor(requestKey: string | undefined): LeadFieldName | undefined {
  return requestKey ? FIELD_OF_REQUEST_KEY[requestKey] : undefined;
}
