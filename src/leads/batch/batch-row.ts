import {
  type CreateOrganizationValues,
  type CreatePersonValues,
  createOrganizationSchema,
  createPersonSchema,
} from '@/contacts/create-contact-schemas.ts';
import { sameEmail, sameName } from '@/contacts/duplicate-matches.ts';
import type { AddLeadRequest } from '@/pipedrive/add-lead.ts';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { noteTextToHtml } from '@/pipedrive/note-html.ts';
import type { CustomFieldFormValues } from '../custom-fields/custom-field-values.ts';
import { toCustomFieldPayload } from '../custom-fields/to-custom-field-payload.ts';
import { buildLeadFormSchema, emptyLeadForm, type LeadFormContext } from '../form/lead-form-schema.ts';
import { suggestedTitle } from '../form/suggested-title.ts';
import { toAddLeadRequest } from '../form/to-add-lead-request.ts';
import {
  type BuiltInColumn,
  type ColumnKind,
  columnFields,
  columnLabel,
  customKeyOf,
} from './batch-columns.ts';

/** What every row of one batch is checked against: the account, as the single form sees it. */
export interface BatchAccount {
  context: LeadFormContext;
  meId: number;
  /** The value's currency when a row names none: the rep's default, as on the form. */
  defaultCurrency: string;
}

/** One problem with a row: at the cell of `column`, or about the row as a whole. */
export interface RowProblem {
  column?: number;
  message: string;
}

/** The contacts a row names, as the inline create would take them. */
export interface RowContacts {
  person?: CreatePersonValues;
  organization?: CreateOrganizationValues;
}

/** A row that passed: its lead without contacts (they are matched or created first), and its note. */
export interface RowLead {
  /** The `POST /v1/leads` body; `person_id` and `organization_id` are added once the contacts are known. */
  body: AddLeadRequest;
  /** The title that will be sent, suggested from the contact when the row has none (as the form does). */
  title: string;
  /** The note as Pipedrive stores it (escaped HTML), when the row has one. */
  noteHtml?: string;
  contacts: RowContacts;
}

export type RowCheck = { ok: true; lead: RowLead } | { ok: false; problems: RowProblem[] };

/**
 * Stands in for a contact that is only matched or created later: the schema's rules (a person or
 * an organization, picked) are checked with it; its id is never sent.
 */
const NOT_YET_KNOWN_ID = 1;

const LIST_SEPARATOR = /[;,]/;

/** The cells of the row under each column kind; a kind no column has is ''. */
function cellsByKind(cells: readonly string[], columns: readonly ColumnKind[]) {
  const text = (kind: ColumnKind) => {
    const index = columns.indexOf(kind);
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };
  return {
    text,
    columnOf: (kind: ColumnKind) => (columns.includes(kind) ? columns.indexOf(kind) : undefined),
  };
}

/** Marks text the account has no match for, so the form's rule refuses it; the message is ours. */
const UNMATCHED = '\u0000unmatched:';

function ownerIdOf(text: string, account: BatchAccount): string {
  if (text === '') return String(account.meId);
  const owner = account.context.owners.find(
    (user) => sameEmail(user.email, text) || sameName(user.name, text) || String(user.id) === text,
  );
  return owner ? String(owner.id) : `${UNMATCHED}${text}`;
}

function labelIdsOf(text: string, account: BatchAccount): { ids: string[]; unknown: string[] } {
  const names = text
    .split(LIST_SEPARATOR)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const label = account.context.labels.find((candidate) => sameName(candidate.name, name));
    if (label) ids.push(label.id);
    else unknown.push(name);
  }
  return { ids: [...new Set(ids)], unknown };
}

/** A cell's text as the form's input for a custom field: options are picked by their label. */
function customInputOf(field: CustomField, text: string): CustomFieldFormValues[string] {
  const optionId = (name: string) =>
    field.options?.find((option) => sameName(option.label, name))?.id ?? `${UNMATCHED}${name}`;
  if (field.field_type === 'enum') return text === '' ? '' : String(optionId(text));
  if (field.field_type === 'set') {
    return text
      .split(LIST_SEPARATOR)
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => String(optionId(name)));
  }
  return text;
}

/**
 * One pasted row checked by the single form's own rules: the lead by `buildLeadFormSchema` (built
 * once per batch: pass the same `schema` for every row), the person and organization it names by
 * the inline create's schemas. Each problem is placed on the cell it comes from; a rule about no
 * one cell (a person or an organization, a mandatory field without a column) is about the row.
 */
