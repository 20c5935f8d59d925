import { useEffect, useMemo } from 'react';
import { useFormContext } from 'react-hook-form';
import { type ActivityType, activeActivityTypes } from '@/pipedrive/activity-types.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { CheckboxField } from '@/ui/checkbox-field.tsx';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import { AssigneeField } from './assignee-field.tsx';
import { DueFields } from './due-fields.tsx';
import { FOLLOW_UP_FIELD_IDS, suggestedSubject } from './follow-up-schema.ts';
import '../lead-parts.css';

interface FollowUpFieldsProps {
  types: ListOnDemand<ActivityType>;
  owners: readonly User[];
  users: ListOnDemand<User>;
  meId: number;
  locale: string | undefined;
}

/** What a follow-up is: the type, what it is about, when, and for whom. */
export function FollowUpFields({ types, owners, users, meId, locale }: FollowUpFieldsProps) {
  const { register, formState } = useFormContext<LeadFormInput>();
  const errors = formState.errors.followUp;
  return (
    <>
      <CheckboxField
        id={FOLLOW_UP_FIELD_IDS.schedule}
        label="Schedule this follow-up"
        hint="Added to the lead in Pipedrive as an activity once the lead is created."
        {...register('followUp.schedule')}
      />
      <TypeField types={types} error={errors?.type?.message} />
      <SubjectField error={errors?.subject?.message} />
      <DueFields
        errors={{ dueDate: errors?.dueDate?.message, dueTime: errors?.dueTime?.message }}
        locale={locale}
      />
      <AssigneeField owners={owners} users={users} meId={meId} error={errors?.assignee?.message} />
    </>
  );
}

/** The account's active activity types, in Pipedrive's order; the first is chosen once they arrive. */
function TypeField({ types, error }: { types: ListOnDemand<ActivityType>; error: string | undefined }) {
  const { register, getValues, setValue } = useFormContext<LeadFormInput>();
  const active = useMemo(() => activeActivityTypes(types.items ?? []), [types.items]);
  useEffect(() => {
    const first = active[0];
    if (first && !active.some((type) => type.key_string === getValues('followUp.type'))) {
      setValue('followUp.type', first.key_string);
    }
  }, [active, getValues, setValue]);
  const id = FOLLOW_UP_FIELD_IDS.type;

  if (types.state === 'read') {
    return (
      <SelectField
        id={id}
        label="Activity type"
        options={active.map((type) => ({ value: type.key_string, label: type.name }))}
        error={error}
        {...register('followUp.type')}
      />
    );
  }
  const failed = types.state === 'failed';
  const reading = types.state === 'reading';
  const problem = failed
    ? readFailureMessage(types.error, 'QuickLead could not read your activity types from Pipedrive.')
    : undefined;
  return (
    <FieldsetShell id={id} label="Activity type" error={problem ?? error}>
      <div className="owner-choice">
        <button
          id={id}
          type="button"
          className="button button--small"
          aria-disabled={reading || undefined}
          onClick={() => {
            if (!reading) types.request();
          }}
        >
          {reading ? (
            <>
              <span className="spinner" aria-hidden="true" /> Loading activity types…
            </>
          ) : failed ? (
            'Try again'
          ) : (
            'Load activity types'
          )}
        </button>
      </div>
    </FieldsetShell>
  );
}

/**
 * What the follow-up is about: "Follow up: <title>" while the rep leaves it as suggested, so it
 * follows the title as that is typed; their own words once they write some. Followed through a
 * subscription, so typing the title re-renders nothing.
 */
function SubjectField({ error }: { error: string | undefined }) {
  const { register, watch, getValues, setValue, getFieldState } = useFormContext<LeadFormInput>();
  useEffect(() => {
    let suggestion = suggestedSubject(getValues('title'));
    if (getValues('followUp.subject') === '') setValue('followUp.subject', suggestion);
    const subscription = watch((values, { name }) => {
      if (name !== 'title') return;
      const next = suggestedSubject(values.title ?? '');
      const subject = getValues('followUp.subject');
      if (subject === '' || subject === suggestion) {
        setValue('followUp.subject', next, { shouldValidate: getFieldState('followUp.subject').invalid });
      }
      suggestion = next;
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, setValue, getFieldState]);
  return (
    <TextField
      id={FOLLOW_UP_FIELD_IDS.subject}
      label="Subject"
      hint="Follows the lead’s title until you change it."
      autoComplete="off"
      error={error}
      {...register('followUp.subject')}
    />
  );
}
