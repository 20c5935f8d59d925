import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { LabelChips } from './label-chips.tsx';
import { LEAD_FIELD_IDS, type LeadFormContext, type LeadFormInput } from './lead-form-schema.ts';
import { ValueField } from './value-field.tsx';

/** Value, expected close date, owner, labels, and the custom fields the account makes mandatory. */
export function DealFieldsSection({
  context,
  currencies,
  meId,
  children,
}: {
  context: LeadFormContext;
  currencies: readonly Currency[];
  meId: number;
  children?: ReactNode;
}) {
  const { register, formState } = useFormContext<LeadFormInput>();
  const { errors } = formState;
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Details</legend>
      <ValueField currencies={currencies} />
      <TextField
        id={LEAD_FIELD_IDS.expectedCloseDate}
        label="Expected close date"
        labelSuffix="(optional)"
        type="date"
        error={errors.expectedCloseDate?.message}
        {...register('expectedCloseDate')}
      />
      <SelectField
        id={LEAD_FIELD_IDS.owner}
        label="Owner"
        options={context.owners.map((owner) => ({
          value: String(owner.id),
          label: owner.id === meId ? `${owner.name} (you)` : owner.name,
        }))}
        error={errors.owner?.message}
        {...register('owner')}
      />
      <LabelChips labels={context.labels} />
      {children}
    </fieldset>
  );
}
