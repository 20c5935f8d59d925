import { useEffect, useRef } from 'react';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import {
  type ContactCheck,
  type DescribeContext,
  describeOpenLead,
  leadTitleText,
  type OpenLeadWarning,
  type PickedContact,
} from './open-lead-warning.ts';
import './open-lead-notice.css';

interface OpenLeadNoticeProps {
  warnings: readonly OpenLeadWarning[];
  /** Checks that failed: said, never a reason to hold the lead back. */
  failed: ReadonlyArray<Extract<ContactCheck, { state: 'failed' }>>;
  /** The rep pressed create while warned: the next press creates anyway. */
  confirming: boolean;
  /** Moves focus to the warning when it changes, as a press that was stopped does. */
  focusKey: number;
  describe: DescribeContext;
  leadUrl: (leadId: string) => string;
  onRetry: (contact: PickedContact) => void;
}

/**
 * Just above the create button: the open leads the picked person or organization already has, with
 * a link to each in Pipedrive. Shown as soon as it is known; a press while it shows is stopped
 * once (focus comes here) and the button says "Create lead anyway". A check that failed is said
 * too, and stops nothing. Always in the page, so a screen reader hears what appears in it.
 */
export function OpenLeadNotice({
  warnings,
  failed,
  confirming,
  focusKey,
  describe,
  leadUrl,
  onRetry,
}: OpenLeadNoticeProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);

  return (
    <div className="open-leads" aria-live="polite">
      {warnings.length > 0 && (
        <section
          ref={ref}
          tabIndex={-1}
          className={`notice ${confirming ? 'notice--warning' : 'notice--info'} open-leads__warning`}
          aria-labelledby="open-leads-title"
        >
          <h2 id="open-leads-title" className="open-leads__title">
            {warnings.length === 1 && warnings[0]?.count === 1
              ? 'Open lead in Pipedrive'
              : 'Open leads in Pipedrive'}
          </h2>
          {warnings.map((warning) => (
            <p key={`${warning.contact.kind}-${warning.contact.ref.id}`}>
              {describeOpenLead(warning, describe)}{' '}
              <a href={leadUrl(warning.newest.id)} target="_blank" rel="noopener noreferrer">
                Open {leadTitleText(warning.newest)} in Pipedrive
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            </p>
          ))}
          {confirming && (
            <p className="open-leads__next">
              If this is a new lead, press <strong>Create lead anyway</strong>.
            </p>
          )}
        </section>
      )}
      {failed.map(({ contact, error }) => (
        <div key={`${contact.kind}-${contact.ref.id}`} className="notice notice--warning open-leads__failed">
          <p>
            {`QuickLead could not check whether ${contact.ref.name} already has an open lead: ${readFailureMessage(error, error.message)}`}
          </p>
          <button type="button" className="button button--small" onClick={() => onRetry(contact)}>
            Check again
          </button>
        </div>
      ))}
    </div>
  );
}
