import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standInForModalDialogs } from '@/testing/modal-dialog-stand-in.ts';
import { AccountMenu } from './account-menu.tsx';

/**
 * jsdom has no modal dialogs. This stands in for the two things the browser does that the menu
 * relies on: `showModal()` opens the dialog, `close()` closes it and fires `close`. Focus trapping
 * and Escape are the browser's own, checked in Chromium by e2e/account-menu.spec.ts.
 */
standInForModalDialogs();
afterEach(cleanup);

function renderMenu(disconnect: () => Promise<void> = () => new Promise(() => {})) {
  const onSignOut = vi.fn();
  const onDisconnect = vi.fn(disconnect);
  render(
    <header>
      <AccountMenu
        userName="María López"
        companyName="Northwind Traders"
        onSignOut={onSignOut}
        onDisconnect={onDisconnect}
      />
    </header>,
  );
  const toggle = screen.getByRole('button', { name: 'Account: María López Northwind Traders' });
  return { onSignOut, onDisconnect, toggle, user: userEvent.setup() };
}

const dialog = () => screen.queryByRole('alertdialog', { name: 'Disconnect QuickLead from Pipedrive?' });

describe('the account menu', () => {
  it('is closed until opened, and works from the keyboard: Enter opens, Tab reaches both ways out, Escape closes', async () => {
    const { toggle, user } = renderMenu();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).toBe(false);

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign out' }));
    await user.tab();
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Disconnect QuickLead from Pipedrive…' }),
    );
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('closes on a click elsewhere', async () => {
    const { toggle, user } = renderMenu();
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(document.body);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('Sign out signs out at once, without asking and without disconnecting', async () => {
    const { toggle, onSignOut, onDisconnect, user } = renderMenu();
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
    expect(onDisconnect).not.toHaveBeenCalled();
    expect(dialog()).toBeNull();
  });

  it('offers no Disconnect when the session cannot be disconnected', async () => {
    render(<AccountMenu onSignOut={() => {}} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Account' }));
    expect(screen.getByRole('button', { name: 'Sign out' }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('button', { name: /Disconnect/ })).toBeNull();
  });
});

describe('Disconnect', () => {
  async function openDialog() {
    const menu = renderMenu();
    await menu.user.click(menu.toggle);
    await menu.user.keyboard('{Tab}{Tab}{Enter}');
    return menu;
  }

  it('asks first, in plain words, with focus on Cancel inside the dialog', async () => {
    const { onDisconnect } = await openDialog();
    const asking = dialog();
    expect(asking).toBeTruthy();
    const description = document.getElementById(asking?.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(
      [
        'QuickLead’s access to your Pipedrive account is cancelled, which uninstalls the QuickLead app for you in Pipedrive.',
        'The next time you sign in, Pipedrive asks you to allow and install QuickLead again.',
        'QuickLead on your other devices and browsers is signed out.',
        'A lead you are typing in this tab is discarded, as when you sign out.',
        'To stop for now and keep the app installed, choose Sign out instead.',
      ].join(''),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDisconnect).not.toHaveBeenCalled();
  });

  it('Cancel does nothing, closes the dialog and puts focus back on the menu button', async () => {
    const { toggle, onDisconnect, onSignOut, user } = await openDialog();
    await user.keyboard('{Enter}'); // on Cancel, where focus starts
    expect(dialog()).toBeNull();
    expect(onDisconnect).not.toHaveBeenCalled();
    expect(onSignOut).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(toggle);
  });

  it('the dialog’s Close button does nothing either', async () => {
    const { toggle, onDisconnect, user } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialog()).toBeNull();
    expect(onDisconnect).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(toggle);
  });

  it('confirming disconnects once, and says it is under way', async () => {
    const { onDisconnect, user } = await openDialog();
    const confirm = screen.getByRole('button', { name: 'Disconnect' });
    await user.click(confirm);
    await user.click(confirm);
    expect(onDisconnect).toHaveBeenCalledTimes(1);
    expect(confirm.textContent).toBe('Disconnecting…');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
  });

  it('when Pipedrive does not confirm it, says so and stays open to try again', async () => {
    const { onDisconnect, onSignOut, user } = await openDialog();
    onDisconnect.mockImplementationOnce(() => Promise.reject(new Error('502')));
    await user.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Pipedrive did not confirm the disconnect, so QuickLead may still be installed for you. You are still signed in: try again in a moment.',
    );
    expect(dialog()).toBeTruthy();
    expect(onSignOut).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Disconnect' }).getAttribute('aria-disabled')).toBeNull();
  });
});
