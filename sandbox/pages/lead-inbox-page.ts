import type { Context } from 'hono';
import type { CustomFieldValues, Lead } from '../company/crm-types.ts';
import type { CustomDealField } from '../company/deal-field-built-ins.ts';
import { activeCustomFields } from '../company/deal-fields.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { sendPage } from './html-page.ts';
import { followUpRows, formatMoney, recordNotFound } from './record-page-parts.ts';
import { html, type SafeHtml } from './safe-html.ts';

function formatValue(value: Lead['value']): string {
  return value ? formatMoney(value.amount, value.currency) : 'No value';
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

/**
 * Stands in for https://{company}.pipedrive.com/leads/inbox/{id}, the Pipedrive web view the
 * app's created-lead card links to. No API token: it is a page for the signed-in browser user.
 */
export function leadInboxPage(c: Context, crm: CrmStore): Response {
  const id = c.req.param('id') ?? '';
  const lead = isGuid(id) ? crm.findLead(id.toLowerCase()) : undefined;
  if (!lead) return recordNotFound(c, 'Lead');
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
${customRows(lead, crm)}${followUpRows(crm, { leadId: lead.id })}</dl>
</div>`,
  });
}
