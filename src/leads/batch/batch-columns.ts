import { sameName } from '@/contacts/duplicate-matches.ts';
import type { CustomField, EditableFieldType } from '@/pipedrive/deal-fields.ts';

/** What a pasted column can be: the single-lead form's fields that make sense in a row. */
export const BUILT_IN_COLUMNS = [
  'title',
  'personName',
  'email',
  'phone',
  'organization',
  'value',
  'currency',
  'owner',
  'labels',
  'expectedCloseDate',
  'note',
] as const;

export type BuiltInColumn = (typeof BUILT_IN_COLUMNS)[number];
/** A custom deal field, by its 40-hex key. */
export type CustomColumn = `custom:${string}`;
export type ColumnKind = 'ignore' | BuiltInColumn | CustomColumn;

export const COLUMN_LABELS: Record<BuiltInColumn, string> = {
  title: 'Title',
  personName: 'Person name',
  email: 'Email',
  phone: 'Phone',
  organization: 'Organization',
  value: 'Value',
  currency: 'Currency',
  owner: 'Owner',
  labels: 'Labels',
  expectedCloseDate: 'Expected close date',
  note: 'Note',
};

/**
 * Custom fields a cell can fill as text: the form's own parsing reads them (options by their
 * label). Money, ranges, users and contacts need more than one cell or a pick, so they are left
 * to the single form.
 */
const CELL_FIELD_TYPES: readonly EditableFieldType[] = [
  'varchar',
  'varchar_auto',
  'text',
  'phone',
  'address',
  'double',
  'int',
  'date',
  'time',
  'enum',
  'set',
];

export function columnFields(customFields: readonly CustomField[]): CustomField[] {
  return customFields.filter((field) => CELL_FIELD_TYPES.includes(field.field_type));
}

export const customColumn = (field: Pick<CustomField, 'key'>): CustomColumn => `custom:${field.key}`;

export function customKeyOf(kind: ColumnKind): string | undefined {
  return kind.startsWith('custom:') ? kind.slice('custom:'.length) : undefined;
}

/** The column's name as the rep sees it in the picker and in messages. */
export function columnLabel(kind: ColumnKind, customFields: readonly CustomField[]): string {
  if (kind === 'ignore') return 'Leave out';
  const key = customKeyOf(kind);
  if (key === undefined) return COLUMN_LABELS[kind as BuiltInColumn];
  return customFields.find((field) => field.key === key)?.name ?? 'Custom field';
}

/** Header texts spreadsheets and CRMs commonly use, compared without case, accents or punctuation. */
const HEADER_NAMES: Record<BuiltInColumn, readonly string[]> = {
  title: ['title', 'lead', 'lead title', 'lead name', 'deal', 'deal title', 'subject'],
  personName: ['name', 'person', 'person name', 'contact', 'contact name', 'contact person', 'full name'],
  email: ['email', 'e mail', 'email address', 'mail', 'work email'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'work phone'],
  organization: ['organization', 'organisation', 'organization name', 'company', 'company name', 'account'],
  value: ['value', 'amount', 'lead value', 'deal value'],
  currency: ['currency', 'value currency'],
  owner: ['owner', 'lead owner', 'sales rep', 'rep', 'assigned to', 'owner email'],
  labels: ['labels', 'label', 'tags'],
  expectedCloseDate: ['expected close date', 'expected close', 'close date', 'closing date'],
  note: ['note', 'notes', 'comment', 'comments'],
};

const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The column a header names, if it names one. */
export function columnOfHeader(header: string, customFields: readonly CustomField[]): ColumnKind | undefined {
  const text = plain(header);
  if (text === '') return undefined;
  const builtIn = BUILT_IN_COLUMNS.find((kind) => HEADER_NAMES[kind].includes(text));
  if (builtIn) return builtIn;
  const field = columnFields(customFields).find((candidate) => sameName(candidate.name, header));
  return field ? customColumn(field) : undefined;
}

const EMAIL_CELL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Whether the first row is a header: at least one of its cells names a column and none looks like
 * lead data (an email address). The rep can say otherwise.
 */
export function looksLikeHeader(firstRow: readonly string[], customFields: readonly CustomField[]): boolean {
  return (
    firstRow.some((cell) => columnOfHeader(cell, customFields) !== undefined) &&
    !firstRow.some((cell) => EMAIL_CELL.test(cell))
  );
}

/**
 * A first guess at each column: from the header when there is one (each kind once, the first
 * column naming it wins), else only what data alone tells apart (a column of email addresses).
 * Everything else is left out until the rep picks it.
 */
export function guessColumns(
  rows: readonly (readonly string[])[],
  hasHeader: boolean,
  customFields: readonly CustomField[],
): ColumnKind[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const taken = new Set<ColumnKind>();
  const take = (kind: ColumnKind | undefined): ColumnKind => {
    if (kind === undefined || taken.has(kind)) return 'ignore';
    taken.add(kind);
    return kind;
  };
  const header = rows[0] ?? [];
  const data = hasHeader ? rows.slice(1) : rows;
  return Array.from({ length: width }, (_, column) => {
    if (hasHeader) return take(columnOfHeader(header[column] ?? '', customFields));
    const cells = data.map((row) => row[column] ?? '').filter((cell) => cell !== '');
    return cells.length > 0 && cells.every((cell) => EMAIL_CELL.test(cell)) ? take('email') : 'ignore';
  });
}

/** A kind picked for one column is taken from any other column that had it: each field comes from one column. */
export function pickColumn(columns: readonly ColumnKind[], index: number, kind: ColumnKind): ColumnKind[] {
  return columns.map((current, column) => {
    if (column === index) return kind;
    return kind !== 'ignore' && current === kind ? 'ignore' : current;
  });
}
