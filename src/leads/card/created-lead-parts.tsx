import { useState } from 'react';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import { noteHtmlToText } from '@/pipedrive/note-html.ts';
import type { User } from '@/pipedrive/users.ts';
import { followUpDescription } from '../follow-up/follow-up-text.ts';
import { useLeadProgress } from '../send/lead-progress.ts';
import type { PartName } from '../send/lead-send-ledger.ts';
import type { PartProblem } from '../send/send-part-once.ts';
import { progressText } from '../send/submission-status.tsx';
import type { SentLeadOutcome } from '../send/use-lead-submission.ts';
import { useRetryPart } from '../send/use-retry-part.ts';
import { keepPartOutcome } from './kept-lead-card.ts';
import '../lead-parts.css';

interface CreatedLeadPartsProps {
  sent: SentLeadOutcome;
  activityTypes: readonly ActivityType[];
  /** The colleagues known this session (at least the rep), to name who the follow-up is for. */
  users: readonly User[];
  locale: string | undefined;
}

const NAMES: Record<PartName, { label: string; missing: string; retry: string }> = {
  note: { label: 'Note', missing: 'The note was not saved', retry: 'the note' },
  followUp: { label: 'Follow-up', missing: 'The follow-up was not saved', retry: 'the follow-up' },
};

/**
 * The note and the follow-up sent with the lead, on its card: each as saved (the note as text,
 * never as HTML), or what is missing and why, with Retry. A Retry sends only that part, once.
 */
export function CreatedLeadParts({ sent, activityTypes, users, locale }: CreatedLeadPartsProps) {
  const [parts, setParts] = useState({ note: sent.note, followUp: sent.followUp });
  const [retrying, setRetrying] = useState<PartName>();
  const [announced, setAnnounced] = useState('');
  const retryPart = useRetryPart();
  const progress = useLeadProgress(sent.create.draftId);
  const { note, followUp } = parts;
  if (!note && !followUp) return null;

  const retry = async (part: PartName, problem: PartProblem) => {
    if (retrying) return;
    setRetrying(part);
    setAnnounced('');
    const outcome = await retryPart(sent.create, part, problem);
    setParts((current) => ({ ...current, [part]: outcome }));
    keepPartOutcome(part, outcome);
    setRetrying(undefined);
    const saved = outcome !== undefined && 'saved' in outcome;
    setAnnounced(saved ? `${NAMES[part].label} saved.` : `${NAMES[part].missing} again.`);
  };
  const savedNote = note && 'saved' in note ? note.saved : undefined;
  const savedFollowUp = followUp && 'saved' in followUp ? followUp.saved : undefined;
  const missing = (['note', 'followUp'] as const).flatMap((part) => {
    const outcome = parts[part];
    return outcome && 'missing' in outcome ? [{ part, problem: outcome.missing }] : [];
  });

  return (
    <>
      {(savedNote || savedFollowUp) && (
        <dl className="card__facts card__parts">
          {savedNote && (
            <div>
              <dt>{NAMES.note.label}</dt>
              <dd className="card__note">{noteHtmlToText(savedNote.content).trim()}</dd>
            </div>
          )}
          {savedFollowUp && (
            <div>
              <dt>{NAMES.followUp.label}</dt>
              <dd>
                {followUpDescription(savedFollowUp, { types: activityTypes, users, now: new Date(), locale })}
              </dd>
            </div>
          )}
        </dl>
      )}
      {missing.map(({ part, problem }) => (
        <div key={part} className="notice notice--error missing-part">
          <p>
            {NAMES[part].missing}: {problem.why}
          </p>
          <button
            type="button"
            className="button button--small"
            aria-disabled={retrying !== undefined || undefined}
            onClick={() => void retry(part, problem)}
          >
            {retrying === part ? (
              <>
                <span className="spinner" aria-hidden="true" /> Retrying…
              </>
            ) : (
              <>
                Retry <span className="visually-hidden">{NAMES[part].retry}</span>
              </>
            )}
          </button>
        </div>
      ))}
      <p className="form-actions__status card__parts-status" role="status">
        {retrying && progress ? progressText(progress) : announced}
      </p>
    </>
  );
}
