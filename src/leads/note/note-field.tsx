import { useFormContext, useWatch } from 'react-hook-form';
import { controlA11yProps, FieldShell } from '@/ui/field-shell.tsx';
import { useDebouncedValue } from '@/ui/use-debounced-value.ts';
import { LEAD_FIELD_IDS, type LeadFormInput } from '../form/lead-form-schema.ts';
import { NOTE_COUNT_FROM, NOTE_MAX, noteLength } from './note-schema.ts';
import '../lead-parts.css';

const HINT = 'Added to the lead in Pipedrive as plain text, line breaks kept.';

function countText(left: number): string {
  const count = Math.abs(left).toLocaleString('en');
  if (left >= 0) return `You have ${count} character${left === 1 ? '' : 's'} left`;
  return `You have ${count} character${left === -1 ? '' : 's'} too many`;
}

/**
 * An optional note, sent with the lead as text (see pipedrive/note-html.ts). It watches its own
 * value for the counter, so a keystroke re-renders this field, never the whole form; the count
 * shows near the limit only, and is read out once typing pauses rather than at every key.
 */
export function NoteField() {
  const { register, formState, control } = useFormContext<LeadFormInput>();
  const note = useWatch({ control, name: 'note' });
  const left = NOTE_MAX - noteLength(note);
  const counting = left <= NOTE_MAX - NOTE_COUNT_FROM;
  const spoken = useDebouncedValue(counting ? countText(left) : '', 1000);
  const id = LEAD_FIELD_IDS.note;
  const error = formState.errors.note?.message;
  const a11y = controlA11yProps({ id, hint: HINT, error });
  return (
    <FieldShell id={id} label="Note" labelSuffix="(optional)" hint={HINT} error={error}>
      <textarea
        className="input input--area"
        rows={4}
        {...a11y}
        aria-describedby={[a11y['aria-describedby'], counting ? `${id}-count` : undefined]
          .filter(Boolean)
          .join(' ')}
        {...register('note')}
      />
      {counting && (
        <p
          id={`${id}-count`}
          className={
            left < 0 ? 'field-hint character-count character-count--over' : 'field-hint character-count'
          }
        >
          {countText(left)}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {spoken}
      </p>
    </FieldShell>
  );
}
