import { useEffect, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { SelectField } from '@/ui/select-field.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';
import { useLeadField } from './use-lead-field.ts';

interface OwnerFieldProps {
  /** Who may own the lead: the assignable colleagues once read, otherwise only the rep. */
  owners: readonly User[];
  users: ListOnDemand<User>;
  meId: number;
}

/**
 * The lead's owner. Most leads belong to the rep who types them, so the company's user list (20
 * of the settings' documented tokens) is read only when the rep asks to change the owner; the
 * select then takes the focus the button had.
 */
export function OwnerField({ owners, users, meId }: OwnerFieldProps) {
  const { formState, setFocus } = useFormContext<LeadFormInput>();
  const field = useLeadField();
  const error = formState.errors.owner?.message;
  const id = LEAD_FIELD_IDS.owner;
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    if (asked && users.state === 'read') setFocus('owner');
  }, [asked, users.state, setFocus]);

  if (users.state === 'read') {
    return (
      <SelectField
        label="Owner"
        options={owners.map((owner) => ({
          value: String(owner.id),
          label: owner.id === meId ? `${owner.name} (you)` : owner.name,
        }))}
        {...field('owner')}
      />
    );
  }
  const me = owners.find((owner) => owner.id === meId);
  const failed = users.state === 'failed';
  const reading = users.state === 'reading';
  const message = failed
    ? readFailureMessage(users.error, 'QuickLead could not read your colleagues from Pipedrive.')
    : error;
  return (
    <FieldsetShell id={id} label="Owner" error={message}>
      <div className="owner-choice">
        <span id={`${id}-current`}>{me ? `${me.name} (you)` : 'You'}</span>
        <button
          id={id}
          type="button"
          className="button button--small"
          aria-describedby={`${id}-current`}
          aria-disabled={reading || undefined}
          onClick={() => {
            if (reading) return;
            setAsked(true);
            users.request();
          }}
        >
          {reading ? (
            <>
              <span className="spinner" aria-hidden="true" /> Loading colleagues…
            </>
          ) : failed ? (
            'Try again'
          ) : (
            'Change owner'
          )}
        </button>
      </div>
    </FieldsetShell>
  );
}
