import { expect, type Page } from '@playwright/test';

/** The header's signed-in menu: Sign out, and Disconnect with its confirmation dialog. */
export class AccountMenuPage {
  constructor(readonly page: Page) {}

  get toggle() {
    return this.page.getByRole('banner').getByRole('button', { name: /^Account/ });
  }
  get signOutButton() {
    return this.page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true });
  }
  get disconnectButton() {
    return this.page
      .getByRole('banner')
      .getByRole('button', { name: 'Disconnect QuickLead from Pipedrive…' });
  }
  get dialog() {
    return this.page.getByRole('alertdialog', { name: 'Disconnect QuickLead from Pipedrive?' });
  }
  get confirmButton() {
    return this.dialog.getByRole('button', { name: 'Disconnect', exact: true });
  }
  get cancelButton() {
    return this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async open() {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
  }

  async signOut() {
    await this.open();
    await this.signOutButton.click();
    await expect(this.page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  }

  /** Opens the confirmation from the menu; `confirm` then disconnects and waits for the sign-in screen. */
  async openDisconnect() {
    await this.open();
    await this.disconnectButton.click();
    await expect(this.dialog).toBeVisible();
  }

  async disconnect() {
    await this.openDisconnect();
    await this.confirmButton.click();
    await expect(this.page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  }
}
