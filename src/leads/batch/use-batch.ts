import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { budgetSpentMessage } from '@/pipedrive/rate-limit.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { buildLeadFormSchema } from '../form/lead-form-schema.ts';
import { storageLedger } from '../send/lead-send-ledger.ts';
import { pageLifecycle } from '../send/page-leaving.ts';
import { withTabLock } from '../send/tab-lock.ts';
import { type ColumnKind, guessColumns, looksLikeHeader } from './batch-columns.ts';
import { type ContactStatus, lookUpBatchOrganization, lookUpBatchPerson } from './batch-contacts.ts';
import { buildPlan, contactsToLookUp } from './batch-plan.ts';
import { type BatchAccount, checkRow } from './batch-row.ts';
import { runBatch } from './batch-run.ts';
import { storageContactLedger } from './contact-ledger.ts';
import { forgetKeptBatch, type KeptBatch, keepBatch, loadKeptBatch } from './kept-batch.ts';
import { MAX_BATCH_ROWS, readPastedRows } from './read-rows.ts';
import { rowAfter } from './row-state.ts';

export type PasteProblem = string | undefined;

/**
 * The batch screen's state: the kept batch (kept-batch.ts, saved on every change), each row
 * checked against the account, the contacts' look-up and the run with its pause and resume.
 */
