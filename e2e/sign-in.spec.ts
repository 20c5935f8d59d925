import { expect, test } from '@playwright/test';
import { reachConsent, signIn } from './fixtures.ts';
import { DEMO_USER } from './sandbox-accounts.ts';

test('signs in with authorization code + PKCE and keeps tokens out of the URL and web storage', async ({
  page,
}) => {
  const authorizeRequest = page.waitForRequest((request) => request.url().includes('/oauth/authorize'));
  const signingIn = signIn(page);
  const authorizeUrl = new URL((await authorizeRequest).url());
  expect(authorizeUrl.searchParams.get('response_type')).toBe('code');
  expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(authorizeUrl.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);
  await signingIn;

  await expect(page.getByRole('banner')).toContainText(DEMO_USER.name);
  expect(new URL(page.url()).search).toBe('');
  expect(new URL(page.url()).pathname).toBe('/');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).toBe('{}');
});

test('cancelling at the consent page shows why and offers to try again', async ({ page }) => {
  const sandbox = await reachConsent(page);
  await sandbox.cancelButton.click();

  await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('You cancelled the sign-in');
  await expect(page).toHaveTitle(/^Error: /);
  expect(new URL(page.url()).search).toBe('');

  await page.getByRole('button', { name: 'Try signing in again' }).click();
  await expect(sandbox.email).toBeVisible();
});

test('a replayed callback URL is refused', async ({ page }) => {
  const sandbox = await reachConsent(page);
  const callback = page.waitForRequest((request) => new URL(request.url()).pathname === '/callback');
  await sandbox.allowButton.click();
  const callbackUrl = (await callback).url();
  await expect(page.getByRole('heading', { name: 'New lead' })).toBeVisible();

  await page.goto(callbackUrl);
  await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('could not be verified');
});

test('sign out returns to the sign-in screen', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
});
