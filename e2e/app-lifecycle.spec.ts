import { expect, type Page, test } from '@playwright/test';
import { newColleague, reachConsent, type SessionMode, sandboxApiOrigin, startSignIn } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import type { SandboxUser } from './sandbox-accounts.ts';

interface UninstallCall {
  url: string;
  body: { client_id: string; company_id: number; user_id: number; timestamp: string };
  status: number | null;
}

/** Signs in (consent: a first install), signs out, and signs in again, which needs no consent. */
async function installThenSignOutAndBack(page: Page, mode: SessionMode, user: SandboxUser) {
  const form = new LeadFormPage(page);
  await (await reachConsent(page, mode, user)).allowButton.click();
  await expect(form.heading).toBeVisible();

  await new AccountMenuPage(page).signOut();
  const again = await startSignIn(page, mode);
  await again.enterCredentials(user);
  await expect(form.heading).toBeVisible();
  await expect(again.allowButton).toHaveCount(0);
}

/** Disconnect asks first, then revokes: the app is uninstalled, and signing in asks consent again. */
async function disconnectThenConsentAgain(page: Page, mode: SessionMode, user: SandboxUser) {
  const menu = new AccountMenuPage(page);
  await menu.openDisconnect();
  await expect(menu.dialog).toContainText('uninstalls the QuickLead app for you in Pipedrive');
  await menu.confirmButton.click();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  await reachConsent(page, mode, user);
}

async function uninstallCalls(page: Page, user: SandboxUser): Promise<UninstallCall[]> {
  const response = await page.request.get(
    `${await sandboxApiOrigin(page)}/__sandbox/uninstall-calls?userId=${user.id}`,
  );
  return ((await response.json()) as { calls: UninstallCall[] }).calls;
}

test('bff mode: Sign out keeps the app installed; Disconnect uninstalls it, and the notice ends the session on another device', async ({
  page,
  browser,
}) => {
  const user = await newColleague(page, 'Lifecycle bff');
  await installThenSignOutAndBack(page, 'bff', user);

  // The same rep, signed in on another device.
  const otherDevice = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const otherPage = await otherDevice.newPage();
  await (await startSignIn(otherPage, 'bff')).enterCredentials(user);
  await expect(new LeadFormPage(otherPage).heading).toBeVisible();

  await disconnectThenConsentAgain(page, 'bff', user);

  // Pipedrive's uninstall notice reached QuickLead's callback URL and was accepted…
  await expect.poll(async () => (await uninstallCalls(page, user)).map((call) => call.status)).toEqual([200]);
  const [notice] = await uninstallCalls(page, user);
  expect(new URL(notice?.url ?? '').pathname).toBe('/auth/callback');
  expect(notice?.body.user_id).toBe(user.id);
  // …and the other device's QuickLead session has ended.
  expect(await (await otherPage.request.get('/auth/session')).json()).toEqual({ signedIn: false });
  await otherDevice.close();
});

test('spa mode: Sign out keeps the app installed; Disconnect uninstalls it (no notice: a public client has no secret)', async ({
  page,
}) => {
  const user = await newColleague(page, 'Lifecycle spa');
  await installThenSignOutAndBack(page, 'spa', user);
  await disconnectThenConsentAgain(page, 'spa', user);
  expect(await uninstallCalls(page, user)).toEqual([]);
});

test('the installation link (a code and no state) ends signed in on the form, with no error', async ({
  page,
}) => {
  const user = await newColleague(page, 'Installs By Link');
  const config = (await (await page.request.get('/app-config.json')).json()) as {
    spa: { authorizationEndpoint: string };
  };
  const oauthOrigin = new URL(config.spa.authorizationEndpoint).origin;
  const callbacks: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/auth/callback') callbacks.push(url);
  });

  await page.goto(`${oauthOrigin}/oauth/install?client_id=quicklead-sandbox`);
  const sandbox = new SandboxSignInPage(page);
  await sandbox.signIn(user);
  await sandbox.allowButton.click();
  // QuickLead cannot check a callback without state, so it starts an ordinary sign-in, which the
  // now-installed app passes without a consent page.
  await sandbox.enterCredentials(user);
  const form = new LeadFormPage(page);
  await expect(form.heading).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(user.name);
  await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toHaveCount(0);
  expect(callbacks.map((url) => url.searchParams.has('state'))).toEqual([false, true]);
  expect(new URL(page.url()).search).toBe('');
});