export function useBatch(
  account: BatchAccount,
  /** Whether the lists these columns need (currencies, colleagues) are read: until then no row is judged. */
  isReady: (columns: readonly ColumnKind[]) => boolean,
) {
  const client = useQueryClient();
  const transport = useTransport();
  const [batch, setBatch] = useState<KeptBatch | undefined>(loadKeptBatch);
  const ready = batch ? isReady(batch.columns) : true;
  const [lookingUp, setLookingUp] = useState<{ done: number; of: number } | undefined>();
  const [lookupProblem, setLookupProblem] = useState<string>();
  const [waitingUntil, setWaitingUntil] = useState<number>();
  const stopRef = useRef(false);
  const runningRef = useRef(false);

  useEffect(() => {
    if (batch) keepBatch(batch);
  }, [batch]);

  const schema = useMemo(() => buildLeadFormSchema(account.context), [account.context]);
  // Checked again only when the rows or columns change, not as each row's state does during a run.
  const rows = batch?.rows;
  const columns = batch?.columns;
  const checks = useMemo(
    () => (rows && columns ? rows.map((cells) => checkRow(cells, columns, account, schema)) : []),
    [rows, columns, account, schema],
  );
  const batchId = batch?.id;
  const leftOut = batch?.leftOut;
  const plan = useMemo(
    () => (batchId && leftOut ? buildPlan(batchId, checks, leftOut) : undefined),
    [batchId, checks, leftOut],
  );

  const paste = useCallback(
    (text: string): PasteProblem => {
      const read = readPastedRows(text);
      if (!read.ok) {
        return read.reason === 'empty'
          ? 'Paste the rows of your spreadsheet first'
          : `The pasted text is ${Math.ceil(read.bytes / 1024)} kB; a batch takes at most 256 kB. Paste fewer rows.`;
      }
      const customFields = account.context.customFields;
      const hasHeader = looksLikeHeader(read.rows[0] ?? [], customFields);
      const data = hasHeader ? read.rows.slice(1) : read.rows;
      const rows = data.slice(0, MAX_BATCH_ROWS);
      setBatch({
        id: crypto.randomUUID(),
        savedAt: Date.now(),
        rows,
        header: hasHeader ? read.rows[0] : undefined,
        columns: guessColumns(hasHeader ? read.rows : rows, hasHeader, customFields),
        leftOut: [],
        rowsLeftOut: read.rowsLeftOut + (data.length - rows.length),
        states: {},
        contacts: {},
        run: 'editing',
      });
      return undefined;
    },
    [account.context.customFields],
  );

  const update = useCallback((change: (batch: KeptBatch) => KeptBatch) => {
    setBatch((current) => (current ? change(current) : current));
  }, []);

  const lookUp = useCallback(async () => {
    if (!plan || !batch) return;
    const { persons, organizations } = contactsToLookUp(plan, batch.contacts);
    const of = persons.length + organizations.length;
    let done = 0;
    setLookupProblem(undefined);
    setLookingUp({ done, of });
    const found: Record<string, ContactStatus> = {};
    try {
      for (const [key, organization] of organizations) {
        const match = await lookUpBatchOrganization(client, transport, organization);
        found[key] = match
          ? { kind: 'found', id: match.id, name: match.name, reasons: match.reasons }
          : { kind: 'new' };
        setLookingUp({ done: ++done, of });
      }
      for (const [key, person] of persons) {
        const match = await lookUpBatchPerson(client, transport, person);
        found[key] = match
          ? { kind: 'found', id: match.id, name: match.name, reasons: match.reasons }
          : { kind: 'new' };
        setLookingUp({ done: ++done, of });
      }
    } catch {
      setLookupProblem(
        'QuickLead could not look every contact up in Pipedrive. Those found are kept; select Look up contacts to go on.',
      );
    } finally {
      update((current) => ({ ...current, contacts: { ...current.contacts, ...found } }));
      setLookingUp(undefined);
    }
  }, [plan, batch, client, transport, update]);

  // A run goes while the kept batch says "running": started by Create, Resume or Try again, and by
  // the page itself after a reload in the middle. The runner reads the rows' states it starts from.
  const [finishedRuns, setFinishedRuns] = useState(0);
  const runNow = useCallback(
    async (from: KeptBatch) => {
      const current = buildPlan(from.id, checks, from.leftOut);
      runningRef.current = true;
      stopRef.current = false;
      try {
        // One tab at a time runs a batch; a duplicated tab waits, then finds every row already sent.
        const outcome = await withTabLock(`quicklead.batch.${from.id}`, () =>
          runBatch(
            current,
            { rows: from.states, contacts: from.contacts },
            {
              client,
              transport,
              ledger: storageLedger(),
              contacts: storageContactLedger(),
              page: pageLifecycle,
              shouldStop: () => stopRef.current || pageLifecycle.isLeaving(),
              onRow: (index, event) =>
                update((batch) => ({
                  ...batch,
                  states: {
                    ...batch.states,
                    [index]: rowAfter(batch.states[index] ?? { kind: 'waiting' }, event),
                  },
                })),
              onContact: (key, status) =>
                update((batch) => ({ ...batch, contacts: { ...batch.contacts, [key]: status } })),
              onWaiting: setWaitingUntil,
            },
          ),
        );
        // A page being left keeps "running" in storage, so the next page goes on.
        if (pageLifecycle.isLeaving()) return;
        update((batch) => ({
          ...batch,
          // Stopped by Pause, then resumed before it stopped: it goes on (the effect starts it again).
          run:
            outcome.kind === 'done'
              ? 'done'
              : outcome.kind === 'stopped' && !stopRef.current
                ? batch.run
                : 'paused',
          stoppedBecause: outcome.kind === 'budget-spent' ? budgetSpentMessage(outcome.until) : undefined,
        }));
      } catch {
        update((batch) => ({
          ...batch,
          run: 'paused',
          stoppedBecause: 'Something went wrong while creating the leads. Select Resume to go on.',
        }));
      } finally {
        runningRef.current = false;
        setWaitingUntil(undefined);
        setFinishedRuns((count) => count + 1);
      }
    },
    [checks, client, transport, update],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a run that just ended looks again, in case Resume came while it stopped
  useEffect(() => {
    // After a reload the rows are checked again once the account's lists are back, then it goes on.
    if (batch?.run !== 'running' || runningRef.current || !ready) return;
    void runNow(batch);
  }, [batch, runNow, finishedRuns, ready]);

  const start = useCallback(() => {
    stopRef.current = false;
    update((batch) => ({ ...batch, run: 'running', stoppedBecause: undefined }));
  }, [update]);

  const pause = useCallback(() => {
    stopRef.current = true;
    update((batch) => ({ ...batch, run: 'paused' }));
  }, [update]);

  const retryFailed = useCallback(() => {
    stopRef.current = false;
    update((batch) => ({
      ...batch,
      run: 'running',
      states: Object.fromEntries(
        Object.entries(batch.states).map(([index, state]) => [index, rowAfter(state, { type: 'retry' })]),
      ),
    }));
  }, [update]);

  const startAgain = useCallback(() => {
    stopRef.current = true;
    forgetKeptBatch();
    setBatch(undefined);
  }, []);

  return {
    batch,
    ready,
    checks,
    plan,
    paste,
    update,
    lookUp,
    lookingUp,
    lookupProblem,
    start,
    pause,
    waitingUntil,
    retryFailed,
    startAgain,
  };
}

/** What the batch screen's parts (the table, the run panel) are drawn from. */
export interface BatchViewProps {
  state: ReturnType<typeof useBatch>;
  account: BatchAccount;
  webUrlOf: (leadId: string) => string;
}
