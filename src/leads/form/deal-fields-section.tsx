import type { ReactNode } from 'react';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { RenderProbe } from '@/ui/render-probe.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { LabelChips } from './label-chips.tsx';
import type { LeadFormContext } from './lead-form-schema.ts';
import { OwnerField } from './owner-field.tsx';
import { FIELD_RENDER_PROBES } from './render-probes.ts';
import { useLeadField } from './use-lead-field.ts';
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
  const field = useLeadField();
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Details</legend>
      <RenderProbe id={FIELD_RENDER_PROBES.value}>
        <ValueField currencies={lists.currencies} />
      </RenderProbe>
      <TextField
        label="Expected close date"
        labelSuffix="(optional)"
        type="date"
        {...field('expectedCloseDate')}
      />
      <OwnerField owners={context.owners} users={lists.users} meId={meId} />
      <LabelChips labels={context.labels} />
      {children}
    </fieldset>
  );
}
