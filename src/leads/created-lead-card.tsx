import { useEffect, useRef } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import type { LeadFormValues } from './lead-form-schema.ts';

interface CreatedLeadCardProps {
  lead: Lead;
  /** What was picked, so names show without another request. */
  values: LeadFormValues;
  webUrl: string;
  locale: string | undefined;
  onCreateAnother: () => void;
}

export function CreatedLeadCard({ lead, values, webUrl, locale, onCreateAnother }: CreatedLeadCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Lead created – QuickLead');
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <section className="card" aria-labelledby="created-lead-heading">
      <p className="card__eyebrow" role="status">
        Lead created in Pipedrive
      </p>
      <h1 id="created-lead-heading" ref={headingRef} tabIndex={-1}>
        {lead.title}
      </h1>
      <dl className="card__facts">
        {values.person && (
          <div>
            <dt>Person</dt>
            <dd>{values.person.name}</dd>
          </div>
        )}
        {values.organization && (
          <div>
            <dt>Organization</dt>
            <dd>{values.organization.name}</dd>
          </div>
        )}
        <div>
          <dt>Added</dt>
          <dd>
            <time dateTime={lead.add_time}>{formatDateTime(lead.add_time, locale)}</time>
          </dd>
        </div>
        {lead.source_name && (
          <div>
            <dt>Source</dt>
            <dd>{lead.source_name}</dd>
          </div>
        )}
      </dl>
      <div className="card__actions">
        <a className="button button--primary" href={webUrl} target="_blank" rel="noopener noreferrer">
          Open in Pipedrive<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        <button type="button" className="button" onClick={onCreateAnother}>
          Create another
        </button>
      </div>
    </section>
  );
}

function formatDateTime(iso: string, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
