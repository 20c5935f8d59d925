import { useEffect, useRef } from 'react';
import { ApiError } from '@/pipedrive/api-error.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { LookupResult } from './duplicate-lookup.ts';
import { type DuplicateCandidate, whyItMatched } from './duplicate-matches.ts';
import './duplicate-offer.css';

/** Offered at most; more namesakes than this are counted, not listed. */
const SHOWN = 3;

interface DuplicateOfferProps {
  id: string;
  noun: string;
  lookup: LookupResult;
  onUse: (candidate: DuplicateCandidate) => void;
}

/** Why a look-up search failed, in words the rep can act on. */
export function lookupFailureText(error: Error): string {
  return readFailureMessage(
    error,
    error instanceof ApiError ? error.reason : 'Pipedrive could not be reached.',
  );
}

/**
 * Before an inline create: the contacts already in Pipedrive that it may duplicate, each with why
 * it matched and a button to use it instead, or, when the look could not be made, that QuickLead
 * could not check. The dialog's own button then creates anyway. Takes focus as it appears, so a
 * screen reader reads it before anything else.
 */
export function DuplicateOffer({ id, noun, lookup, onUse }: DuplicateOfferProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { candidates, failure } = lookup;
  const shown = candidates.slice(0, SHOWN);
  const hidden = candidates.length - shown.length;
  const what = candidates.length > 0 ? 'everything' : `whether this ${noun} is already in Pipedrive`;
  const cannotCheck = failure && (
    <p className={candidates.length > 0 ? 'notice__detail' : undefined}>
      {`QuickLead could not check ${what}: ${lookupFailureText(failure)} You can still create the ${noun}.`}
    </p>
  );
  if (candidates.length === 0) {
    return (
      <section
        ref={ref}
        tabIndex={-1}
        className="notice notice--warning duplicate-offer"
        aria-labelledby={`${id}-title`}
      >
        <h3 id={`${id}-title`} className="duplicate-offer__title">
          Not checked for duplicates
        </h3>
        {cannotCheck}
      </section>
    );
  }
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="notice notice--info duplicate-offer"
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="duplicate-offer__title">
        Already in Pipedrive?
      </h3>
      <p>
        {candidates.length === 1
          ? `This ${noun} may already be in Pipedrive.`
          : `These may be the same ${noun}.`}{' '}
        Use one instead of creating a duplicate:
      </p>
      <ul className="duplicate-offer__list">
        {shown.map((candidate) => (
          <li key={candidate.id} className="duplicate-offer__item">
            <button type="button" className="button button--small" onClick={() => onUse(candidate)}>
              Use {candidate.name}
              {candidate.detail ? ` (${candidate.detail})` : ''}
            </button>
            <span className="duplicate-offer__why">{whyItMatched(candidate.reasons)}</span>
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="notice__detail">{`… and ${hidden} more.`}</p>}
      {cannotCheck}
    </section>
  );
}
