import { useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

/** Amount and currency as one answer: both or neither. */
export function ValueField({ currencies }: { currencies: readonly Currency[] }) {
  const { register, formState } = useFormContext<LeadFormInput>();
  const error = formState.errors.value?.message;
  const id = LEAD_FIELD_IDS.value;
  return (
    <FieldsetShell
      id={id}
      label="Value"
      labelSuffix="(optional)"
      hint="The amount you expect, like 1500."
      error={error}
    >
      <div className="value-field">
        <div className="value-field__amount">
          <label className="field-label field-label--small" htmlFor={id}>
            Amount
          </label>
          <input
            id={id}
            className="input"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            {...register('value.amount')}
          />
        </div>
        <div className="value-field__currency">
          <label className="field-label field-label--small" htmlFor="lead-value-currency">
            Currency
          </label>
          <select id="lead-value-currency" className="input input--select" {...register('value.currency')}>
            {currencies.map((currency) => (
              <option key={currency.code} value={currency.code}>
                {currency.code} – {currency.name}
              </option>
            ))}
          </select>
        </div>
      </div>
    </FieldsetShell>
  );
}
