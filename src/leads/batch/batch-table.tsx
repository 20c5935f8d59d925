import { whyItMatched } from '@/contacts/duplicate-matches.ts';
import {
  BUILT_IN_COLUMNS,
  type ColumnKind,
  columnFields,
  columnLabel,
  customColumn,
  pickColumn,
} from './batch-columns.ts';
import { type ContactStatus, organizationKey, personKey } from './batch-contacts.ts';
import { type BatchAccount, problemText, type RowCheck } from './batch-row.ts';
import type { RowState } from './row-state.ts';
import type { BatchViewProps } from './use-batch.ts';

export const cellId = (row: number, column: number) => `batch-cell-${row}-${column}`;
export const rowStatusId = (row: number) => `batch-row-${row}-status`;

/**
 * The pasted rows as a table: a picker per column, each cell editable in place (its problem said
 * beside it, with `aria-invalid`), each row's contacts and state, and a summary of the rows that
 * need attention, linking to their cells. Wide tables scroll sideways in a labelled region that
 * takes the keyboard focus, so a phone (375 px) keeps the page itself from overflowing.
 */
export function BatchTable({ state, account, webUrlOf }: BatchViewProps) {
  const { batch, checks, update } = state;
  if (!batch) return null;
  const customFields = account.context.customFields;
  const editable = batch.run === 'editing';
  const attention = checks.flatMap((check, index) =>
    !check.ok && !batch.leftOut.includes(index) ? [{ index, check }] : [],
  );
  const options: ColumnKind[] = [
    'ignore',
    ...BUILT_IN_COLUMNS,
    ...columnFields(customFields).map(customColumn),
  ];
  const width = batch.columns.length;

  return (
    <>
      <p>
        {batch.rows.length} {batch.rows.length === 1 ? 'row' : 'rows'} read
        {batch.header ? ', with the first row as column names' : ''}.
        {batch.rowsLeftOut > 0 &&
          ` ${batch.rowsLeftOut} more ${batch.rowsLeftOut === 1 ? 'row was' : 'rows were'} left out: a batch takes at most ${batch.rows.length} rows.`}
      </p>
      {attention.length > 0 && (
        <section className="error-summary batch-attention" aria-labelledby="batch-attention-title">
          <h2 className="error-summary__title" id="batch-attention-title">
            {attention.length} {attention.length === 1 ? 'row needs' : 'rows need'} attention
          </h2>
          <p>Fix a cell in the table, or leave the row out: rows with a problem are not sent.</p>
          <ul className="error-summary__list">
            {attention.map(({ index, check }) => {
              const first = check.ok ? undefined : check.problems[0];
              const target = first?.column === undefined ? rowStatusId(index) : cellId(index, first.column);
              return (
                <li key={index}>
                  <a
                    href={`#${target}`}
                    onClick={(event) => {
                      const field = document.getElementById(target);
                      if (!field) return;
                      event.preventDefault();
                      field.focus();
                      field.scrollIntoView({ block: 'center', inline: 'center' });
                    }}
                  >
                    Row {index + 1}:{' '}
                    {check.ok
                      ? ''
                      : check.problems
                          .map((problem) => problemText(problem, batch.columns, customFields))
                          .join('; ')}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {/* Outside the scrolling region, so it stays whole while the table under it is scrolled sideways. */}
      <p className="batch-table-label" id="batch-table-caption">
        Pasted rows (scrolls sideways)
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to be scrolled from the keyboard */}
      <section className="batch-table-scroll" aria-labelledby="batch-table-caption" tabIndex={0}>
        <table className="batch-table" aria-labelledby="batch-table-caption">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Send</th>
              {batch.columns.map((kind, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions in the pasted text
                <th scope="col" key={column}>
                  <label className="visually-hidden" htmlFor={`batch-column-${column}`}>
                    Column {column + 1}
                    {batch.header?.[column] ? ` (“${batch.header[column]}”)` : ''} is
                  </label>
                  {batch.header?.[column] && (
                    <span className="batch-table__header">{batch.header[column]}</span>
                  )}
                  <select
                    id={`batch-column-${column}`}
                    className="input input--select"
                    value={kind}
                    disabled={!editable}
                    onChange={(event) =>
                      update((current) => ({
                        ...current,
                        columns: pickColumn(current.columns, column, event.target.value as ColumnKind),
                      }))
                    }
                  >
                    {options.map((option) => (
                      <option key={option} value={option}>
                        {columnLabel(option, customFields)}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
              <th scope="col">Contacts</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {batch.rows.map((cells, index) => (
              <BatchRow
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the pasted text
                key={index}
                index={index}
                cells={cells}
                width={width}
                check={checks[index]}
                columns={batch.columns}
                account={account}
                included={!batch.leftOut.includes(index)}
                editable={editable}
                rowState={batch.states[index]}
                contacts={batch.contacts}
                webUrlOf={webUrlOf}
                onCell={(column, value) =>
                  update((current) => ({
                    ...current,
                    rows: current.rows.map((row, rowIndex) =>
                      rowIndex === index
                        ? Array.from({ length: Math.max(row.length, column + 1) }, (_, at) =>
                            at === column ? value.slice(0, 10_000) : (row[at] ?? ''),
                          )
                        : row,
                    ),
                  }))
                }
                onInclude={(include) =>
                  update((current) => ({
                    ...current,
                    leftOut: include
                      ? current.leftOut.filter((left) => left !== index)
                      : [...current.leftOut, index],
                  }))
                }
              />
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

interface BatchRowProps {
  index: number;
  cells: readonly string[];
  width: number;
  check: RowCheck | undefined;
  columns: readonly ColumnKind[];
  account: BatchAccount;
  included: boolean;
  editable: boolean;
  rowState: RowState | undefined;
  contacts: Readonly<Record<string, ContactStatus>>;
  webUrlOf: (leadId: string) => string;
  onCell: (column: number, value: string) => void;
  onInclude: (include: boolean) => void;
}

function BatchRow({
  index,
  cells,
  width,
  check,
  columns,
  account,
  included,
  editable,
  rowState,
  contacts,
  webUrlOf,
  onCell,
  onInclude,
}: BatchRowProps) {
  const problems = check && !check.ok ? check.problems : [];
  const rowProblems = problems.filter((problem) => problem.column === undefined);
  const customFields = account.context.customFields;
  return (
    <tr className={included ? undefined : 'batch-table__left-out'}>
      <th scope="row">{index + 1}</th>
      <td>
        <input
          type="checkbox"
          checked={included}
          disabled={!editable}
          aria-label={`Send row ${index + 1}`}
          onChange={(event) => onInclude(event.target.checked)}
        />
      </td>
      {Array.from({ length: width }, (_, column) => {
        const problem = included ? problems.find((candidate) => candidate.column === column) : undefined;
        const id = cellId(index, column);
        const kind = columns[column] ?? 'ignore';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions in the row
          <td key={column} className={problem ? 'batch-table__cell--error' : undefined}>
            <input
              id={id}
              className="input batch-table__input"
              value={cells[column] ?? ''}
              readOnly={!editable}
              aria-label={`Row ${index + 1}, ${kind === 'ignore' ? `column ${column + 1}` : columnLabel(kind, customFields)}`}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-error` : undefined}
              onChange={(event) => onCell(column, event.target.value)}
            />
            {problem && (
              <span className="field-error" id={`${id}-error`}>
                {problem.message}
              </span>
            )}
          </td>
        );
      })}
      <td>{check?.ok ? <RowContacts check={check} contacts={contacts} /> : null}</td>
      <td id={rowStatusId(index)} tabIndex={-1}>
        <RowStatus
          included={included}
          rowProblems={rowProblems.map((problem) => problem.message)}
          hasProblems={problems.length > 0}
          rowState={rowState}
          webUrlOf={webUrlOf}
          title={check?.ok ? check.lead.title : undefined}
        />
      </td>
    </tr>
  );
}

function contactText(
  name: string,
  status: ContactStatus | undefined,
  kind: 'person' | 'organization',
): string {
  switch (status?.kind) {
    case undefined:
      return `${name}: not looked up yet`;
    case 'found':
      return `${status.name}: in Pipedrive (${whyItMatched(status.reasons)})`;
    case 'new':
      return `${name}: new ${kind}, to be created`;
    case 'created':
      return `${name}: created`;
    case 'failed':
      return `${name}: not created`;
  }
}

function RowContacts({
  check,
  contacts,
}: {
  check: Extract<RowCheck, { ok: true }>;
  contacts: Readonly<Record<string, ContactStatus>>;
}) {
  const { person, organization } = check.lead.contacts;
  return (
    <ul className="batch-table__contacts">
      {person && <li>{contactText(person.name, contacts[personKey(person)], 'person')}</li>}
      {organization && (
        <li>{contactText(organization.name, contacts[organizationKey(organization)], 'organization')}</li>
      )}
    </ul>
  );
}

function RowStatus({
  included,
  rowProblems,
  hasProblems,
  rowState,
  webUrlOf,
  title,
}: {
  included: boolean;
  rowProblems: string[];
  hasProblems: boolean;
  rowState: RowState | undefined;
  webUrlOf: (leadId: string) => string;
  title: string | undefined;
}) {
  if (rowState?.kind === 'created') {
    return (
      <a href={webUrlOf(rowState.leadId)} target="_blank" rel="noreferrer">
        Created: {title ?? 'open in Pipedrive'}
      </a>
    );
  }
  if (!included) return <>Left out</>;
  if (hasProblems) {
    return (
      <span className="field-error">
        {rowProblems.length > 0 ? rowProblems.join('; ') : 'Needs attention: not sent'}
      </span>
    );
  }
  if (rowState?.kind === 'failed') return <span className="field-error">Not created: {rowState.reason}</span>;
  if (rowState?.kind === 'sending') return <>Sending…</>;
  return <>Ready: {title}</>;
}
