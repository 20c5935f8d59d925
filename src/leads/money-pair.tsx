import type { ControllerRenderProps } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import { SelectField } from '@/ui/select-field.tsx';
import { TextField } from '@/ui/text-field.tsx';

export interface MoneyValue {
  amount: string;
  currency: string;
}

interface MoneyPairProps {
  /** The amount's id: the error summary focuses it. The currency select gets `{id}-currency`. */
  id: string;
  /** The form path of the whole pair; the controls are named `{name}.amount` and `{name}.currency`. */
  name: string;
  value: MoneyValue;
  onChange: (value: MoneyValue) => void;
  onBlur: () => void;
  inputRef: ControllerRenderProps['ref'];
  invalid: boolean;
  currencies: readonly Currency[];
}

/**
 * Amount and currency side by side, changed as one value: a message on the pair is re-checked
 * whichever part the rep fixes. Used by the lead's value and by custom monetary fields.
 */
export function MoneyPair({
  id,
  name,
  value,
  onChange,
  onBlur,
  inputRef,
  invalid,
  currencies,
}: MoneyPairProps) {
  const known = currencies.some((currency) => currency.code === value.currency);
  return (
    <div className="pair">
      <TextField
        id={id}
        label="Amount"
        inputMode="decimal"
        autoComplete="off"
        aria-invalid={invalid || undefined}
        name={`${name}.amount`}
        value={value.amount}
        onChange={(event) => onChange({ ...value, amount: event.target.value })}
        onBlur={onBlur}
        ref={inputRef}
      />
      <SelectField
        id={`${id}-currency`}
        label="Currency"
        options={currencies.map((currency) => ({
          value: currency.code,
          label: `${currency.code} – ${currency.name}`,
        }))}
        // Offered only while no listed currency is chosen, so the select never shows one it does not hold.
        emptyLabel={known ? undefined : 'Select a currency'}
        aria-invalid={invalid || undefined}
        name={`${name}.currency`}
        value={value.currency}
        onChange={(event) => onChange({ ...value, currency: event.target.value })}
        onBlur={onBlur}
      />
    </div>
  );
}
