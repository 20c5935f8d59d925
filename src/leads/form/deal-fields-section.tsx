import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { TextField } from '@/ui/text-field.tsx';
import { LabelChips } from './label-chips.tsx';
import { LEAD_FIELD_IDS, type LeadFormContext, type LeadFormInput } from './lead-form-schema.ts';
import { OwnerField } from './owner-field.tsx';
import { ValueField } from './value-field.tsx';

/** Value, expected close date, owner, labels, and the custom fields the account makes mandatory. */
export function DealFieldsSection({
  context,
  lists,
  meId,
  children,
}: {
  context: LeadFormContext;
  lists: { users: ListOnDemand<User>; currencies: ListOnDemand<Currency> };
  meId: number;
  children?: ReactNode;
}) {
  const { register, formState } = useFormContext<LeadFormInput>();
  const { errors } = formState;
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Details</legend>
      <ValueField currencies={lists.currencies} />
      <TextField
        id={LEAD_FIELD_IDS.expectedCloseDate}
        label="Expected close date"
        labelSuffix="(optional)"
        type="date"
        error={errors.expectedCloseDate?.message}
        {...register('expectedCloseDate')}
      />
      <OwnerField owners={context.owners} users={lists.users} meId={meId} />
      <LabelChips labels={context.labels} />
      {children}
    </fieldset>
  );
}
