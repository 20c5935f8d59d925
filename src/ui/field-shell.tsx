import type { ReactNode } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldError, FieldHint } from './field-message.tsx';

export interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Shown after the label in a lighter weight, e.g. "(optional)". */
  labelSuffix?: string;
}

/** Props every control of a field needs to be tied to its hint and error. */
export interface ControlA11yProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function controlA11yProps({
  id,
  hint,
  error,
}: Pick<FieldShellProps, 'id' | 'hint' | 'error'>): ControlA11yProps {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { hint, error }),
  };
}

function LabelText({ label, labelSuffix }: Pick<FieldShellProps, 'label' | 'labelSuffix'>) {
  return (
    <>
      {label}
      {labelSuffix && <span className="field-label__suffix"> {labelSuffix}</span>}
    </>
  );
}

/** Label, hint and error of one control, in the GOV.UK order, with the red bar when in error. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  labelSuffix,
  children,
}: FieldShellProps & { children: ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field-label" id={`${id}-label`} htmlFor={id}>
        <LabelText label={label} labelSuffix={labelSuffix} />
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
      {children}
    </div>
  );
}

/** Several controls that answer one question (a range, a set of checkboxes): fieldset + legend. */
export function FieldsetShell({
  id,
  label,
  hint,
  error,
  labelSuffix,
  children,
}: FieldShellProps & { children: ReactNode }) {
  return (
    <fieldset
      className={error ? 'field field--group field--error' : 'field field--group'}
      aria-describedby={describedBy(id, { hint, error })}
    >
      <legend className="field-label">
        <LabelText label={label} labelSuffix={labelSuffix} />
      </legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} />
      {children}
    </fieldset>
  );
}
