import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import { DisclosureSection } from '@/ui/disclosure-section.tsx';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import { followUpSummary } from './follow-up-text.ts';

interface FollowUpSectionProps {
  types: readonly ActivityType[];
  /** Reads the activity types: the first time the section opens, not before. */
  requestTypes: () => void;
  locale: string | undefined;
  children: ReactNode;
}

/**
 * "Schedule a follow-up", closed until wanted. Opening it means scheduling one (the first field,
 * a checkbox, says so and can be unticked); closing it before a day is chosen means not. It
 * watches the follow-up (to summarise it while closed), so typing in it re-renders this section's
 * heading, never the whole form: the fields come in as `children`, made by the form.
 */
export function FollowUpSection({ types, requestTypes, locale, children }: FollowUpSectionProps) {
  const { control, getValues, setValue } = useFormContext<LeadFormInput>();
  const followUp = useWatch({ control, name: 'followUp' });
  const { errors } = useFormState({ control, name: 'followUp' });
  // A restored draft that schedules one opens with it, and reads the types it needs.
  const [openAtStart] = useState(() => getValues('followUp.schedule'));
  const request = useRef(requestTypes);
  request.current = requestTypes;
  useEffect(() => {
    if (openAtStart) request.current();
  }, [openAtStart]);
  return (
    <DisclosureSection
      title="Schedule a follow-up"
      summary={followUp.schedule ? followUpSummary(followUp, types, new Date(), locale) : undefined}
      defaultOpen={openAtStart}
      forceOpen={errors.followUp !== undefined}
      onOpen={() => {
        requestTypes();
        if (!getValues('followUp.schedule')) setValue('followUp.schedule', true);
      }}
      onClose={() => {
        if (getValues('followUp.dueDate') === '') setValue('followUp.schedule', false);
      }}
    >
      {children}
    </DisclosureSection>
  );
}
