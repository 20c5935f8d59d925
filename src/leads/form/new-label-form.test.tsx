import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const labelPosts = (requests: Awaited<ReturnType<typeof renderLeadScreen>>['requests']) =>
  requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/leadLabels');

const newLabel = () => screen.getByRole('group', { name: 'New label' });

describe('New label, inline in the label chips', () => {
  it('creates the label in Pipedrive, picks it for this lead, focuses it, and the lead is created with it', async () => {
    const { user, requests, posts, sandbox } = await renderLeadScreen();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Met at the fair');
    await user.click(screen.getByRole('button', { name: 'New label' }));
    expect(document.activeElement).toBe(within(newLabel()).getByRole('textbox', { name: /^Name/ }));

    await user.type(within(newLabel()).getByRole('textbox', { name: /^Name/ }), 'Trade fair');
    await user.click(within(newLabel()).getByRole('radio', { name: 'Purple' }));
    await user.click(within(newLabel()).getByRole('button', { name: 'Create label' }));

    const chip = await screen.findByRole('checkbox', { name: 'Trade fair' });
    expect(chip).toHaveProperty('checked', true);
    await waitFor(() => expect(document.activeElement).toBe(chip));
    expect(
      screen.getByText('Label “Trade fair” created and chosen for this lead.').getAttribute('role'),
    ).toBe('status');
    expect(screen.queryByRole('group', { name: 'New label' })).toBeNull();
    expect(labelPosts(requests).map((request) => request.body)).toEqual([
      { name: 'Trade fair', color: 'purple' },
    ]);

    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('heading', { level: 1, name: 'Met at the fair' });
    const label = sandbox.store.crm.leadLabels.find((entry) => entry.name === 'Trade fair');
    expect(posts()[0]?.body).toMatchObject({ label_ids: [label?.id] });
    expect(screen.getByRole('list', { name: 'Labels' }).textContent).toBe('Trade fair');
  });

  it('asks for a name and a colour on their own fields, and sends nothing', async () => {
    const { user, requests } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'New label' }));
    await user.click(within(newLabel()).getByRole('button', { name: 'Create label' }));

    const name = within(newLabel()).getByRole('textbox', { name: /^Name/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a name for the label')).toBeTruthy();
    expect(screen.getByText('Choose a colour for the label')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    // The lead's own error summary stays out of it.
    expect(screen.queryByText('There is a problem')).toBeNull();
    expect(labelPosts(requests)).toHaveLength(0);
  });

  it('refuses a name the company has already, on the name field', async () => {
    const { user, requests } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'New label' }));
    await user.type(within(newLabel()).getByRole('textbox', { name: /^Name/ }), 'hot');
    await user.click(within(newLabel()).getByRole('radio', { name: 'Green' }));
    await user.click(within(newLabel()).getByRole('button', { name: 'Create label' }));

    const name = within(newLabel()).getByRole('textbox', { name: /^Name/ });
    expect(name.getAttribute('aria-describedby')).toContain('new-label-name-error');
    expect(
      screen.getByText('There is a label called “Hot” already: choose it from the labels above'),
    ).toBeTruthy();
    expect(labelPosts(requests)).toHaveLength(0);
  });

  it('a name someone else took meanwhile: Pipedrive’s refusal lands on the name, and the labels are read again', async () => {
    const { user, requests, sandbox } = await renderLeadScreen();
    sandbox.store.crm.addLeadLabel({
      id: '0b0e7e2c-0000-4000-8000-000000000001',
      name: 'Partner',
      color: 'green',
      addTime: '2026-11-22T09:00:00.000Z',
    });
    await user.click(screen.getByRole('button', { name: 'New label' }));
    await user.type(within(newLabel()).getByRole('textbox', { name: /^Name/ }), 'Partner');
    await user.click(within(newLabel()).getByRole('radio', { name: 'Blue' }));
    await user.click(within(newLabel()).getByRole('button', { name: 'Create label' }));

    expect(
      await screen.findByText(
        'There is a label called “Partner” in Pipedrive already: it is now in the labels above',
      ),
    ).toBeTruthy();
    expect(await screen.findByRole('checkbox', { name: 'Partner' })).toHaveProperty('checked', false);
    expect(labelPosts(requests)).toHaveLength(1);
  });

  it('Enter in the name creates the label, not the lead; Escape closes it and gives the focus back', async () => {
    const { user, posts, requests } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'New label' }));
    await user.click(within(newLabel()).getByRole('radio', { name: 'Dark gray' }));
    await user.type(within(newLabel()).getByRole('textbox', { name: /^Name/ }), 'By keyboard{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'By keyboard' })).toHaveProperty('checked', true);
    expect(posts()).toHaveLength(0);
    expect(labelPosts(requests)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'New label' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'New label' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New label' }));
  });

  it('every colour is named in words beside its swatch', async () => {
    const { user } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'New label' }));
    expect(
      within(newLabel())
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['Blue', 'Brown', 'Dark gray', 'Gray', 'Green', 'Orange', 'Pink', 'Purple', 'Red', 'Yellow']);
  });
});
