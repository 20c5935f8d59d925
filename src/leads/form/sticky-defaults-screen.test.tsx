import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '@/pipedrive/transport.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { loadStickyDefaults, saveStickyDefaults } from './sticky-defaults.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

const HOT = 'Hot';
const valueGroup = () => within(screen.getByRole('group', { name: /^Value/ }));
const currencySelect = () => valueGroup().getByRole('combobox', { name: 'Currency' }) as HTMLSelectElement;
const visibility = () => screen.getByRole('combobox', { name: /^Visible to/ }) as HTMLSelectElement;
const reads = (requests: readonly ApiRequest[], path: string) =>
  requests.filter((request) => request.method === 'GET' && request.path === path).length;

/** A lead with a label, a visibility and a value in USD: what the next lead should start from. */
async function createLeadWithChoices() {
  const rendered = await renderLeadScreen();
  const { user } = rendered;
  await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Sets the defaults');
  await user.click(screen.getByRole('checkbox', { name: HOT }));
  await user.click(valueGroup().getByRole('textbox', { name: 'Amount' }));
  await waitFor(() => expect(currencySelect().options.length).toBeGreaterThan(1));
  await user.type(valueGroup().getByRole('textbox', { name: 'Amount' }), '1500');
  await user.selectOptions(currencySelect(), 'USD');
  await user.click(screen.getByText('Visibility and source'));
  await user.selectOptions(visibility(), '7');
  await pickPerson(user, 'Lovelace', 'Ada Lovelace');
  await user.click(screen.getByRole('button', { name: 'Create lead' }));
  await screen.findByRole('heading', { level: 1, name: 'Sets the defaults' });
  return rendered;
}

/** The page goes, and a new tab opens QuickLead: its sessionStorage (draft, card) is new, localStorage is not. */
function closeTheTab() {
  cleanup();
  sessionStorage.clear();
}

describe('the choices of the last lead stick', () => {
  it('after a reload the form starts from the last lead’s labels, visibility and currency, and says so, reading nothing more', async () => {
    const { reference } = await createLeadWithChoices();
    expect(loadStickyDefaults(reference.me)).toEqual({
      ownerId: reference.me.id,
      labelIds: [reference.labels.find((label) => label.name === HOT)?.id],
      visibleTo: '7',
      currency: 'USD',
    });
    closeTheTab();

    const { requests } = await renderLeadScreen({ keepStickyDefaults: true });

    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', true);
    expect(visibility().value).toBe('7');
    expect(currencySelect().value).toBe('USD');
    expect(valueGroup().getByRole('textbox', { name: 'Amount' })).toHaveProperty('value', '');
    expect(screen.getByText('Currency, labels and visibility are as on your last lead.')).toBeTruthy();
    // The owner is the rep, as the account's default: no colleagues read, no currencies either.
    expect(reads(requests, '/api/v1/users')).toBe(0);
    expect(reads(requests, '/api/v1/currencies')).toBe(0);
  });

  it('Reset to account defaults puts them back here, says so where the button was, and the next page starts from them', async () => {
    const first = await createLeadWithChoices();
    closeTheTab();
    const { user, reference } = await renderLeadScreen({ keepStickyDefaults: true });

    await user.click(screen.getByRole('button', { name: 'Reset to account defaults' }));

    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', false);
    expect(visibility().value).toBe('');
    expect(currencySelect().value).toBe(reference.me.default_currency);
    const status = screen.getByText(
      'Owner, labels, visibility and currency are back to your account’s defaults, for this lead and the next.',
    );
    expect(status.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.queryByRole('button', { name: 'Reset to account defaults' })).toBeNull();
    expect(loadStickyDefaults(first.reference.me)).toEqual({});
    closeTheTab();

    await renderLeadScreen({ keepStickyDefaults: true });
    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', false);
    expect(screen.queryByText(/as on your last lead/)).toBeNull();
  });

  it('a reload of a form left untouched brings back no “lead you were typing”, not even after a reset', async () => {
    const { user } = await createLeadWithChoices();
    await user.click(screen.getByRole('button', { name: 'Create another' }));
    // The page goes: the form saves itself as a draft, as on every pagehide; the next page is shown.
    window.dispatchEvent(new Event('pagehide'));
    cleanup();
    window.dispatchEvent(new Event('pageshow'));

    const again = await renderLeadScreen({ keepStickyDefaults: true });
    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', true);
    expect(screen.queryByText('The lead you were typing is back, as you left it.')).toBeNull();
    await again.user.click(screen.getByRole('button', { name: 'Reset to account defaults' }));
    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', false);
    expect(screen.queryByText('The lead you were typing is back, as you left it.')).toBeNull();
  });

  it('a kept owner other than the rep reads the colleagues before the form shows, and is the owner', async () => {
    const probe = await renderLeadScreen();
    const { me } = probe.reference;
    cleanup();
    saveStickyDefaults(me, { ownerId: 21000002 });

    const { requests } = await renderLeadScreen({ keepStickyDefaults: true });

    expect(reads(requests, '/api/v1/users')).toBe(1);
    const owner = screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement;
    expect(owner.value).toBe('21000002');
    expect(screen.getByText('Owner is as on your last lead.')).toBeTruthy();
  });

  it('what no longer exists is dropped and forgotten: a deleted label, a deactivated owner, a visibility not offered', async () => {
    const probe = await renderLeadScreen();
    const { me } = probe.reference;
    const hot = probe.reference.labels.find((label) => label.name === HOT)?.id ?? '';
    cleanup();
    // Rahul Mehta is deactivated; the other label id is one the company never had.
    saveStickyDefaults(me, {
      ownerId: 21000006,
      labelIds: [hot, '0b0e7e2c-0000-4000-8000-00000000dead'],
      visibleTo: '9',
    });

    await renderLeadScreen({ keepStickyDefaults: true });

    expect((screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement).value).toBe(String(me.id));
    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', true);
    expect(visibility().value).toBe('');
    await waitFor(() => expect(loadStickyDefaults(me)).toEqual({ labelIds: [hot] }));
  });

  it('Create another starts from the choices too, as before', async () => {
    const { user } = await createLeadWithChoices();
    await user.click(screen.getByRole('button', { name: 'Create another' }));
    expect(screen.getByRole('checkbox', { name: HOT })).toHaveProperty('checked', true);
    expect(visibility().value).toBe('7');
    expect(currencySelect().value).toBe('USD');
  });
});
