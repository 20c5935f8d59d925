import { test as base, expect, type Page } from '@playwright/test';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';

/** Starts a sign-in and signs in on the sandbox's page, stopping at its consent page. */
export async function reachConsent(page: Page): Promise<SandboxSignInPage> {
  await page.goto('/');
  await page.getByRole('button', { name: /Sign in with/ }).click();
  const sandbox = new SandboxSignInPage(page);
  await sandbox.signIn();
  return sandbox;
}

/** Signs in through the real sandbox pages and waits for the form. */
export async function signIn(page: Page): Promise<LeadFormPage> {
  const sandbox = await reachConsent(page);
  await sandbox.allowButton.click();
  const form = new LeadFormPage(page);
  await expect(form.heading).toBeVisible();
  return form;
}

export const test = base.extend<{ leadForm: LeadFormPage }>({
  leadForm: async ({ page }, use) => {
    await use(await signIn(page));
  },
});

export { expect };
