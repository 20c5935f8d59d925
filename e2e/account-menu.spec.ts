import { expect, type Page, test } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { startSignIn } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';

/**
 * Signs in as the demo user, who may have installed the app already (the sandbox asks for consent
 * once per user): allows when asked, and waits for the form either way. Nothing here disconnects.
 */
async function signInInstalledOrNot(page: Page) {
  const sandbox = await startSignIn(page, 'bff');
  await sandbox.enterCredentials();
  const form = new LeadFormPage(page);
  await expect(sandbox.allowButton.or(form.heading)).toBeVisible();
  if (await sandbox.allowButton.isVisible()) await sandbox.allowButton.click();
  await expect(form.heading).toBeVisible();
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  test(`the account menu and the Disconnect confirmation work from the keyboard and fit ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signInInstalledOrNot(page);
    const menu = new AccountMenuPage(page);
    await expect(menu.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(menu.signOutButton).toBeHidden();

    await menu.toggle.focus();
    await page.keyboard.press('Enter');
    await expect(menu.toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(menu.signOutButton).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menu.disconnectButton).toBeFocused();
    await checkScreen(page, 'account-menu');

    // The confirmation takes focus (on Cancel, the harmless answer) and says what Disconnect does.
    await page.keyboard.press('Enter');
    await expect(menu.dialog).toBeVisible();
    await expect(menu.cancelButton).toBeFocused();
    await expect(menu.dialog).toContainText('uninstalls the QuickLead app for you in Pipedrive');
    await expect(menu.dialog).toContainText('asks you to allow and install QuickLead again');
    await expect(menu.dialog).toContainText('other devices and browsers is signed out');
    await expect(menu.dialog).toContainText('discarded, as when you sign out');
    await checkScreen(page, 'disconnect-dialog');

    // Escape and Cancel do nothing: focus comes back to the menu button, the session goes on.
    await page.keyboard.press('Escape');
    await expect(menu.dialog).toHaveCount(0);
    await expect(menu.toggle).toBeFocused();
    await menu.openDisconnect();
    await menu.cancelButton.click();
    await expect(menu.dialog).toHaveCount(0);
    await expect(menu.toggle).toBeFocused();
    await expect(new LeadFormPage(page).heading).toBeVisible();
    expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: true });
  });
}
