import type { ComponentPropsWithRef } from 'react';
import { controlA11yProps, FieldShell, type FieldShellProps } from './field-shell.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = FieldShellProps &
  Omit<ComponentPropsWithRef<'select'>, 'id' | 'children'> & {
    options: readonly SelectOption[];
    /** The label of the empty choice, e.g. "Account default"; omitted when a value is required. */
    emptyLabel?: string;
  };

/** A native select: the most dependable choice on phones and with assistive technology. */
export function SelectField({
  id,
  label,
  hint,
  error,
  labelSuffix,
  options,
  emptyLabel,
  ...select
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelSuffix={labelSuffix}>
      <select className="input input--select" {...controlA11yProps({ id, hint, error })} {...select}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
