import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isShown } from '@/testing/is-shown.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { APP_SCOPES } from '@/testing/sandbox-transport.ts';
import { dueText, quickPickDays } from './follow-up-time.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

type Rendered = Awaited<ReturnType<typeof renderLeadScreen>>;

const count = (requests: Rendered['requests'], method: string, path: string) =>
  requests.filter((request) => request.method === method && request.path === path).length;

const typeSelect = () => screen.getByRole('combobox', { name: 'Activity type' });
const subject = () => screen.getByRole('textbox', { name: /^Subject/ });
const dueDay = () => screen.getByLabelText('Day') as HTMLInputElement;
const dueTime = () => screen.getByLabelText(/^Time/) as HTMLInputElement;

async function openFollowUp(user: Rendered['user']) {
  await user.click(screen.getByText('Schedule a follow-up'));
  await waitFor(() => expect((typeSelect() as HTMLSelectElement).options.length).toBeGreaterThan(1));
}

/** A lead ready to create: title, person and the account's mandatory field. */
async function fillLead(user: Rendered['user'], title: string) {
  await pickPerson(user, 'Lovelace', 'Ada Lovelace');
  await user.clear(screen.getByRole('textbox', { name: 'Title' }));
  await user.type(screen.getByRole('textbox', { name: 'Title' }), title);
}

describe('the follow-up section', () => {
  it('reads the activity types when it opens, not before, once', async () => {
    const { requests, user } = await renderLeadScreen();
    await fillLead(user, 'No follow-up');
    expect(count(requests, 'GET', '/api/v1/activityTypes')).toBe(0);
    await openFollowUp(user);
    await user.click(screen.getByText('Schedule a follow-up'));
    await user.click(screen.getByText('Schedule a follow-up'));
    expect(count(requests, 'GET', '/api/v1/activityTypes')).toBe(1);
    expect([...(typeSelect() as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'Call',
      'Meeting',
      'Task',
      'Deadline',
      'Email',
      'Lunch',
    ]);
    expect(typeSelect()).toHaveProperty('value', 'call');
  });

  it('suggests the subject from the title and follows it until the rep writes their own', async () => {
    const { user } = await renderLeadScreen();
    await openFollowUp(user);
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.type(title, 'Chairs');
    expect(subject()).toHaveProperty('value', 'Follow up: Chairs');
    await user.type(title, ' for Globex');
    expect(subject()).toHaveProperty('value', 'Follow up: Chairs for Globex');
    await user.clear(subject());
    await user.type(subject(), 'Ask about the budget');
    await user.type(title, ' and Initech');
    expect(subject()).toHaveProperty('value', 'Ask about the budget');
  });

  it('assigns the lead’s owner, following the owner field until someone is chosen', async () => {
    const { user } = await renderLeadScreen();
    await openFollowUp(user);
    expect(isShown(screen.getByText('The lead’s owner, Maria Lopez (you)'))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Change owner' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Owner' }), 'James Carter');
    const assignee = screen.getByRole('combobox', { name: 'Assigned to' }) as HTMLSelectElement;
    expect(assignee.selectedOptions[0]?.text).toBe('The lead’s owner, James Carter');
    await user.selectOptions(assignee, 'Aiko Tanaka');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Maria Lopez (you)');
    expect(assignee.selectedOptions[0]?.text).toBe('Aiko Tanaka');
  });

  it('Assign to someone else reads the colleagues once and puts the cursor in Assigned to, once', async () => {
    const { user, requests } = await renderLeadScreen();
    await openFollowUp(user);
    await user.click(screen.getByRole('button', { name: 'Assign to someone else' }));
    const assignee = await screen.findByRole('combobox', { name: 'Assigned to' });
    await waitFor(() => expect(document.activeElement).toBe(assignee));
    // The rep moves on to the owner; changing it re-renders this field, which leaves the cursor be.
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    await user.selectOptions(owner, 'James Carter');
    expect((assignee as HTMLSelectElement).selectedOptions[0]?.text).toBe('The lead’s owner, James Carter');
    expect(document.activeElement).toBe(owner);
    expect(count(requests, 'GET', '/api/v1/users')).toBe(1);
  });

  it('quick picks fill the day and time, from their buttons and from Control+Shift+1, 2 and 3', async () => {
    const { user } = await renderLeadScreen();
    await openFollowUp(user);
    const days = quickPickDays(new Date());
    const tomorrow = screen.getByRole('button', { name: 'Tomorrow 9:00' });
    expect(tomorrow.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+1');
    await user.click(tomorrow);
    expect([dueDay().value, dueTime().value]).toEqual([days.tomorrow, '09:00']);

    await user.clear(dueTime());
    await user.type(dueTime(), '14:30');
    subject().focus();
    await user.keyboard('{Control>}{Shift>}3{/Shift}{/Control}');
    expect([dueDay().value, dueTime().value]).toEqual([days.nextMonday, '14:30']);
    expect(subject()).toHaveProperty('value', '');
    await user.keyboard('{Control>}{Shift>}2{/Shift}{/Control}');
    expect(dueDay().value).toBe(days.inThreeDays);
    expect(isShown(screen.getByText(`Due ${dueText(days.inThreeDays, '14:30', new Date(), 'en-US')}`))).toBe(
      true,
    );
  });

  it('scheduling without a day puts the error on the day, in the summary too, and keeps the section open', async () => {
    const { user, posts } = await renderLeadScreen();
    await fillLead(user, 'Needs a day');
    await openFollowUp(user);
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Enter the day of the follow-up, or pick one' });
    expect(link.getAttribute('href')).toBe('#follow-up-due-date');
    expect(dueDay().getAttribute('aria-invalid')).toBe('true');
    // Closing the section is not allowed to hide the error.
    await user.click(screen.getByText('Schedule a follow-up'));
    expect(isShown(dueDay())).toBe(true);
    expect(posts()).toHaveLength(0);
  });

  it('closed again before a day is chosen, nothing is scheduled', async () => {
    const { user, requests } = await renderLeadScreen();
    await fillLead(user, 'Looked, then closed');
    await openFollowUp(user);
    await user.click(screen.getByText('Schedule a follow-up'));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('region', { name: 'Looked, then closed' });
    expect(count(requests, 'POST', '/api/v2/activities')).toBe(0);
  });
});

