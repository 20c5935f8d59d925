import { expect, test } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { newColleague, reachConsent, signIn } from './fixtures.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import { SANDBOX_FIXTURES } from './sandbox-accounts.ts';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  test.describe(`every screen at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('sign-in, sandbox pages, form, errors, picker, open-lead warning, card', async ({ page }) => {
      // Eight screens, each scanned by axe: more than the default 30 s on a busy machine.
      test.setTimeout(60_000);
      // The consent page shows on a user's first install only: a colleague of this test's own.
      const user = await newColleague(page, 'Accessible Rep');
      await page.goto('/');
      await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
      await checkScreen(page, 'sign-in');

      await page.getByRole('button', { name: /Sign in with/ }).click();
      const sandbox = new SandboxSignInPage(page);
      await expect(sandbox.email).toBeVisible();
      await checkScreen(page, 'sandbox-sign-in');
      await sandbox.signIn(user);
      await checkScreen(page, 'sandbox-consent');
      await sandbox.allowButton.click();

      const form = page.getByRole('heading', { name: 'New lead' });
      await expect(form).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(user.name);
      await checkScreen(page, 'lead-form');

      await page.getByRole('button', { name: 'Create lead' }).click();
      await expect(page.getByText('There is a problem')).toBeVisible();
      await checkScreen(page, 'lead-form-errors');

      await page.getByRole('textbox', { name: 'Title' }).fill('Accessible lead');
      await page.getByRole('combobox', { name: 'Person' }).fill(SANDBOX_FIXTURES.person.search);
      await expect(page.getByRole('option').first()).toBeVisible();
      await checkScreen(page, 'person-picker-open');
      await page.getByRole('option').first().click();
      await page.getByRole('combobox', { name: 'Customer type' }).selectOption({ label: 'Company' });

      // Ada Lovelace has an open lead (seeded): the first press is stopped by the warning.
      const leadForm = new LeadFormPage(page);
      await leadForm.openLeadWarningSettled();
      await page.getByRole('button', { name: 'Create lead' }).click();
      await expect(leadForm.openLeadWarning).toBeFocused();
      await checkScreen(page, 'open-lead-warning');
      await leadForm.createAnyway.click();
      await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
      // The new colleague's recent leads: the one just created, under the card.
      await expect(leadForm.recentLeads.getByRole('link')).toHaveText([/^Accessible lead/]);
      await checkScreen(page, 'created-lead-card');
    });

    test('the form with every kind of error showing, and the inline create dialog', async ({ page }) => {
      await signIn(page);
      await page
        .getByRole('group', { name: /^Value/ })
        .getByLabel('Amount')
        .fill('lots');
      await page.getByText('More about this lead').click();
      await page.getByRole('textbox', { name: /^Discount rate/ }).fill('ten');
      await page.getByRole('textbox', { name: /^Number of seats/ }).fill('2.5');
      const period = page.getByRole('group', { name: /^Contract period/ });
      await period.getByLabel('Start').fill('2027-12-31');
      await period.getByLabel('End').fill('2027-01-01');
      await page
        .getByRole('group', { name: /^Annual budget/ })
        .getByLabel('Amount')
        .fill('-5');
      await page.getByRole('button', { name: 'Create lead' }).click();
      await expect(page.getByText('There is a problem')).toBeVisible();
      await expect(
        page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link'),
      ).toHaveCount(8);
      await checkScreen(page, 'lead-form-all-errors');

      await page.getByRole('combobox', { name: 'Person' }).fill('Nobody Anywhere');
      await page.getByRole('option', { name: /Create person/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Create person' });
      await expect(dialog).toBeVisible();
      await checkScreen(page, 'create-person-dialog');

      // An email Ada Lovelace has: the dialog offers her before creating anyone.
      await dialog.getByRole('textbox', { name: /^Email/ }).fill('ada.lovelace@analytical-engines.example');
      await dialog.getByRole('button', { name: 'Create person' }).click();
      await expect(dialog.getByRole('region', { name: 'Already in Pipedrive?' })).toBeFocused();
      await checkScreen(page, 'create-person-duplicate-offer');
    });

    test('sign-in error screen', async ({ page }) => {
      const sandbox = await reachConsent(page, 'bff', await newColleague(page, 'Cancelling Rep'));
      await sandbox.cancelButton.click();
      await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
      await checkScreen(page, 'sign-in-error');
    });
  });
}

test('spa mode: a reload means signing in again, since tokens live in memory only', async ({ page }) => {
  await signIn(page, 'spa');
  await page.reload();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
});
