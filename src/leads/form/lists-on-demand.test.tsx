import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '@/pipedrive/transport.ts';
import { isShown } from '@/testing/is-shown.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

/** The lead's own value, not a custom money field's. */
const valueGroup = () => within(screen.getByRole('group', { name: /^Value/ }));

const reads = (requests: readonly ApiRequest[], path: string) =>
  requests.filter((request) => request.method === 'GET' && request.path === path).length;

describe('colleagues and currencies are read when the rep reaches for them', () => {
  it('a lead for the rep with no value reads neither, and its card names the rep as owner', async () => {
    const { requests, reference, user } = await renderLeadScreen();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Plain lead');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const card = await screen.findByRole('region', { name: /Plain lead/ }, { timeout: 3000 });

    expect(reads(requests, '/api/v1/users')).toBe(0);
    expect(reads(requests, '/api/v1/currencies')).toBe(0);
    expect(within(card).getByText(reference.me.name).tagName).toBe('DD');
  });

  it('Change owner reads the colleagues once and puts the cursor in the owner list', async () => {
    const { requests, user } = await renderLeadScreen();
    expect(screen.getByRole('group', { name: 'Owner' }).textContent).toContain('(you)');

    await user.click(screen.getByRole('button', { name: 'Change owner' }));
    const owner = await screen.findByRole('combobox', { name: 'Owner' });
    await waitFor(() => expect(document.activeElement).toBe(owner));
    expect(isShown(within(owner).getByRole('option', { name: 'James Carter' }))).toBe(true);
    expect(reads(requests, '/api/v1/users')).toBe(1);
  });

  it('moving into the value reads the currencies once, and the amount is checked against the chosen one', async () => {
    const { requests, user } = await renderLeadScreen();
    const amount = valueGroup().getByRole('textbox', { name: 'Amount' });
    await user.click(amount);
    const currency = valueGroup().getByRole('combobox', { name: 'Currency' });
    await waitFor(() => expect(within(currency).getAllByRole('option').length).toBeGreaterThan(1));
    await user.type(amount, '1500.505');
    await user.selectOptions(currency, 'USD');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const message = await screen.findByText('Value in USD can have at most 2 decimal places', {
      selector: '.field-error',
    });
    // The message is the field's: its control points at it.
    expect(
      valueGroup()
        .getByRole('textbox', { name: 'Amount' })
        .closest('fieldset')
        ?.getAttribute('aria-describedby'),
    ).toContain(message.id);
    expect(reads(requests, '/api/v1/currencies')).toBe(1);
  });

  it('before the currencies are read, the value keeps the rep’s default currency as its only choice', async () => {
    const { reference } = await renderLeadScreen();
    const currency = valueGroup().getByRole('combobox', { name: 'Currency' }) as HTMLSelectElement;
    expect([...currency.options].map((option) => option.value)).toEqual([reference.me.default_currency]);
  });

  it('opening "More about this lead" reads what its user and money fields offer', async () => {
    const { requests, user } = await renderLeadScreen();
    await user.click(screen.getByText('More about this lead'));

    const engineer = screen.getByRole('combobox', { name: /Sales engineer/ });
    await waitFor(() =>
      expect(isShown(within(engineer).getByRole('option', { name: 'James Carter' }))).toBe(true),
    );
    expect(reads(requests, '/api/v1/users')).toBe(1);
    expect(reads(requests, '/api/v1/currencies')).toBe(1);
  });

  it('a draft with another owner and a value reads both before the form shows, so nothing in it is lost', async () => {
    const first = await renderLeadScreen();
    await first.user.click(screen.getByRole('button', { name: 'Change owner' }));
    await first.user.selectOptions(await screen.findByRole('combobox', { name: 'Owner' }), 'James Carter');
    await first.user.type(valueGroup().getByRole('textbox', { name: 'Amount' }), '250');
    await first.user.type(screen.getByRole('textbox', { name: 'Title' }), 'Drafted');
    // The draft is saved as it is typed; wait for it, then come back as after a reload.
    await waitFor(() => expect(sessionStorage.getItem('quicklead.lead-draft.v1')).toContain('Drafted'));
    cleanup();

    const second = await renderLeadScreen();
    expect(reads(second.requests, '/api/v1/users')).toBe(1);
    expect(reads(second.requests, '/api/v1/currencies')).toBe(1);
    const owner = screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement;
    expect(owner.selectedOptions[0]?.text).toBe('James Carter');
    expect(valueGroup().getByRole('textbox', { name: 'Amount' })).toHaveProperty('value', '250');
  });
});
