import { useController, useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';
import { MoneyPair } from './money-pair.tsx';

/** Amount and currency as one answer: both or neither. */
export function ValueField({ currencies }: { currencies: readonly Currency[] }) {
  const { control } = useFormContext<LeadFormInput>();
  const { field, fieldState } = useController({ control, name: 'value' });
  const error = fieldState.error?.message;
  const id = LEAD_FIELD_IDS.value;
  return (
    <FieldsetShell
      id={id}
      label="Value"
      labelSuffix="(optional)"
      hint="The amount you expect, like 1500."
      error={error}
    >
      <MoneyPair
        id={id}
        name="value"
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        invalid={error !== undefined}
        currencies={currencies}
      />
    </FieldsetShell>
  );
}
