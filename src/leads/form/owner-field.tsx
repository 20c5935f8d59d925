import { useFormContext } from 'react-hook-form';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { SelectField } from '@/ui/select-field.tsx';
import { ColleagueChoice, useAskForColleagues } from './colleague-choice.tsx';
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
  const ask = useAskForColleagues(users, () => setFocus('owner'));

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
  return (
    <ColleagueChoice
      id={LEAD_FIELD_IDS.owner}
      label="Owner"
      current={me ? `${me.name} (you)` : 'You'}
      askLabel="Change owner"
      users={users}
      error={formState.errors.owner?.message}
      onAsk={ask}
    />
  );
}
