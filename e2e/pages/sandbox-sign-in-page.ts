import { expect, type Page } from '@playwright/test';
import { DEMO_USER } from '../sandbox-accounts.ts';

/** The sandbox's stand-in for Pipedrive's sign-in and consent pages. */
export class SandboxSignInPage {
  constructor(readonly page: Page) {}

  get email() {
    return this.page.getByLabel('Email');
  }
  get password() {
    return this.page.getByLabel('Password');
  }
  get allowButton() {
    return this.page.getByRole('button', { name: 'Allow and install' });
  }
  get cancelButton() {
    return this.page.getByRole('button', { name: 'Cancel' });
  }

  /** Signs in and expects the consent page: the app must not be installed for this user yet. */
  async signIn(user = DEMO_USER) {
    await this.enterCredentials(user);
    await expect(this.allowButton).toBeVisible();
  }

  /**
   * Signs in and allows when asked: the consent page shows only on a user's first install, and
   * tests share the sandbox, so whether it shows is not this caller's concern.
   */
  async signInAllowingIfAsked(user = DEMO_USER) {
    // In bff mode the app asks its server first and only then leaves: the sandbox's page is the start.
    await expect(this.email).toBeVisible();
    const sandboxOrigin = new URL(this.page.url()).origin;
    await this.enterCredentials(user);
    await expect
      .poll(
        async () => new URL(this.page.url()).origin !== sandboxOrigin || (await this.allowButton.isVisible()),
      )
      .toBe(true);
    if (new URL(this.page.url()).origin === sandboxOrigin) await this.allowButton.click();
  }

  /** Signs in on the sandbox's page and stops there: what follows depends on whether the app is installed. */
  async enterCredentials(user = DEMO_USER) {
    await expect(this.email).toBeVisible();
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
