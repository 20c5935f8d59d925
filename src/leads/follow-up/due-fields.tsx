import { useEffect, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import { FOLLOW_UP_FIELD_IDS } from './follow-up-schema.ts';
import { dueText, isPast, quickPickDays } from './follow-up-time.ts';

interface QuickPick {
  label: string;
  /** The digit of its shortcut: Control+Shift+<digit>. */
  digit: '1' | '2' | '3';
  /** The day, and the time: a pick that names none keeps the rep's, or 09:00. */
  choose: (now: Date, time: string) => { date: string; time: string };
}

const MORNING = '09:00';

const QUICK_PICKS: readonly QuickPick[] = [
  {
    label: 'Tomorrow 9:00',
    digit: '1',
    choose: (now) => ({ date: quickPickDays(now).tomorrow, time: MORNING }),
  },
  {
    label: 'In 3 days',
    digit: '2',
    choose: (now, time) => ({ date: quickPickDays(now).inThreeDays, time: time || MORNING }),
  },
  {
    label: 'Next Monday',
    digit: '3',
    choose: (now, time) => ({ date: quickPickDays(now).nextMonday, time: time || MORNING }),
  },
];

/**
 * Control+Shift+1, 2 or 3 while the focus is in the follow-up. Chosen to clash with nothing: the
 * browsers give Control+Shift+digit no meaning (Control+digit and, on Linux, Alt+digit switch tabs;
 * Command+Shift+3 takes a screenshot on a Mac, so Control is used there too), screen readers
 * use their own modifier (Insert, Caps Lock, Control+Option), and Alt+Shift switches the keyboard
 * layout on Windows. `code`, not `key`: Shift turns "1" into "!" on most layouts.
 */
function pickForKey(event: KeyboardEvent): QuickPick | undefined {
  if (!event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return undefined;
  const digit = /^(?:Digit|Numpad)([1-3])$/.exec(event.code)?.[1];
  return QUICK_PICKS.find((pick) => pick.digit === digit);
}

const HINT = 'In your own time zone. Without a time, it lasts all day.';

/**
 * The follow-up's day and time (native inputs), and quick picks that fill both, from buttons or
 * their shortcuts. It watches its own two fields (to warn of a day already gone), so a change here
 * re-renders this part only.
 */
export function DueFields({
  errors,
  locale,
}: {
  errors: { dueDate?: string; dueTime?: string };
  locale: string | undefined;
}) {
  const { control, register, setValue, getValues, getFieldState } = useFormContext<LeadFormInput>();
  const [dueDate, dueTime] = useWatch({ control, name: ['followUp.dueDate', 'followUp.dueTime'] });
  const [announced, setAnnounced] = useState('');
  const group = useRef<HTMLDivElement>(null);
  const past = dueDate !== '' && isPast(dueDate, dueTime || undefined, new Date());

  const apply = useRef((pick: QuickPick) => {
    const chosen = pick.choose(new Date(), getValues('followUp.dueTime'));
    for (const [name, value] of [
      ['followUp.dueDate', chosen.date],
      ['followUp.dueTime', chosen.time],
    ] as const) {
      setValue(name, value, { shouldDirty: true, shouldValidate: getFieldState(name).invalid });
    }
    if (!getValues('followUp.schedule')) setValue('followUp.schedule', true);
    setAnnounced(`Due ${dueText(chosen.date, chosen.time, new Date(), locale)}`);
  });

  // The shortcuts work wherever the focus is in the follow-up section (its title included).
  useEffect(() => {
    const section = group.current?.closest('details') ?? group.current;
    if (!section) return;
    const onKeyDown = (event: Event) => {
      const pick = pickForKey(event as KeyboardEvent);
      if (!pick) return;
      event.preventDefault();
      apply.current(pick);
    };
    section.addEventListener('keydown', onKeyDown);
    return () => section.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div ref={group}>
      <FieldsetShell
        id={`${FOLLOW_UP_FIELD_IDS.dueDate}-group`}
        label="Due"
        hint={past ? `${HINT} This is already past: Pipedrive will show it as overdue.` : HINT}
      >
        <div className="pair due-pair">
          <TextField
            id={FOLLOW_UP_FIELD_IDS.dueDate}
            label="Day"
            type="date"
            error={errors.dueDate}
            {...register('followUp.dueDate')}
          />
          <TextField
            id={FOLLOW_UP_FIELD_IDS.dueTime}
            label="Time"
            labelSuffix="(optional)"
            type="time"
            error={errors.dueTime}
            {...register('followUp.dueTime')}
          />
        </div>
        <ul className="quick-picks" aria-label="Quick picks">
          {QUICK_PICKS.map((pick) => (
            <li key={pick.digit}>
              <button
                type="button"
                className="button button--small"
                aria-keyshortcuts={`Control+Shift+${pick.digit}`}
                onClick={() => apply.current(pick)}
              >
                {pick.label}
                <span className="quick-picks__keys" aria-hidden="true">
                  Ctrl+Shift+{pick.digit}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </FieldsetShell>
      <p className="visually-hidden" role="status">
        {announced}
      </p>
    </div>
  );
}
