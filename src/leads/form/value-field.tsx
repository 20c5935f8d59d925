import { useController, useFormContext } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { MoneyPair } from '../../ui/money-pair.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

/**
 * Amount and currency as one answer: both or neither. The account's currencies are read when the
 * rep first moves into the value (most leads have none), so the list has arrived by the time the
 * amount is typed and the currency is reached.
 */
export function ValueField({ currencies }: { currencies: ListOnDemand<Currency> }) {
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
        onFocus={currencies.request}
        inputRef={field.ref}
        invalid={error !== undefined}
        currencies={currencies.items ?? []}
      />
      {currencies.state === 'failed' && (
        <p className="field-hint value-field__retry">
          {readFailureMessage(currencies.error, 'QuickLead could not read your currencies from Pipedrive.')}{' '}
          <button type="button" className="button button--small" onClick={currencies.request}>
            Try again
          </button>
        </p>
      )}
    </FieldsetShell>
  );
}