export function checkRow(
  cells: readonly string[],
  columns: readonly ColumnKind[],
  account: BatchAccount,
  schema: ReturnType<typeof buildLeadFormSchema> = buildLeadFormSchema(account.context),
): RowCheck {
  const { text, columnOf } = cellsByKind(cells, columns);
  const problems: RowProblem[] = [];
  const problem = (kind: ColumnKind | undefined, message: string) => {
    const column = kind === undefined ? undefined : columnOf(kind);
    problems.push(column === undefined ? { message } : { column, message });
  };

  const contacts: RowContacts = {};
  const personCells = { name: text('personName'), email: text('email'), phone: text('phone') };
  if (personCells.name || personCells.email || personCells.phone) {
    const person = createPersonSchema.safeParse({ ...personCells, organization: null });
    if (person.success) contacts.person = person.data;
    for (const issue of person.success ? [] : person.error.issues) {
      const field = issue.path[0] as 'name' | 'email' | 'phone';
      const kind: BuiltInColumn = field === 'name' ? 'personName' : field;
      problem(columnOf(kind) === undefined ? undefined : kind, issue.message);
    }
  }
  if (text('organization')) {
    const organization = createOrganizationSchema.safeParse({
      name: text('organization'),
      address: '',
      website: '',
    });
    if (organization.success) contacts.organization = organization.data;
    else for (const issue of organization.error.issues) problem('organization', issue.message);
  }

  const customFields = account.context.customFields;
  const blank = emptyLeadForm({ ownerId: account.meId, currency: account.defaultCurrency, customFields });
  const custom = { ...blank.custom };
  for (const field of columnFields(customFields)) {
    const kind = columns.find((candidate) => customKeyOf(candidate) === field.key);
    if (kind) custom[field.key] = customInputOf(field, text(kind));
  }
  const labels = labelIdsOf(text('labels'), account);
  const personRef = contacts.person ? { id: NOT_YET_KNOWN_ID, name: contacts.person.name } : null;
  const organizationRef = contacts.organization
    ? { id: NOT_YET_KNOWN_ID, name: contacts.organization.name }
    : null;
  const title = text('title') || (suggestedTitle(personRef, organizationRef) ?? '');
  const parsed = schema.safeParse({
    ...blank,
    title,
    person: personRef,
    organization: organizationRef,
    owner: ownerIdOf(text('owner'), account),
    labels: [...labels.ids, ...labels.unknown.map((name) => `${UNMATCHED}${name}`)],
    value: { amount: text('value'), currency: text('currency').toUpperCase() || account.defaultCurrency },
    expectedCloseDate: text('expectedCloseDate'),
    note: text('note'),
    custom,
  });

  const hadContactProblem = problems.length > 0;
  const reported = new Set<string>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field, key] = issue.path as [string, string | undefined];
    const once = `${field}:${issue.message}`;
    if (reported.has(once) || reported.has(`${field}:`)) continue;
    reported.add(once);
    if (field === 'person' || field === 'organization') {
      // Said once for both; a contact the row named but could not be read already has its problem on the cell.
      if (!hadContactProblem) problem(undefined, 'Give a person or an organization for the lead');
      reported.add('person:').add('organization:');
      continue;
    }
    // A blank title is suggested from the contact: with no usable contact, the contact's problem says why.
    if (field === 'title' && text('title') === '') continue;
    if (field === 'owner') {
      problem('owner', `No colleague “${text('owner')}” can own leads: use a name or email from Pipedrive`);
    } else if (field === 'labels') {
      problem('labels', `No label named ${labels.unknown.map((name) => `“${name}”`).join(', ')}`);
    } else if (field === 'value') {
      const aboutCurrency = /currenc/i.test(issue.message) && text('currency') !== '';
      problem(
        aboutCurrency ? 'currency' : 'value',
        aboutCurrency ? `No currency “${text('currency')}” in your account` : issue.message,
      );
    } else if (field === 'custom' && key !== undefined) {
      const kind = columns.find((candidate) => customKeyOf(candidate) === key);
      const name = customFields.find((candidate) => candidate.key === key)?.name ?? 'A custom field';
      problem(kind, kind ? issue.message : `${issue.message}: add a column for ${name}`);
    } else {
      problem(field as BuiltInColumn, issue.message);
    }
  }
  if (!parsed.success || problems.length > 0) {
    // In the row's own order: the row's own problems, then cell by cell.
    return { ok: false, problems: problems.sort((a, b) => (a.column ?? -1) - (b.column ?? -1)) };
  }

  const values = parsed.data;
  const {
    person_id: _person,
    organization_id: _organization,
    ...body
  } = toAddLeadRequest(values, toCustomFieldPayload(customFields, values.custom));
  return {
    ok: true,
    lead: {
      body,
      title: body.title,
      contacts,
      ...(values.note === undefined ? {} : { noteHtml: noteTextToHtml(values.note) }),
    },
  };
}

/** "Row 3: Email: Enter an email address…" for a summary or a download. */
export function problemText(
  problem: RowProblem,
  columns: readonly ColumnKind[],
  customFields: readonly CustomField[],
): string {
  const kind = problem.column === undefined ? undefined : columns[problem.column];
  return kind === undefined || kind === 'ignore'
    ? problem.message
    : `${columnLabel(kind, customFields)}: ${problem.message}`;
}
