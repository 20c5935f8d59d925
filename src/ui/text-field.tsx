import type { ComponentPropsWithRef } from 'react';
import { controlA11yProps, FieldShell, type FieldShellProps } from './field-shell.tsx';

type TextFieldProps = FieldShellProps & Omit<ComponentPropsWithRef<'input'>, 'id'>;

export function TextField({ id, label, hint, error, labelSuffix, className, ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelSuffix={labelSuffix}>
      <input
        className={['input', className].filter(Boolean).join(' ')}
        {...controlA11yProps({ id, hint, error })}
        {...input}
      />
    </FieldShell>
  );
}
