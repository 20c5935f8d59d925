import { useEffect, useState } from 'react';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { FieldsetShell } from '@/ui/field-shell.tsx';

/**
 * Asks for the company's colleagues (read on demand: most leads need none of them) and, once they
 * are read because the rep asked, moves the focus to the select that replaces the button.
 */
export function useAskForColleagues(users: ListOnDemand<User>, focusSelect: () => void): () => void {
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!asked || users.state !== 'read') return;
    // Once: the select keeps the focus only as long as the rep leaves it there.
    setAsked(false);
    focusSelect();
  }, [asked, users.state, focusSelect]);
  return () => {
    if (users.state === 'reading') return;
    setAsked(true);
    users.request();
  };
}

interface ColleagueChoiceProps {
  id: string;
  label: string;
  /** Who it is now, in words. */
  current: string;
  /** What the button says before anything is read, e.g. "Change owner". */
  askLabel: string;
  users: ListOnDemand<User>;
  error: string | undefined;
  onAsk: () => void;
}

/**
 * A choice of colleague before the colleagues are read: who it is now, and a button that reads
 * them (saying so while it does, and why it failed, with Try again).
 */
export function ColleagueChoice({ id, label, current, askLabel, users, error, onAsk }: ColleagueChoiceProps) {
  const failed = users.state === 'failed';
  const reading = users.state === 'reading';
  return (
    <FieldsetShell
      id={id}
      label={label}
      error={
        failed
          ? readFailureMessage(users.error, 'QuickLead could not read your colleagues from Pipedrive.')
          : error
      }
    >
      <div className="owner-choice">
        <span id={`${id}-current`}>{current}</span>
        <button
          id={id}
          type="button"
          className="button button--small"
          aria-describedby={`${id}-current`}
          aria-disabled={reading || undefined}
          onClick={onAsk}
        >
          {reading ? (
            <>
              <span className="spinner" aria-hidden="true" /> Loading colleagues…
            </>
          ) : failed ? (
            'Try again'
          ) : (
            askLabel
          )}
        </button>
      </div>
    </FieldsetShell>
  );
}
