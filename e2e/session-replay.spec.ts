import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';

/**
 * Runs against each session store: the `build` project's app server keeps sessions in its own
 * memory, the `redis` project's in a Redis of its own. Either way sign-out deletes the session,
 * so a copy of the cookie taken before it (a stolen one, or a tab restored from disk) is dead.
 */
test('sign out, then the old session cookie replayed: still signed out', async ({ page, context }) => {
  await signIn(page, 'bff');
  const before = await context.cookies();
  expect(before.some((cookie) => cookie.name === 'quicklead-session')).toBe(true);

  await new AccountMenuPage(page).signOut();
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();

  await context.addCookies(before);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  expect(await (await page.request.get('/auth/session')).json()).toEqual({ signedIn: false });
  const call = await page.request.get('/api/pipedrive/api/v1/users/me', {
    headers: { 'x-quicklead-csrf': '1' },
  });
  expect(call.status()).toBe(401);
});
