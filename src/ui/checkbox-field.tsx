import type { ComponentPropsWithRef } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldError, FieldHint } from './field-message.tsx';

type CheckboxFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
};

export function CheckboxField({ id, label, hint, error, ...input }: CheckboxFieldProps) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <FieldError id={id} message={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          className="checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
          {...input}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldHint id={id}>{hint}</FieldHint>
    </div>
  );
}
