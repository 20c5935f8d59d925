import { useFormContext, useWatch } from 'react-hook-form';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { SelectField } from '@/ui/select-field.tsx';
import { ColleagueChoice, useAskForColleagues } from '../form/colleague-choice.tsx';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import { FOLLOW_UP_FIELD_IDS } from './follow-up-schema.ts';

interface AssigneeFieldProps {
  /** Who may be assigned: the colleagues once read, otherwise only the rep. */
  owners: readonly User[];
  users: ListOnDemand<User>;
  meId: number;
  error: string | undefined;
}

/**
 * Who the follow-up is for. By default the lead's owner, whoever that becomes: the first choice
 * ('') follows the owner field until the rep picks someone. The colleagues are read only when the
 * rep asks to choose one, as for the owner. It watches the owner (to name them), so changing the
 * owner re-renders this field only.
 */
export function AssigneeField({ owners, users, meId, error }: AssigneeFieldProps) {
  const { control, register, setFocus } = useFormContext<LeadFormInput>();
  const owner = useWatch({ control, name: 'owner' });
  const id = FOLLOW_UP_FIELD_IDS.assignee;
  const ask = useAskForColleagues(users, () => setFocus('followUp.assignee'));

  const nameOf = (user: User) => (user.id === meId ? `${user.name} (you)` : user.name);
  const ownerUser = owners.find((user) => String(user.id) === owner);
  const leadOwner = `The lead’s owner${ownerUser ? `, ${nameOf(ownerUser)}` : ''}`;

  if (users.state === 'read') {
    return (
      <SelectField
        id={id}
        label="Assigned to"
        emptyLabel={leadOwner}
        options={owners.map((user) => ({ value: String(user.id), label: nameOf(user) }))}
        error={error}
        {...register('followUp.assignee')}
      />
    );
  }
  return (
    <ColleagueChoice
      id={id}
      label="Assigned to"
      current={leadOwner}
      askLabel="Assign to someone else"
      users={users}
      error={error}
      onAsk={ask}
    />
  );
}
