import { expect, test } from '@playwright/test';
import { newColleague, signIn } from './fixtures.ts';
import type { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import type { SandboxUser } from './sandbox-accounts.ts';

async function fillLead(form: LeadFormPage, title: string) {
  await form.title.fill(title);
  await form.pick(form.person, 'Lovelace', 'Ada Lovelace');
  await form.fillMandatory();
  // Her open leads are read as she is picked: done before the test ends the session.
  await form.openLeadWarningSettled();
}

/** The session ended behind the app's back; submitting asks to sign in again and loses nothing. */
async function signInAgainKeepsTheLead(
  page: import('@playwright/test').Page,
  form: LeadFormPage,
  title: string,
  user?: SandboxUser,
) {
  // Ada Lovelace has an open lead (read when she was picked): "Create lead anyway" meets the ended session.
  await form.submitPastOpenLead();
  await expect(form.errorSummary).toContainText('session has ended');
  await expect(form.title).toHaveValue(title);

  await page.getByRole('button', { name: 'Sign in again' }).click();
  // Still installed after a sign-out; installed again, with consent, after a revocation.
  await new SandboxSignInPage(page).signInAllowingIfAsked(user);

  await expect(form.heading).toBeVisible();
  await expect(form.title).toHaveValue(title);
  await expect(form.person).toHaveValue('Ada Lovelace');
  await expect(form.customerType).not.toHaveValue('');
  // A new page: the warning stops the first press again.
  await form.submitPastOpenLead();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('bff mode: an ended session asks to sign in again and the form comes back as it was', async ({
  page,
}) => {
  const form = await signIn(page, 'bff');
  const title = `Survives a new sign-in ${Date.now()}`;
  await fillLead(form, title);
  // Another tab signs out: this tab's server session is gone.
  const logout = await page.request.post('/auth/logout', { headers: { 'x-quicklead-csrf': '1' } });
  expect(logout.status()).toBeLessThan(300);
  await signInAgainKeepsTheLead(page, form, title);
});

test('spa mode: a revoked session asks to sign in again and the form comes back as it was', async ({
  page,
}) => {
  const tokens: { access_token?: string; refresh_token?: string } = {};
  page.on('response', async (response) => {
    if (response.url().endsWith('/oauth/token')) Object.assign(tokens, await response.json());
  });
  // Revoking a refresh token ends every token of that user for the app: a colleague of this test's own.
  const user = await newColleague(page, 'Revoked Rep');
  const form = await signIn(page, 'spa', user);
  const title = `Survives a revoked token ${Date.now()}`;
  await fillLead(form, title);
  // The provider revokes the grant (as an admin uninstalling the app would).
  const config = (await (await page.request.get('/app-config.json')).json()) as {
    spa: { revocationEndpoint: string; clientId: string };
  };
  const revoked = await page.request.post(config.spa.revocationEndpoint, {
    form: { token: tokens.refresh_token ?? '', client_id: config.spa.clientId },
  });
  expect(revoked.status()).toBe(200);
  await signInAgainKeepsTheLead(page, form, title, user);
});

test('a reload brings the draft back with a notice, and Discard starts afresh', async ({ page }) => {
  const form = await signIn(page, 'bff');
  await fillLead(form, 'Typed before a reload');
  await page.reload();

  await expect(
    page.getByRole('status').filter({ hasText: 'The lead you were typing is back' }),
  ).toBeVisible();
  await expect(form.title).toHaveValue('Typed before a reload');
  await expect(form.person).toHaveValue('Ada Lovelace');

  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(form.title).toHaveValue('');
  await expect(form.person).toHaveValue('');
  await page.reload();
  await expect(form.heading).toBeVisible();
  await expect(form.title).toHaveValue('');
  await expect(page.getByText('The lead you were typing is back')).toHaveCount(0);
});
