import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { standInForModalDialogs } from '@/testing/modal-dialog-stand-in.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { SEEDED_LEADS } from '../../../sandbox/seed/seed-leads.ts';

standInForModalDialogs();
afterEach(() => {
  cleanup();
  // Drafts, kept cards and the send ledger live in web storage: each test starts with none.
  sessionStorage.clear();
  localStorage.clear();
});

const WARNING =
  'Ada Lovelace already has an open lead: ‘Engines renewal’, added 3 days ago, owner James Carter.';

describe('the open-lead warning', () => {
  it('Ada Lovelace has an open lead: the first press is stopped by the warning, the second creates one lead', async () => {
    const { posts, openLeadChecks, requests, user } = await renderLeadScreen({ seedLeads: true });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Engines, again');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');

    const warning = await screen.findByRole('region', { name: 'Open lead in Pipedrive' });
    await waitFor(() => expect(warning.textContent).toContain(WARNING));
    const link = within(warning).getByRole('link', { name: /^Open ‘Engines renewal’ in Pipedrive/ });
    expect(link.getAttribute('href')).toBe(
      `http://sandbox.test/leads/inbox/${SEEDED_LEADS.enginesRenewal.id}`,
    );
    expect(link.getAttribute('target')).toBe('_blank');

    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await waitFor(() => expect(document.activeElement).toBe(warning));
    expect(warning.textContent).toContain('If this is a new lead, press Create lead anyway.');
    expect(posts()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Create lead anyway' }));
    expect(await screen.findByRole('region', { name: 'Engines, again' })).toBeDefined();
    expect(posts()).toHaveLength(1);
    // One read of her open leads (20 tokens), and one of the owner's name (2), for the whole session.
    expect(openLeadChecks().map((request) => request.query)).toEqual([
      { person_id: 1, sort: 'add_time DESC', limit: 10 },
    ]);
    const userReads = requests.filter((request) => /^\/api\/v1\/users\/\d+$/.test(request.path));
    expect(userReads.map((request) => request.path)).toEqual(['/api/v1/users/21000002']);
  });

  it('a second lead for the same person is warned about without another read', async () => {
    const { posts, openLeadChecks, user } = await renderLeadScreen();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'First of two');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await waitFor(() => expect(openLeadChecks()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await user.click(await screen.findByRole('button', { name: 'Create another' }));

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Second of two');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const warning = await screen.findByRole('region', { name: 'Open lead in Pipedrive' });
    expect(warning.textContent).toContain(
      'Ada Lovelace already has an open lead: ‘First of two’, added just now, owner Maria Lopez (you).',
    );
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(posts()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Create lead anyway' }));
    await screen.findByRole('region', { name: 'Second of two' });
    expect(posts()).toHaveLength(2);
    expect(openLeadChecks()).toHaveLength(1);
  });

  it('a person created inline is not checked: they cannot have leads', async () => {
    const { posts, openLeadChecks, user } = await renderLeadScreen();
    await user.type(screen.getByRole('combobox', { name: 'Person' }), 'Grace Hopper');
    await user.click(await screen.findByRole('option', { name: 'Create person “Grace Hopper”' }));
    const dialog = screen.getByRole('dialog', { name: 'Create person' });
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Customer type' }), 'Company');

    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('region', { name: 'Grace Hopper lead' });
    expect(posts()).toHaveLength(1);
    expect(openLeadChecks()).toEqual([]);
  });

  it('a check that fails is said, with Check again, and stops no press', async () => {
    const { posts, user } = await renderLeadScreen({
      seedLeads: true,
      faultFor: (request) =>
        request.method === 'GET' && request.query?.limit === 10
          ? { path: request.path, status: 500 }
          : undefined,
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const note = await screen.findByText(
      /^QuickLead could not check whether Ada Lovelace already has an open lead: /,
    );
    expect(
      within(note.parentElement as HTMLElement).getByRole('button', { name: 'Check again' }),
    ).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('region', { name: 'Ada Lovelace lead' });
    expect(posts()).toHaveLength(1);
  });
});

describe('recent leads', () => {
  it('lists the rep’s leads, then puts the one just created at the top without another read', async () => {
    const { requests, user } = await renderLeadScreen({ seedLeads: true });
    const recentReads = () => requests.filter((request) => request.query?.owner_id !== undefined);
    const recent = screen.getByRole('region', { name: 'Your recent leads' });
    const titles = () =>
      within(recent)
        .queryAllByRole('link')
        .map((link) => link.textContent);
    await waitFor(() => expect(titles()).toEqual(['Globex expansion (opens in Pipedrive in a new tab)']));
    const item = within(recent).getByRole('listitem');
    expect(item.textContent).toContain('$50,000.00');
    expect(within(item).getByText('9 days ago').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Fresh one');
    await pickPerson(user, 'Scorpio', 'Hank Scorpio');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await user.click(await screen.findByRole('button', { name: 'Create lead anyway' }));
    await screen.findByRole('region', { name: 'Fresh one' });

    const after = within(screen.getByRole('region', { name: 'Your recent leads' }));
    await waitFor(() =>
      expect(after.getAllByRole('listitem').map((row) => row.textContent)).toEqual([
        expect.stringMatching(/^Fresh one \(opens in Pipedrive in a new tab\)Hank Scorpiojust now$/),
        expect.stringMatching(/^Globex expansion/),
      ]),
    );
    expect(recentReads()).toHaveLength(1);
    expect(recentReads()[0]?.query).toEqual({ owner_id: 21000001, sort: 'add_time DESC', limit: 20 });
  });

  it('says so when there are none, and when they cannot be read', async () => {
    await renderLeadScreen();
    expect(await screen.findByText('No leads yet.')).toBeDefined();
    cleanup();

    await renderLeadScreen({
      faultFor: (request) => (request.query?.owner_id ? { path: request.path, status: 500 } : undefined),
    });
    const failed = await screen.findByText(/^QuickLead could not load your recent leads: /);
    expect(
      within(failed.parentElement as HTMLElement).getByRole('button', { name: 'Try again' }),
    ).toBeDefined();
  });
});
