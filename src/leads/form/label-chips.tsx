import { Controller, useFormContext } from 'react-hook-form';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

/** Lead labels as checkboxes drawn as chips in each label's colour: a plain, accessible multi-select. */
export function LabelChips({ labels }: { labels: readonly LeadLabel[] }) {
  const { control } = useFormContext<LeadFormInput>();
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
                const chipId = index === 0 ? LEAD_FIELD_IDS.labels : `${LEAD_FIELD_IDS.labels}-${label.id}`;
                return (
                  <label key={label.id} className={`chip chip--${label.color}`} htmlFor={chipId}>
                    <input
                      id={chipId}
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
        </FieldsetShell>
      )}
    />
  );
}
