import { expect, test } from '@playwright/test';
import { newColleague, reachConsent, type SessionMode, signIn } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';
import { DEMO_USER } from './sandbox-accounts.ts';

const CALLBACK_PATH: Record<SessionMode, string> = { bff: '/auth/callback', spa: '/callback' };

for (const mode of ['bff', 'spa'] as const) {
  test.describe(`${mode} mode`, () => {
    test('signs in with code + PKCE; no token is readable by the page, nothing stays in the URL', async ({
      page,
    }) => {
      const authorizeRequest = page.waitForRequest((request) => request.url().includes('/oauth/authorize'));
      const signingIn = signIn(page, mode);
      const authorizeUrl = new URL((await authorizeRequest).url());
      expect(authorizeUrl.searchParams.get('response_type')).toBe('code');
      expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(authorizeUrl.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);
      await signingIn;

      await expect(page.getByRole('banner')).toContainText(DEMO_USER.name);
      expect(new URL(page.url()).search).toBe('');
      expect(new URL(page.url()).pathname).toBe('/');
      // Web storage may hold only the id of the lead being typed and, in bff mode, what lets the form
      // open offline (that this browser is signed in, as whom, and the account's settings): no token,
      // nothing from the sign-in. Those two are written once the rep's own details have been read.
      const storedKeys = ['quicklead.lead-draft-id.v1'];
      if (mode === 'bff') storedKeys.push('quicklead.offline-settings.v1', 'quicklead.signed-in-before.v1');
      await expect
        .poll(() => page.evaluate(() => Object.keys({ ...localStorage, ...sessionStorage }).sort()))
        .toEqual(storedKeys);
      const readable = await page.evaluate(async () => ({
        storage: { ...localStorage, ...sessionStorage },
        cookie: document.cookie,
        databases: (await indexedDB.databases()).length,
      }));
      expect(readable.storage['quicklead.lead-draft-id.v1']).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(readable.storage)).not.toMatch(
        /access_token|refresh_token|code_verifier|Bearer/i,
      );
      expect({ ...readable, storage: undefined }).toEqual({ storage: undefined, cookie: '', databases: 0 });
    });

    test('cancelling at the consent page shows why and offers to try again', async ({ page }) => {
      // The consent page shows on a user's first install only: a colleague of this test's own.
      const sandbox = await reachConsent(page, mode, await newColleague(page, 'Cancelling Rep'));
      await sandbox.cancelButton.click();

      await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('You cancelled the sign-in');
      await expect(page).toHaveTitle(/^Error: /);
      expect(new URL(page.url()).search).toBe('');

      await page.getByRole('button', { name: 'Try signing in again' }).click();
      await expect(sandbox.email).toBeVisible();
    });

    test('a replayed callback URL is refused', async ({ page }) => {
      const sandbox = await reachConsent(page, mode, await newColleague(page, 'Replaying Rep'));
      const callbacks: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === CALLBACK_PATH[mode]) callbacks.push(request.url());
      });
      await sandbox.allowButton.click();
      await expect(page.getByRole('heading', { name: 'New lead' })).toBeVisible();
      expect(callbacks).toHaveLength(1);

      await page.goto(callbacks[0] ?? '');
      await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('could not be verified');
    });

    test('sign out, then back: signed out', async ({ page }) => {
      await signIn(page, mode);
      await new AccountMenuPage(page).signOut();
      // Coming back to the app later finds no session, in either mode.
      await page.goto('/');
      await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
      expect(await (await page.request.get('/auth/session')).json()).toMatchObject({ signedIn: false });
    });
  });
}

test('bff mode: the session survives a reload, since the server holds it', async ({ page }) => {
  await signIn(page, 'bff');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'New lead' })).toBeVisible();
});
