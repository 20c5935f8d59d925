import Papa from 'papaparse';
import { useEffect, useMemo, useState } from 'react';
import { columnLabel } from './batch-columns.ts';
import { createCost, lookupCost } from './batch-plan.ts';
import { problemText } from './batch-row.ts';
import { countRows } from './row-state.ts';
import type { BatchViewProps } from './use-batch.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * What comes after the table: looking the contacts up, then "Create N leads" with its documented
 * token cost, then the progress (done, failed, waiting on the rate limit) with Pause and Resume,
 * then the summary: links to the created leads and the rows not created, as a CSV to download.
 */
export function BatchRun({ state, account, webUrlOf }: BatchViewProps) {
  const { batch, plan, checks } = state;
  if (!batch || !plan) return null;
  const states = plan.rows.map((row) => batch.states[row.index] ?? { kind: 'waiting' as const });
  const counts = countRows(states);
  const lookup = lookupCost(plan, batch.contacts);
  const cost = createCost(plan, batch.contacts, (index) => batch.states[index]?.kind === 'created');
  const notSent = checks.flatMap((check, index) => {
    if (batch.leftOut.includes(index)) return [{ index, reason: 'Left out' }];
    if (!check.ok) {
      return [
        {
          index,
          reason: check.problems
            .map((problem) => problemText(problem, batch.columns, account.context.customFields))
            .join('; '),
        },
      ];
    }
    const rowState = batch.states[index];
    return rowState?.kind === 'failed' && batch.run === 'done' ? [{ index, reason: rowState.reason }] : [];
  });

  if (batch.run === 'editing') {
    return (
      <div className="batch-actions">
        {state.lookupProblem && (
          <div className="notice notice--error" role="alert">
            <p>{state.lookupProblem}</p>
          </div>
        )}
        {plan.rows.length === 0 ? (
          <p>No row is ready to send yet.</p>
        ) : lookup.searches > 0 ? (
          <>
            <p>
              First, QuickLead looks each person and organization up in Pipedrive, so a contact that exists is
              used rather than created again: {plural(lookup.searches, 'exact search', 'exact searches')} at
              most, {lookup.tokens} of your company’s daily API tokens as Pipedrive documents them.
            </p>
            <p role="status">
              {state.lookingUp
                ? `Looking up contacts: ${state.lookingUp.done} of ${state.lookingUp.of}…`
                : ''}
            </p>
            <button
              type="button"
              className="button button--primary"
              disabled={state.lookingUp !== undefined}
              onClick={() => void state.lookUp()}
            >
              Look up contacts
            </button>
          </>
        ) : (
          <>
            <p id="batch-cost">
              Creating uses {cost.tokens} of your company’s daily Pipedrive API tokens, as Pipedrive documents
              them: {plural(cost.leads, 'lead', 'leads')} × 10
              {cost.persons > 0 ? `, ${plural(cost.persons, 'new person', 'new people')} × 5` : ''}
              {cost.organizations > 0
                ? `, ${plural(cost.organizations, 'new organization', 'new organizations')} × 5`
                : ''}
              {cost.notes > 0 ? `, ${plural(cost.notes, 'note', 'notes')} × 10` : ''}.
            </p>
            <button
              type="button"
              className="button button--primary"
              aria-describedby="batch-cost"
              onClick={state.start}
            >
              Create {plural(cost.leads, 'lead', 'leads')}
            </button>
          </>
        )}
        <button type="button" className="button button--quiet" onClick={state.startAgain}>
          Paste other rows
        </button>
      </div>
    );
  }

  const total = plan.rows.length;
  const finished = counts.created + counts.failed;
  return (
    <div className="batch-actions">
      <h2 id="batch-progress-heading">
        {batch.run === 'done' ? 'Batch finished' : batch.run === 'paused' ? 'Paused' : 'Creating leads…'}
      </h2>
      <progress
        className="batch-progress"
        aria-labelledby="batch-progress-heading"
        max={total}
        value={finished}
      />
      <p role="status" aria-live="polite">
        {finished} of {total} done: {counts.created} created, {counts.failed} failed
        {state.waitingUntil ? <WaitingText until={state.waitingUntil} /> : ''}.
      </p>
      {batch.stoppedBecause && (
        <div className="notice notice--warning" role="alert">
          <p>{batch.stoppedBecause}</p>
        </div>
      )}
      {batch.run === 'running' && (
        <button type="button" className="button" onClick={state.pause}>
          Pause
        </button>
      )}
      {batch.run === 'paused' && (
        <button type="button" className="button button--primary" onClick={state.start}>
          Resume
        </button>
      )}
      {batch.run === 'done' && (
        <BatchSummary
          created={plan.rows.flatMap((row) => {
            const rowState = batch.states[row.index];
            return rowState?.kind === 'created'
              ? [{ index: row.index, title: row.lead.title, url: webUrlOf(rowState.leadId) }]
              : [];
          })}
          notSent={notSent}
          header={
            batch.header ?? batch.columns.map((kind) => columnLabel(kind, account.context.customFields))
          }
          rows={batch.rows}
          onRetry={counts.failed > 0 ? state.retryFailed : undefined}
          onStartAgain={state.startAgain}
        />
      )}
    </div>
  );
}

function WaitingText({ until }: { until: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return <>; waiting on Pipedrive’s rate limit, going on in {seconds} s</>;
}

interface SummaryProps {
  created: Array<{ index: number; title: string; url: string }>;
  notSent: Array<{ index: number; reason: string }>;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  onRetry: (() => void) | undefined;
  onStartAgain: () => void;
}

function BatchSummary({ created, notSent, header, rows, onRetry, onStartAgain }: SummaryProps) {
  const download = useDownloadUrl(header, rows, notSent);
  return (
    <div className="batch-summary">
      <p>
        {plural(created.length, 'lead was', 'leads were')} created in Pipedrive
        {notSent.length > 0 ? `; ${plural(notSent.length, 'row was', 'rows were')} not.` : '.'}
      </p>
      {notSent.length > 0 && (
        <>
          <h3>Not created</h3>
          <ul className="batch-summary__not-sent">
            {notSent.map((row) => (
              <li key={row.index}>
                Row {row.index + 1}: {row.reason}
              </li>
            ))}
          </ul>
          {download && (
            <a className="button" href={download} download="quicklead-rows-not-created.csv">
              Download the rows not created (CSV)
            </a>
          )}
        </>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try the failed rows again
        </button>
      )}
      {created.length > 0 && (
        <>
          <h3>Created</h3>
          <ul className="batch-summary__created">
            {created.map((lead) => (
              <li key={lead.index}>
                <a href={lead.url} target="_blank" rel="noreferrer">
                  {lead.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button--quiet" onClick={onStartAgain}>
        Start a new batch
      </button>
    </div>
  );
}

/**
 * The rows not created as a CSV, with why: a Blob URL, revoked when the rows change or the summary
 * goes. A cell that starts like a formula is prefixed with a quote, so a spreadsheet opening the
 * file shows it as text rather than running it.
 */
function useDownloadUrl(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  notSent: ReadonlyArray<{ index: number; reason: string }>,
): string | undefined {
  const csv = useMemo(() => {
    if (notSent.length === 0) return undefined;
    const asText = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    return Papa.unparse([
      [...header, 'Why not created'].map(asText),
      ...notSent.map(({ index, reason }) => [...(rows[index] ?? []), reason].map(asText)),
    ]);
  }, [header, rows, notSent]);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (csv === undefined) return;
    const made = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [csv]);
  return url;
}
