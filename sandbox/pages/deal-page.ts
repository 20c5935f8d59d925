import type { Context } from 'hono';
import { findStage } from '../company/pipelines.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { sendPage } from './html-page.ts';
import { followUpRows, formatMoney, recordNotFound } from './record-page-parts.ts';
import { html } from './safe-html.ts';

/**
 * Stands in for https://{company}.pipedrive.com/deal/{id}, the Pipedrive web view the app's card
 * links to once a lead has become a deal. No API token: it is a page for the signed-in browser user.
 */
export function dealPage(c: Context, crm: CrmStore): Response {
  const raw = c.req.param('id') ?? '';
  const deal = /^\d{1,15}$/.test(raw) ? crm.findDeal(Number(raw)) : undefined;
  if (!deal) return recordNotFound(c, 'Deal');
  const person = deal.person_id === null ? undefined : crm.findPerson(deal.person_id);
  const org = deal.org_id === null ? undefined : crm.findOrganization(deal.org_id);
  const owner = crm.findUser(deal.owner_id);
  return sendPage(c, 200, {
    title: `${deal.title} · Deals · Pipedrive sandbox`,
    body: html`<div class="card">
<p class="muted">Deal · ${crm.company.name}</p>
<h1>${deal.title}</h1>
<dl>
<dt>Stage</dt><dd>${findStage(deal.stage_id)?.name ?? `Stage ${deal.stage_id}`}</dd>
<dt>Value</dt><dd>${formatMoney(deal.value, deal.currency)}</dd>
<dt>Person</dt><dd>${person?.name ?? 'None'}</dd>
<dt>Organization</dt><dd>${org?.name ?? 'None'}</dd>
<dt>Owner</dt><dd>${owner?.name ?? `User ${deal.owner_id}`}</dd>
<dt>Converted from</dt><dd>Lead ${deal.lead_id}</dd>
${followUpRows(crm, { dealId: deal.id })}</dl>
</div>`,
  });
}
