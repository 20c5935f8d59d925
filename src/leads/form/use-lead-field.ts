import { useFormContext } from 'react-hook-form';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

/** The lead's fields that one control edits as a plain value (text, date, select, checkbox). */
export type PlainLeadField =
  | 'title'
  | 'expectedCloseDate'
  | 'owner'
  | 'visibleTo'
  | 'channel'
  | 'channelId'
  | 'originId'
  | 'wasSeen';

/**
 * What a control of the lead form needs to be one of its fields: the id the error summary focuses,
 * its message, and react-hook-form's registration. Spread onto a field component.
 */
export function useLeadField() {
  const { register, formState } = useFormContext<LeadFormInput>();
  return (name: PlainLeadField) => ({
    id: LEAD_FIELD_IDS[name],
    error: formState.errors[name]?.message,
    ...register(name),
  });
}
