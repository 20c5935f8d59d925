import { CheckboxField } from '@/ui/checkbox-field.tsx';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { LeadFormContext } from './lead-form-schema.ts';
import { useLeadField } from './use-lead-field.ts';

/** Visibility and where the lead came from: all optional, so grouped after the essentials. */
export function SourceFields({ context }: { context: LeadFormContext }) {
  const field = useLeadField();
  return (
    <>
      <SelectField
        label="Visible to"
        emptyLabel="Account default"
        hint="Leave as the account default unless this lead needs different visibility."
        options={context.visibilityOptions.map((option) => ({
          value: String(option.id),
          label: option.label,
        }))}
        {...field('visibleTo')}
      />
      <SelectField
        label="Source channel"
        labelSuffix="(optional)"
        emptyLabel="Not set"
        options={context.channelOptions.map((option) => ({ value: String(option.id), label: option.label }))}
        {...field('channel')}
      />
      <TextField
        label="Source channel ID"
        labelSuffix="(optional)"
        hint="Your own reference for the channel, like a campaign name."
        autoComplete="off"
        {...field('channelId')}
      />
      <TextField
        label="Source origin ID"
        labelSuffix="(optional)"
        autoComplete="off"
        {...field('originId')}
      />
      <CheckboxField
        label="Mark as seen"
        hint="Seen leads are not highlighted as new in the Leads Inbox."
        {...field('wasSeen')}
      />
    </>
  );
}
