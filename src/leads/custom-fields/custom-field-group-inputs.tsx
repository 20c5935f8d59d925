import { useController } from 'react-hook-form';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { CheckboxField } from '@/ui/checkbox-field.tsx';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { MoneyPair } from '../../ui/money-pair.tsx';
import type { MoneyInput, RangeInput } from './custom-field-values.ts';
import { useCustomField } from './use-custom-field.ts';

/**
 * Fields answered with more than one control: a fieldset whose legend names the field and holds the
 * message; the first control carries the field's id so the error summary can focus it. The controls
 * are marked invalid but not described by the message, which the fieldset already announces.
 *
 * A pair is one form value at `custom.<key>`, changed whole, because its message sits at that path:
 * react-hook-form re-checks a path after a failed submit only when that very path changes.
 */
interface GroupInputProps {
  id: string;
  field: CustomField;
}

export function MoneyFieldInput({
  id,
  field,
  currencies,
}: GroupInputProps & { currencies: readonly Currency[] }) {
  const { name, control, error, hint, labelSuffix } = useCustomField(field);
  const { field: controller } = useController({ control, name });
  return (
    <FieldsetShell id={id} label={field.name} hint={hint} error={error} labelSuffix={labelSuffix}>
      <MoneyPair
        id={id}
        name={name}
        value={moneyOf(controller.value)}
        onChange={controller.onChange}
        onBlur={controller.onBlur}
        inputRef={controller.ref}
        invalid={error !== undefined}
        currencies={currencies}
      />
    </FieldsetShell>
  );
}

export function RangeFieldInput({ id, field, kind }: GroupInputProps & { kind: 'date' | 'time' }) {
  const { name, control, error, hint, labelSuffix } = useCustomField(field);
  const { field: controller } = useController({ control, name });
  const range = rangeOf(controller.value);
  const invalid = error ? true : undefined;
  return (
    <FieldsetShell id={id} label={field.name} hint={hint} error={error} labelSuffix={labelSuffix}>
      <div className="pair">
        <TextField
          id={id}
          label="Start"
          type={kind}
          aria-invalid={invalid}
          name={`${name}.from`}
          value={range.from}
          onChange={(event) => controller.onChange({ ...range, from: event.target.value })}
          onBlur={controller.onBlur}
          ref={controller.ref}
        />
        <TextField
          id={`${id}-until`}
          label="End"
          type={kind}
          aria-invalid={invalid}
          name={`${name}.until`}
          value={range.until}
          onChange={(event) => controller.onChange({ ...range, until: event.target.value })}
          onBlur={controller.onBlur}
        />
      </div>
    </FieldsetShell>
  );
}

export function SetFieldInput({ id, field }: GroupInputProps) {
  const { name, control, error, hint, labelSuffix } = useCustomField(field);
  const { field: controller } = useController({ control, name });
  const picked = Array.isArray(controller.value) ? controller.value : [];
  const options = (field.options ?? []).map((option) => ({ value: String(option.id), label: option.label }));
  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...picked, value] : picked.filter((candidate) => candidate !== value);
    // Keep Pipedrive's option order, whatever order the boxes were ticked in.
    controller.onChange(
      options.map((option) => option.value).filter((candidate) => next.includes(candidate)),
    );
  };
  return (
    <FieldsetShell
      id={id}
      label={field.name}
      hint={hint ? `Select all that apply. ${hint}` : 'Select all that apply.'}
      error={error}
      labelSuffix={labelSuffix}
    >
      <div className="options">
        {options.map((option, index) => (
          <CheckboxField
            key={option.value}
            id={index === 0 ? id : `${id}-${option.value}`}
            label={option.label}
            name={name}
            value={option.value}
            checked={picked.includes(option.value)}
            aria-invalid={error ? true : undefined}
            ref={index === 0 ? controller.ref : undefined}
            onBlur={controller.onBlur}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
        ))}
      </div>
    </FieldsetShell>
  );
}

function moneyOf(value: unknown): MoneyInput {
  const record = typeof value === 'object' && value !== null ? (value as Partial<MoneyInput>) : {};
  return { amount: record.amount ?? '', currency: record.currency ?? '' };
}

function rangeOf(value: unknown): RangeInput {
  const record = typeof value === 'object' && value !== null ? (value as Partial<RangeInput>) : {};
  return { from: record.from ?? '', until: record.until ?? '' };
}
