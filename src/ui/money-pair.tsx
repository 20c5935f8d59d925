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
  /** When either part gets the focus, e.g. to read the currencies. */
  onFocus?: () => void;
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
  onFocus,
  inputRef,
  invalid,
  currencies,
}: MoneyPairProps) {
  // No currencies means they are not read yet (an account always has one): the select keeps the
  // chosen code rather than asking for a currency the rep has not been offered.
  const options =
    currencies.length === 0 && value.currency !== ''
      ? [{ value: value.currency, label: value.currency }]
      : currencies.map((currency) => ({
          value: currency.code,
          label: `${currency.code} – ${currency.name}`,
        }));
  const known = options.some((option) => option.value === value.currency);
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
        onFocus={onFocus}
        ref={inputRef}
      />
      <SelectField
        id={`${id}-currency`}
        label="Currency"
        options={options}
        // Offered only while no listed currency is chosen, so the select never shows one it does not hold.
        emptyLabel={known ? undefined : 'Select a currency'}
        aria-invalid={invalid || undefined}
        name={`${name}.currency`}
        value={value.currency}
        onChange={(event) => onChange({ ...value, currency: event.target.value })}
        onBlur={onBlur}
        onFocus={onFocus}
      />
    </div>
  );
}
