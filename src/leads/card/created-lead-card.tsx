import { type ReactNode, useEffect, useRef } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { CopyLinkButton } from '@/ui/copy-link-button.tsx';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { ConversionNotice, ConvertButton, DealLinks } from '../convert/convert-to-deal.tsx';
import { useLeadConversion } from '../convert/use-lead-conversion.ts';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import { labelsOf, leadFacts } from './lead-facts.ts';

interface CreatedLeadCardProps {
  lead: Lead;
  /** The contacts the form holds, so their names show without another request. */
  picks: Pick<LeadFormInput, 'person' | 'organization' | 'custom'>;
  reference: ReferenceData;
  webUrl: string;
  /** Where a deal opens in Pipedrive, for the lead once converted. */
  dealUrlOf: (dealId: number) => string;
  locale: string | undefined;
  onCreateAnother: () => void;
  /** What was sent with the lead (its note and follow-up), shown after the lead's own facts. */
  children?: ReactNode;
}

export function CreatedLeadCard({
  lead,
  picks,
  reference,
  webUrl,
  dealUrlOf,
  locale,
  onCreateAnother,
  children,
}: CreatedLeadCardProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conversion = useLeadConversion(lead.id);
  const dealId = conversion.view.step === 'converted' ? conversion.view.dealId : undefined;
  useDocumentTitle(dealId === undefined ? 'Lead created – QuickLead' : 'Converted to a deal – QuickLead');
  useEffect(() => headingRef.current?.focus(), []);
  const labels = labelsOf(lead, reference.labels);

  return (
    <section className="card" aria-labelledby="created-lead-heading">
      <p className="card__eyebrow" role="status">
        {dealId === undefined ? 'Lead created in Pipedrive' : 'Converted to a deal in Pipedrive'}
      </p>
      <h1 id="created-lead-heading" ref={headingRef} tabIndex={-1}>
        {lead.title}
      </h1>
      {labels.length > 0 && (
        <ul className="chips chips--static" aria-label="Labels">
          {labels.map((label) => (
            <li key={label.id} className={`chip chip--${label.color}`}>
              {label.name}
            </li>
          ))}
        </ul>
      )}
      <dl className="card__facts">
        {leadFacts(lead, picks, reference, locale).map((fact) => (
          <div key={fact.key}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {children}
      <ConversionNotice conversion={conversion} />
      <div className="card__actions">
        {dealId === undefined ? (
          <>
            <a className="button button--primary" href={webUrl} target="_blank" rel="noopener noreferrer">
              Open in Pipedrive<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
            <CopyLinkButton url={webUrl} />
          </>
        ) : (
          <DealLinks dealUrl={dealId === null ? undefined : dealUrlOf(dealId)} />
        )}
        <ConvertButton conversion={conversion} />
        <button
          type="button"
          className="button"
          onClick={() => {
            conversion.stop();
            onCreateAnother();
          }}
        >
          Create another
        </button>
      </div>
    </section>
  );
}
