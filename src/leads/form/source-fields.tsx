import { useFormContext } from 'react-hook-form';
import { CheckboxField } from '@/ui/checkbox-field.tsx';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { LEAD_FIELD_IDS, type LeadFormContext, type LeadFormInput } from './lead-form-schema.ts';

/** Visibility and where the lead came from: all optional, so grouped after the essentials. */
export function SourceFields({ context }: { context: LeadFormContext }) {
  const { register, formState } = useFormContext<LeadFormInput>();
  const { errors } = formState;
  return (
    <>
      <SelectField
        id={LEAD_FIELD_IDS.visibleTo}
        label="Visible to"
        emptyLabel="Account default"
        hint="Leave as the account default unless this lead needs different visibility."
        options={context.visibilityOptions.map((option) => ({
          value: String(option.id),
          label: option.label,
        }))}
        error={errors.visibleTo?.message}
        {...register('visibleTo')}
      />
      <SelectField
        id={LEAD_FIELD_IDS.channel}
        label="Source channel"
        labelSuffix="(optional)"
        emptyLabel="Not set"
        options={context.channelOptions.map((option) => ({ value: String(option.id), label: option.label }))}
        error={errors.channel?.message}
        {...register('channel')}
      />
      <TextField
        id={LEAD_FIELD_IDS.channelId}
        label="Source channel ID"
        labelSuffix="(optional)"
        hint="Your own reference for the channel, like a campaign name."
        autoComplete="off"
        error={errors.channelId?.message}
        {...register('channelId')}
      />
      <TextField
        id={LEAD_FIELD_IDS.originId}
        label="Source origin ID"
        labelSuffix="(optional)"
        autoComplete="off"
        error={errors.originId?.message}
        {...register('originId')}
      />
      <CheckboxField
        id={LEAD_FIELD_IDS.wasSeen}
        label="Mark as seen"
        hint="Seen leads are not highlighted as new in the Leads Inbox."
        error={errors.wasSeen?.message}
        {...register('wasSeen')}
      />
    </>
  );
}
