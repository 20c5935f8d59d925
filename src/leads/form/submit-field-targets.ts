import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { customFieldKeyForRequestKey } from '../custom-fields/to-custom-field-payload.ts';
import { customFieldPath } from '../custom-fields/use-custom-field.ts';
import type { FieldTarget } from '../send/submit-errors.ts';
import type { LEAD_FIELD_IDS } from './lead-form-schema.ts';
import { formFieldFor } from './to-add-lead-request.ts';

const LABELS: Record<keyof typeof LEAD_FIELD_IDS, string> = {
  title: 'the title',
  person: 'this person',
  organization: 'this organization',
  value: 'the value',
  expectedCloseDate: 'the expected close date',
  owner: 'this owner',
  labels: 'these labels',
  note: 'the note',
  visibleTo: 'this visibility',
  channel: 'this source channel',
  channelId: 'the source channel ID',
  originId: 'the source origin ID',
  wasSeen: 'the seen mark',
};

/** The form field a request key named in a Pipedrive error belongs to: built-in or custom. */
export function fieldTargetFor(
  requestKey: string,
  customFields: readonly CustomField[] = [],
): FieldTarget | undefined {
  const field = formFieldFor(requestKey);
  if (field) return { path: field, label: LABELS[field] };
  const customKey = customFieldKeyForRequestKey(customFields, requestKey);
  const custom = customFields.find((candidate) => candidate.key === customKey);
  return custom ? { path: customFieldPath(custom.key), label: custom.name } : undefined;
}
