import { useEffect, useId, useMemo, useState } from 'react';
import { builtInOptions, customFieldsOf } from '@/pipedrive/deal-fields.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { assignableUsers, meAsUser } from '@/pipedrive/users.ts';
import { TextAreaField } from '@/ui/text-area-field.tsx';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import type { ColumnKind } from './batch-columns.ts';
import type { BatchAccount } from './batch-row.ts';
import { BatchRun } from './batch-run-panel.tsx';
import { BatchTable } from './batch-table.tsx';
import { MAX_BATCH_ROWS } from './read-rows.ts';
import { useBatch } from './use-batch.ts';
import './batch.css';

interface BatchScreenProps {
  reference: ReferenceData;
  webUrlOf: (leadId: string) => string;
}

/**
 * "Many at once": rows pasted from a spreadsheet, each checked as the single form would check it,
 * their contacts looked up, then created one by one with a progress bar, pause and resume, each
 * row exactly once across reloads, and a summary with links and the rows not created.
 */
export function BatchScreen({ reference, webUrlOf }: BatchScreenProps) {
  const account = useBatchAccount(reference);
  // The value's currency and the owner are read on demand, as on the form: only when a column needs
  // them. Until they are read no row is judged (a value would wrongly "need attention") or sent.
  const { currencies, users } = reference;
  const needs = (columns: readonly ColumnKind[]) => ({
    currencies: columns.some((kind) => kind === 'value' || kind === 'currency'),
    users: columns.includes('owner'),
  });
  const isReady = (columns: readonly ColumnKind[]) =>
    (!needs(columns).currencies || currencies.state === 'read') &&
    (!needs(columns).users || users.state === 'read');
  const state = useBatch(account, isReady);
  const { batch, ready } = state;
  const needsCurrencies = batch ? needs(batch.columns).currencies : false;
  const needsUsers = batch ? needs(batch.columns).users : false;
  useEffect(() => {
    if (needsCurrencies) currencies.request();
    if (needsUsers) users.request();
  }, [needsCurrencies, needsUsers, currencies, users]);
  const listFailed =
    (needsCurrencies && currencies.state === 'failed') || (needsUsers && users.state === 'failed');
  const needsAttention = ready
    ? state.checks.filter((check, index) => !check.ok && !batch?.leftOut.includes(index)).length
    : 0;
  useDocumentTitle(
    needsAttention > 0 ? 'Error: Many leads at once – QuickLead' : 'Many leads at once – QuickLead',
  );

  return (
    <section className="panel batch" aria-labelledby="batch-heading">
      <h1 id="batch-heading">Many leads at once</h1>
      {batch && !ready ? (
        listFailed ? (
          <div className="notice notice--error" role="alert">
            <p>QuickLead could not read your account’s currencies or colleagues from Pipedrive.</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                if (needsCurrencies) currencies.request();
                if (needsUsers) users.request();
              }}
            >
              Try again
            </button>
          </div>
        ) : (
          <p role="status">
            <span className="spinner" aria-hidden="true" /> Reading your account’s currencies and colleagues…
          </p>
        )
      ) : batch ? (
        <>
          <BatchTable state={state} account={account} webUrlOf={webUrlOf} />
          <BatchRun state={state} account={account} webUrlOf={webUrlOf} />
        </>
      ) : (
        <PasteRows onPaste={state.paste} />
      )}
    </section>
  );
}

function PasteRows({ onPaste }: { onPaste: (text: string) => string | undefined }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const hintId = useId();
  return (
    <form
      className="batch-paste"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setProblem(onPaste(text));
      }}
    >
      <p className="lede" id={hintId}>
        Copy rows from a spreadsheet (with its header row, if it has one) and paste them here. Each row
        becomes one lead. At most {MAX_BATCH_ROWS} rows.
      </p>
      <TextAreaField
        id="batch-paste"
        label="Rows from a spreadsheet"
        hint="Tab-separated (as spreadsheets copy) or CSV. Columns such as Title, Name, Email, Phone, Organization, Value and Note are recognised; you can pick the others."
        error={problem}
        rows={8}
        value={text}
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Read rows
        </button>
      </div>
    </form>
  );
}

/** The account as the single form sees it, for checking every row. */
function useBatchAccount(reference: ReferenceData): BatchAccount {
  const { me, users, currencies } = reference;
  return useMemo(
    () => ({
      meId: me.id,
      defaultCurrency: currencies.items
        ? (currencies.items.find((currency) => currency.code === me.default_currency)?.code ??
          currencies.items[0]?.code ??
          '')
        : (me.default_currency ?? ''),
      context: {
        currencies: currencies.items ?? [],
        currenciesState: currencies.state,
        owners: users.items ? assignableUsers(users.items) : [meAsUser(me)],
        labels: reference.labels,
        channelOptions: builtInOptions(reference.dealFields, 'channel'),
        visibilityOptions: builtInOptions(reference.dealFields, 'visible_to'),
        customFields: customFieldsOf(reference.dealFields),
        users: users.items ?? [],
      },
    }),
    [
      me,
      users.items,

      currencies.items,
      currencies.state,
      reference.labels,
      reference.dealFields,
    ],
  );
}
