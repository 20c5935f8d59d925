import { expect, type Page, test } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { reachConsent, type SessionMode, startSignIn } from './fixtures.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import { LIMITED_ACCESS_USERS, type SandboxUser } from './sandbox-accounts.ts';

const { noLeads, noUsersRead } = LIMITED_ACCESS_USERS;
const DRAFT_KEY = 'quicklead.lead-draft.v1';
const NARROW = { width: 375, height: 740 };

/** Signs in through the sandbox pages and allows; unlike signIn(), expects no form afterwards. */
async function signInAs(page: Page, mode: SessionMode, user: SandboxUser) {
  await (await startSignIn(page, mode)).signInAllowingIfAsked(user);
}

function missingScopes(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'QuickLead needs more access to Pipedrive' });
}

function settingsRefused(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'QuickLead could not load your Pipedrive settings' });
}

async function expectMissingUsersRead(page: Page) {
  await expect(missingScopes(page)).toBeFocused();
  const main = page.getByRole('main');
  await expect(main.getByRole('listitem').first()).toHaveText(
    'Read users (users:read): needed to choose a lead’s owner.',
  );
  await expect(main).toContainText(
    'In Pipedrive’s Developer Hub, open the QuickLead app and add this scope to it.',
  );
  await expect(main).toContainText('a sign-in made before the change keeps the old scopes');
  await expect(main.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'New lead' })).toHaveCount(0);
  await expect(page.getByText('Scope and URL mismatch')).toHaveCount(0);
}

async function expectLeadsNotAllowed(page: Page) {
  await expect(settingsRefused(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText(
    'Your Pipedrive user is not allowed to see leads. Ask a Pipedrive admin to give your permission set access to leads.',
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByText('You do not have permissions to do this.')).toHaveCount(0);
}

test('bff mode: a user whose install lacks users:read sees what is missing, keeps the draft, and can sign in again or out', async ({
  page,
}) => {
  // A lead was being typed in this tab before (e.g. before an earlier session ended).
  await page.goto('/');
  await page.evaluate(
    (key) => sessionStorage.setItem(key, JSON.stringify({ title: 'Kept through it all' })),
    DRAFT_KEY,
  );

  const sandbox = await reachConsent(page, 'bff', noUsersRead);
  // The consent page lists what this user's install grants: no users:read.
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Create, read, update and delete leads' }),
  ).toBeVisible();
  await expect(page.getByText('See the users in your company')).toHaveCount(0);
  await sandbox.allowButton.click();

  await expectMissingUsersRead(page);
  await expect(page.getByText('The lead you were typing is kept in this tab')).toBeVisible();
  await checkScreen(page, 'missing-scopes');
  await page.setViewportSize(NARROW);
  await checkScreen(page, 'missing-scopes');

  // Signing in again goes round the sandbox (whose install of hers never changes) and loses nothing.
  await page.getByRole('main').getByRole('button', { name: 'Sign in again' }).click();
  const again = new SandboxSignInPage(page);
  // Installed at the first sign-in: this time Pipedrive asks nothing.
  await again.signInAllowingIfAsked(noUsersRead);
  await expect(missingScopes(page)).toBeVisible();
  expect(await page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY)).toBe(
    JSON.stringify({ title: 'Kept through it all' }),
  );

  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
});

test('bff mode: a user whose permission set has no leads is told so in plain words', async ({ page }) => {
  await signInAs(page, 'bff', noLeads);
  await expectLeadsNotAllowed(page);
  // Signing in again cannot change a permission set, so it is not offered.
  await expect(page.getByRole('button', { name: 'Sign in again' })).toHaveCount(0);
  await checkScreen(page, 'permission-set-refused');
  await page.setViewportSize(NARROW);
  await checkScreen(page, 'permission-set-refused');
});

test('spa mode: the same two screens', async ({ page }) => {
  await signInAs(page, 'spa', noUsersRead);
  await expectMissingUsersRead(page);
  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();

  await signInAs(page, 'spa', noLeads);
  await expectLeadsNotAllowed(page);
});
