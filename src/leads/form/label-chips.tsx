import { useEffect, useRef, useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';
import { NewLabelForm } from './new-label-form.tsx';

const chipIdOf = (labels: readonly LeadLabel[], id: string) =>
  labels[0]?.id === id ? LEAD_FIELD_IDS.labels : `${LEAD_FIELD_IDS.labels}-${id}`;

/**
 * Lead labels as checkboxes drawn as chips in each label's colour: a plain, accessible multi-select.
 * "New label" adds one to the company inline, and picks it for this lead.
 */
export function LabelChips({ labels }: { labels: readonly LeadLabel[] }) {
  const { control } = useFormContext<LeadFormInput>();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<LeadLabel>();
  const toggle = useRef<HTMLButtonElement>(null);
  const closedByCancel = useRef(false);

  // A new label's chip arrives with the company's labels, a render later: it then takes the focus.
  const createdShown = created !== undefined && labels.some((label) => label.id === created.id);
  useEffect(() => {
    if (created && createdShown) document.getElementById(chipIdOf(labels, created.id))?.focus();
  }, [created, createdShown, labels]);
  useEffect(() => {
    if (!adding && closedByCancel.current) {
      closedByCancel.current = false;
      toggle.current?.focus();
    }
  }, [adding]);

  return (
    <Controller
      control={control}
      name="labels"
      render={({ field, fieldState }) => (
        <FieldsetShell
          id={LEAD_FIELD_IDS.labels}
          label="Labels"
          labelSuffix="(optional)"
          error={fieldState.error?.message}
        >
          {labels.length === 0 ? (
            <p className="field-hint">Your company has no lead labels yet.</p>
          ) : (
            <div className="chips">
              {labels.map((label, index) => {
                const checked = field.value.includes(label.id);
                return (
                  <label
                    key={label.id}
                    className={`chip chip--${label.color}`}
                    htmlFor={chipIdOf(labels, label.id)}
                  >
                    <input
                      id={chipIdOf(labels, label.id)}
                      type="checkbox"
                      className="chip__input"
                      checked={checked}
                      ref={index === 0 ? field.ref : undefined}
                      onBlur={field.onBlur}
                      onChange={() =>
                        field.onChange(
                          checked ? field.value.filter((id) => id !== label.id) : [...field.value, label.id],
                        )
                      }
                    />
                    <span>{label.name}</span>
                  </label>
                );
              })}
            </div>
          )}
          <p className="label-chips__status" role="status">
            {created ? `Label “${created.name}” created and chosen for this lead.` : ''}
          </p>
          {adding ? (
            <NewLabelForm
              labels={labels}
              onCreated={(label) => {
                field.onChange([...field.value.filter((id) => id !== label.id), label.id]);
                setCreated(label);
                setAdding(false);
              }}
              onCancel={() => {
                closedByCancel.current = true;
                setAdding(false);
              }}
            />
          ) : (
            <button
              ref={toggle}
              type="button"
              className="button button--small"
              onClick={() => {
                setCreated(undefined);
                setAdding(true);
              }}
            >
              New label
            </button>
          )}
        </FieldsetShell>
      )}
    />
  );
}