describe('a lead with a note and a follow-up', () => {
  it('creates the lead, then one note and one follow-up; the card shows the note as text and the follow-up', async () => {
    const { user, requests, sandbox } = await renderLeadScreen();
    await fillLead(user, 'Chairs for Globex');
    await user.type(
      screen.getByRole('textbox', { name: /^Note/ }),
      'Wants <b>40</b> chairs & "soon"{Enter}Call back',
    );
    await openFollowUp(user);
    await user.click(screen.getByRole('button', { name: 'Tomorrow 9:00' }));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const card = await screen.findByRole('region', { name: 'Chairs for Globex' }, { timeout: 5000 });
    const lead = sandbox.store.crm
      .listLeads()
      .find((entry) => entry.lead.title === 'Chairs for Globex')?.lead;
    const notes = sandbox.store.crm.followUps.listNotes().filter((note) => note.leadId === lead?.id);
    const activities = sandbox.store.crm.followUps
      .listActivities()
      .filter((activity) => activity.leadId === lead?.id);
    expect(notes.map((note) => note.content)).toEqual([
      'Wants &lt;b&gt;40&lt;/b&gt; chairs &amp; &quot;soon&quot;<br>Call back',
    ]);
    expect(activities).toEqual([
      expect.objectContaining({ type: 'call', subject: 'Follow up: Chairs for Globex', ownerId: 21000001 }),
    ]);
    const moment = new Date(`${quickPickDays(new Date()).tomorrow}T09:00`).toISOString();
    expect([activities[0]?.dueDate, activities[0]?.dueTime]).toEqual([
      moment.slice(0, 10),
      `${moment.slice(11, 16)}:00`,
    ]);
    expect(count(requests, 'POST', '/api/v1/notes')).toBe(1);
    expect(count(requests, 'POST', '/api/v2/activities')).toBe(1);

    const note = within(card).getByText(/^Wants/);
    expect(note.textContent).toBe('Wants <b>40</b> chairs & "soon"\nCall back');
    expect(card.querySelector('b')).toBeNull();
    expect(isShown(within(card).getByText('Call – tomorrow 09:00 AM, Maria Lopez'))).toBe(true);
  });

  it('the note fails once: the card says so with Retry, and Retry saves one note', async () => {
    let failures = 1;
    const { user, sandbox } = await renderLeadScreen({
      partsFaultFor: (request) =>
        request.method === 'POST' && request.path === '/api/v1/notes' && failures-- > 0
          ? { status: 400 }
          : undefined,
    });
    await fillLead(user, 'Note fails once');
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Remember the stairs');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const card = await screen.findByRole('region', { name: 'Note fails once' }, { timeout: 5000 });
    expect(
      isShown(
        within(card).getByText(
          'The note was not saved: Pipedrive did not let QuickLead add the note: Bad request',
        ),
      ),
    ).toBe(true);
    await user.click(within(card).getByRole('button', { name: 'Retry the note' }));
    await within(card).findByText('Remember the stairs');
    expect(within(card).queryByText(/The note was not saved/)).toBeNull();
    expect(isShown(within(card).getByText('Note saved.'))).toBe(true);
    expect(
      sandbox.store.crm.followUps.listNotes().filter((note) => note.content === 'Remember the stairs'),
    ).toHaveLength(1);
  });

  it('after a reload the card still says which part is missing, and a Retry there is kept too', async () => {
    let failures = 1;
    const first = await renderLeadScreen({
      partsFaultFor: (request) =>
        request.method === 'POST' && request.path === '/api/v1/notes' && failures-- > 0
          ? { status: 400 }
          : undefined,
    });
    await fillLead(first.user, 'Missing across a reload');
    await first.user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Bring the brochure');
    await openFollowUp(first.user);
    await first.user.click(screen.getByRole('button', { name: 'Tomorrow 9:00' }));
    await first.user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByText(/The note was not saved/, {}, { timeout: 5000 });
    cleanup();

    const again = await renderLeadScreen({ opensOn: 'card', sandboxTransport: first.sandboxTransport });
    const card = screen.getByRole('region', { name: 'Missing across a reload' });
    expect(
      within(card).getByText(/^The note was not saved: Pipedrive did not let QuickLead add the note/),
    ).toBeTruthy();
    expect((await within(card).findByText('Call – tomorrow 09:00 AM, Maria Lopez')).tagName).toBe('DD');
    await again.user.click(within(card).getByRole('button', { name: 'Retry the note' }));
    await within(card).findByText('Bring the brochure');
    cleanup();

    await renderLeadScreen({ opensOn: 'card', sandboxTransport: first.sandboxTransport });
    const reloaded = screen.getByRole('region', { name: 'Missing across a reload' });
    expect(within(reloaded).getByText('Bring the brochure').tagName).toBe('DD');
    expect(within(reloaded).queryByText(/The note was not saved/)).toBeNull();
    const notes = first.sandbox.store.crm.followUps.listNotes();
    expect(notes.filter((note) => note.content === 'Bring the brochure')).toHaveLength(1);
    expect(first.sandbox.store.crm.followUps.listActivities()).toHaveLength(1);
  });

  it('without activities:full the lead and its note are created; the follow-up names the missing permission', async () => {
    const { user, sandbox } = await renderLeadScreen({
      scopes: APP_SCOPES.filter((scope) => scope !== 'activities:full'),
    });
    await fillLead(user, 'Old install');
    await user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Still saved');
    await user.click(screen.getByText('Schedule a follow-up'));
    expect(
      isShown(
        await screen.findByText(
          /QuickLead’s access to Pipedrive is missing Schedule activities \(activities:full\)/,
        ),
      ),
    ).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Schedule this follow-up' }));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const card = await screen.findByRole('region', { name: 'Old install' }, { timeout: 5000 });
    expect(isShown(within(card).getByText('Still saved'))).toBe(true);
    expect(sandbox.store.crm.followUps.listActivities()).toHaveLength(0);
  });

  it('the draft keeps the note and the follow-up across a reload', async () => {
    const first = await renderLeadScreen();
    await fillLead(first.user, 'Kept in the draft');
    await first.user.type(screen.getByRole('textbox', { name: /^Note/ }), 'Line one{Enter}line two');
    await openFollowUp(first.user);
    await first.user.click(screen.getByRole('button', { name: 'Tomorrow 9:00' }));
    // The draft is saved as it is typed (a moment after), and at once when the page goes.
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(new Event('pageshow'));
    cleanup();

    await renderLeadScreen();
    expect(screen.getByRole('textbox', { name: /^Note/ })).toHaveProperty('value', 'Line one\nline two');
    await waitFor(() => expect((typeSelect() as HTMLSelectElement).options.length).toBeGreaterThan(1));
    expect(isShown(subject())).toBe(true);
    expect(subject()).toHaveProperty('value', 'Follow up: Kept in the draft');
    expect(dueDay().value).toBe(quickPickDays(new Date()).tomorrow);
    expect(screen.getByRole('checkbox', { name: 'Schedule this follow-up' })).toHaveProperty('checked', true);
  });
});
