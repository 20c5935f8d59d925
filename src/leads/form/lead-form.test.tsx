import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isShown } from '@/testing/is-shown.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { PERSON_OR_ORGANIZATION } from './lead-form-schema.ts';

afterEach(() => {
  cleanup();
  // Drafts live in sessionStorage: each test starts with none.
  sessionStorage.clear();
});

describe('LeadScreen', () => {
  it('sends nothing on an empty submit and focuses the error summary', async () => {
    const { posts, user } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('textbox', { name: 'Title' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Person' }).getAttribute('aria-describedby')).toContain(
      'lead-person-error',
    );
    expect(posts()).toHaveLength(0);
  });

  it('clears "Choose a person or an organization" everywhere once either picker has a value, and brings it back when both are empty', async () => {
    const { user } = await renderLeadScreen();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const summary = await screen.findByRole('alert');
    expect(isShown(within(summary).getByRole('link', { name: PERSON_OR_ORGANIZATION }))).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Organization' }).getAttribute('aria-invalid')).toBe('true');

    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await waitFor(() => expect(screen.queryAllByText(PERSON_OR_ORGANIZATION)).toHaveLength(0));
    expect(screen.getByRole('combobox', { name: 'Organization' }).getAttribute('aria-invalid')).not.toBe(
      'true',
    );

    await user.clear(screen.getByRole('combobox', { name: 'Person' }));
    await user.tab();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Organization' }).getAttribute('aria-invalid')).toBe(
        'true',
      ),
    );
  });

  it('suggests a title, offers the person’s organization, and creates with one POST on a double press', async () => {
    const { posts, requests, user } = await renderLeadScreen();
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Ada Lovelace lead');

    await user.click(screen.getByRole('button', { name: 'Use Analytical Engines Ltd as the organization' }));
    expect(screen.getByRole('combobox', { name: 'Organization' })).toHaveProperty(
      'value',
      'Analytical Engines Ltd',
    );
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty(
      'value',
      'Analytical Engines Ltd lead',
    );

    const before = requests.length;
    await user.dblClick(screen.getByRole('button', { name: 'Create lead' }));
    const card = await screen.findByRole('region', { name: 'Analytical Engines Ltd lead' });
    expect(isShown(within(card).getByText('Ada Lovelace'))).toBe(true);
    expect(isShown(within(card).getByText('Analytical Engines Ltd'))).toBe(true);
    expect(isShown(within(card).getByText('Maria Lopez'))).toBe(true);
    expect(posts()).toHaveLength(1);
    // The card renders from the create response and cached reference data: no further request.
    expect(requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/v1/leads',
    ]);
  });

  it('keeps everything typed and picked when the session has ended', async () => {
    const { user } = await renderLeadScreen({ tokenForPosts: 'revoked-token' });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Do not lose me');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(isShown(await screen.findByText(/session has ended/))).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Do not lose me');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveProperty('value', 'Ada Lovelace');
  });

  it('Create another keeps owner, labels and visibility', async () => {
    const { reference, user } = await renderLeadScreen();
    const hot = reference.labels[0];
    if (!hot) throw new Error('the sandbox has no labels');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('checkbox', { name: hot.name }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Visible to' }), '7');
    await user.click(screen.getByRole('button', { name: 'Change owner' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Owner' }), 'James Carter');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await user.click(await screen.findByRole('button', { name: 'Create another' }));

    expect(screen.getByRole('checkbox', { name: hot.name })).toHaveProperty('checked', true);
    expect(screen.getByRole('combobox', { name: 'Visible to' })).toHaveProperty('value', '7');
    expect(
      (screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement).selectedOptions[0]?.text,
    ).toBe('James Carter');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', '');
  });
});
