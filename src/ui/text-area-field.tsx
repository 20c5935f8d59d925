import type { ComponentPropsWithRef } from 'react';
import { controlA11yProps, FieldShell, type FieldShellProps } from './field-shell.tsx';

type TextAreaFieldProps = FieldShellProps & Omit<ComponentPropsWithRef<'textarea'>, 'id'>;

export function TextAreaField({ id, label, hint, error, labelSuffix, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelSuffix={labelSuffix}>
      <textarea
        className="input input--area"
        rows={3}
        {...controlA11yProps({ id, hint, error })}
        {...textarea}
      />
    </FieldShell>
  );
}
