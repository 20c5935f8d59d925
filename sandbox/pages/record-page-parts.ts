import type { Context } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';
import { noteTextLines } from '../validation/note-html.ts';
import { sendPage } from './html-page.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** Money as Pipedrive's web views write it; a currency code Intl does not know is written as is. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
  } catch {
    // Intl rejects codes it does not know; a lead or deal can still carry them.
    return `${amount} ${currency}`;
  }
}

/** The page a link to a lead or deal the sandbox does not have opens on. */
export function recordNotFound(c: Context, kind: 'Lead' | 'Deal'): Response {
  const lower = kind.toLowerCase();
  return sendPage(c, 404, {
    title: `${kind} not found · Pipedrive sandbox`,
    body: html`<div class="card"><h1>${kind} not found</h1>
<p>There is no ${lower} with this link. It may have been removed when the sandbox was reset.</p></div>`,
  });
}

/**
 * A lead's or a deal's notes (as text, never as HTML) and activities, as Pipedrive's views list
 * them. A deal made from a lead shows what moved with it.
 */
export function followUpRows(crm: CrmStore, on: { leadId: string } | { dealId: number }): SafeHtml[] {
  const belongs = (record: { leadId: string | null; dealId: number | null }) =>
    'leadId' in on ? record.leadId === on.leadId : record.dealId === on.dealId;
  const notes = crm.followUps.listNotes().filter(belongs);
  const activities = crm.followUps.listActivities().filter(belongs);
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
