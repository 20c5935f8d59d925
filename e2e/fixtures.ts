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

export interface SandboxTokens {
  access_token: string;
  api_domain: string;
}

/** Signs in while watching the real token response go by (nothing is intercepted), to call the API as the app does. */
export async function signInWithTokens(
  page: Page,
): Promise<{ leadForm: LeadFormPage; tokens: SandboxTokens }> {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token'));
  const leadForm = await signIn(page);
  const tokens = (await (await tokenResponse).json()) as SandboxTokens;
  return { leadForm, tokens };
}

export const test = base.extend<{ leadForm: LeadFormPage }>({
  leadForm: async ({ page }, use) => {
    await use(await signIn(page));
  },
});

export { expect };
