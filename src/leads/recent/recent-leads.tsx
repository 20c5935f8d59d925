import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Currency } from '@/pipedrive/currencies.ts';
import { leadListQueries } from '@/pipedrive/lead-lists.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { useKnownContactNames } from './known-contact-names.ts';
import { recentLeadRows } from './recent-lead-rows.ts';
import './recent-leads.css';

/** Rows a phone shows before "Show all"; a wider screen shows every row (recent-leads.css). */
export const PHONE_ROWS = 5;

interface RecentLeadsProps {
  meId: number;
  webUrlOf: (leadId: string) => string;
  locale: string | undefined;
  currencies: readonly Currency[];
}

/**
 * The rep's last leads on this account, from any device, newest first, each with a link into
 * Pipedrive. Read when shown and then only when stale (leadListQueries.recent); a lead created
 * here is put at the top without a read. Contacts are named from what the app already knows.
 */
export function RecentLeads({ meId, webUrlOf, locale, currencies }: RecentLeadsProps) {
  const transport = useTransport();
  const recent = useQuery(leadListQueries.recent(transport, meId));
  const names = useKnownContactNames();
  const [showAll, setShowAll] = useState(false);

  let body: ReactNode;
  if (recent.data) {
    const rows = recentLeadRows(recent.data, { names, now: Date.now(), locale, currencies });
    body =
      rows.length === 0 ? (
        <p className="recent-leads__empty">No leads yet.</p>
      ) : (
        <>
          <ol
            id="recent-leads-list"
            className={`recent-leads__list${showAll ? ' recent-leads__list--all' : ''}`}
          >
            {rows.map((row, index) => (
              <li
                key={row.id}
                className={`recent-leads__item${index >= PHONE_ROWS ? ' recent-leads__item--more' : ''}`}
              >
                <a
                  className="recent-leads__title"
                  href={webUrlOf(row.id)}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {row.title}
                  <span className="visually-hidden"> (opens in Pipedrive in a new tab)</span>
                </a>
                <span className="recent-leads__facts">
                  {row.contact && <span>{row.contact}</span>}
                  {row.value && <span>{row.value}</span>}
                  {row.age && (
                    <time dateTime={row.addedAt} title={row.addedText}>
                      {row.age}
                    </time>
                  )}
                </span>
              </li>
            ))}
          </ol>
          {rows.length > PHONE_ROWS && (
            <button
              type="button"
              className="button button--small recent-leads__show-all"
              aria-expanded={showAll}
              aria-controls="recent-leads-list"
              onClick={() => setShowAll((shown) => !shown)}
            >
              {showAll ? 'Show fewer' : `Show all ${rows.length}`}
            </button>
          )}
        </>
      );
  } else if (recent.isError) {
    body = (
      <div className="notice notice--error recent-leads__failed">
        <p>
          {`QuickLead could not load your recent leads: ${readFailureMessage(recent.error, recent.error.message)}`}
        </p>
        <button type="button" className="button button--small" onClick={() => void recent.refetch()}>
          Try again
        </button>
      </div>
    );
  } else if (recent.fetchStatus === 'paused') {
    // Offline: the read waits for the network (React Query resumes it then); no spinner for nothing.
    body = <p className="recent-leads__loading">Your recent leads show once you are back online.</p>;
  } else {
    body = (
      <p className="recent-leads__loading">
        <span className="spinner" aria-hidden="true" /> Loading your recent leads…
      </p>
    );
  }

  return (
    <section
      className="panel recent-leads"
      aria-labelledby="recent-leads-heading"
      aria-busy={recent.isPending}
    >
      <h2 id="recent-leads-heading" className="recent-leads__heading">
        Your recent leads
      </h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
