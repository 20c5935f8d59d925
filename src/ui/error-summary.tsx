import { useEffect, useRef } from 'react';

export interface SummaryError {
  /** The id of the control to focus; omitted for errors that belong to no field. */
  fieldId?: string;
  message: string;
}

interface ErrorSummaryProps {
  errors: SummaryError[];
  /** Changes on every failed submit, so focus moves to the summary each time. */
  focusKey: number;
}

/**
 * GOV.UK error summary: takes focus when shown, lists every problem, and each link moves focus
 * to its field.
 */
export function ErrorSummary({ errors, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedFor = useRef(0);
  // The summary may render a commit after the failed submit that asked for focus; catch it then.
  useEffect(() => {
    if (focusKey > focusedFor.current && ref.current) {
      focusedFor.current = focusKey;
      ref.current.focus();
    }
  });

  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ''}:${error.message}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  const field = document.getElementById(error.fieldId ?? '');
                  if (!field) return;
                  event.preventDefault();
                  // A field inside a closed disclosure cannot take focus until it is shown.
                  const details = field.closest('details');
                  if (details) details.open = true;
                  field.focus();
                  field.scrollIntoView({ block: 'center' });
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
