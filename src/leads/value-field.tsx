import { useController, useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

/**
 * Amount and currency as one answer: both or neither. One controlled value at `value`, so fixing
 * either part re-checks the pair and clears its message.
 */
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
      <div className="pair">
        <TextField
          id={id}
          label="Amount"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          name="value.amount"
          value={field.value.amount}
          onChange={(event) => field.onChange({ ...field.value, amount: event.target.value })}
          onBlur={field.onBlur}
          ref={field.ref}
        />
        <SelectField
          id="lead-value-currency"
          label="Currency"
          options={currencies.map((currency) => ({
            value: currency.code,
            label: `${currency.code} – ${currency.name}`,
          }))}
          name="value.currency"
          value={field.value.currency}
          onChange={(event) => field.onChange({ ...field.value, currency: event.target.value })}
          onBlur={field.onBlur}
        />
      </div>
    </FieldsetShell>
  );
}
