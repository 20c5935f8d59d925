import type { Context } from 'hono';
import type { CustomFieldValues, Lead } from '../company/crm-types.ts';
import type { CustomDealField } from '../company/deal-field-built-ins.ts';
import { activeCustomFields } from '../company/deal-fields.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { noteTextLines } from '../validation/note-html.ts';
import { sendPage } from './html-page.ts';
import { html, type SafeHtml } from './safe-html.ts';

function formatValue(value: Lead['value']): string {
  if (!value) return 'No value';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: value.currency }).format(
      value.amount,
    );
  } catch {
    // Intl rejects codes it does not know; the lead can still carry them.
    return `${value.amount} ${value.currency}`;
  }
}

function optionLabel(field: CustomDealField, id: string): string {
  return field.options?.find((option) => String(option.id) === id)?.label ?? id;
}

/** A custom value as Pipedrive's lead view shows it: names instead of ids, ranges as "from – to". */
function formatCustom(field: CustomDealField, values: CustomFieldValues, crm: CrmStore): string {
  const value = values[field.key];
  const id = Number(value);
  switch (field.fieldType) {
    case 'monetary':
      return formatValue({ amount: id, currency: String(values[`${field.key}_currency`]) });
    case 'daterange':
    case 'timerange':
      return `${value} – ${values[`${field.key}_until`]}`;
    case 'enum':
      return optionLabel(field, String(value));
    case 'set':
      return String(value)
        .split(',')
        .map((option) => optionLabel(field, option))
        .join(', ');
    case 'user':
      return crm.findUser(id)?.name ?? `User ${id}`;
    case 'org':
      return crm.findOrganization(id)?.name ?? `Organization ${id}`;
    case 'people':
      return crm.findPerson(id)?.name ?? `Person ${id}`;
    default:
      return String(value);
  }
}

/** Set custom fields only, in field order, each under its name; every text is escaped by `html`. */
function customRows(lead: Lead, crm: CrmStore): SafeHtml[] {
  const values = crm.leadCustomFields(lead.id);
  return activeCustomFields()
    .filter((field) => values[field.key] !== undefined)
    .map(
      (field) => html`<dt>${field.name}</dt><dd>${formatCustom(field, values, crm)}</dd>
`,
    );
}

function formatTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The lead's notes (as text, never as HTML) and activities, as Pipedrive's lead view lists them. */
function followUpRows(lead: Lead, crm: CrmStore): SafeHtml[] {
  const notes = crm.followUps.listNotes().filter((note) => note.leadId === lead.id);
  const activities = crm.followUps.listActivities().filter((activity) => activity.leadId === lead.id);
  return [
    ...notes.map((note) => {
      const lines = noteTextLines(note.content).map(
        (line, index) => html`${index > 0 ? html`<br>` : ''}${line}`,
      );
      return html`<dt>Note</dt><dd>${lines}</dd>
`;
    }),
    ...activities.map((activity) => {
      const type =
        crm.activityTypes.find((candidate) => candidate.keyString === activity.type)?.name ?? activity.type;
      const due = [activity.dueDate, activity.dueTime ? `${activity.dueTime.slice(0, 5)} UTC` : null]
        .filter(Boolean)
        .join(' ');
      const owner = crm.findUser(activity.ownerId)?.name ?? `User ${activity.ownerId}`;
      return html`<dt>${type}</dt><dd>${activity.subject} · ${due || 'No date'} · ${owner}</dd>
`;
    }),
  ];
}

/**
 * Stands in for https://{company}.pipedrive.com/leads/inbox/{id}, the Pipedrive web view the
 * app's created-lead card links to. No API token: it is a page for the signed-in browser user.
 */
export function leadInboxPage(c: Context, crm: CrmStore): Response {
  const id = c.req.param('id') ?? '';
  const lead = isGuid(id) ? crm.findLead(id.toLowerCase()) : undefined;
  if (!lead) {
    return sendPage(c, 404, {
      title: 'Lead not found · Pipedrive sandbox',
      body: html`<div class="card"><h1>Lead not found</h1>
<p>There is no lead with this link. It may have been removed when the sandbox was reset.</p></div>`,
    });
  }
  const person = lead.person_id === null ? undefined : crm.findPerson(lead.person_id);
  const org = lead.organization_id === null ? undefined : crm.findOrganization(lead.organization_id);
  const owner = crm.findUser(lead.owner_id);
  return sendPage(c, 200, {
    title: `${lead.title} · Leads Inbox · Pipedrive sandbox`,
    body: html`<div class="card">
<p class="muted">Leads Inbox · ${crm.company.name}</p>
<h1>${lead.title}</h1>
<dl>
<dt>Person</dt><dd>${person?.name ?? 'None'}</dd>
<dt>Organization</dt><dd>${org?.name ?? 'None'}</dd>
<dt>Value</dt><dd>${formatValue(lead.value)}</dd>
<dt>Owner</dt><dd>${owner?.name ?? `User ${lead.owner_id}`}</dd>
<dt>Expected close</dt><dd>${lead.expected_close_date ?? 'Not set'}</dd>
<dt>Source</dt><dd>${lead.source_name}</dd>
<dt>Added</dt><dd><time datetime="${lead.add_time}">${formatTime(lead.add_time)}</time></dd>
${customRows(lead, crm)}${followUpRows(lead, crm)}</dl>
</div>`,
  });
}
