import { createHash } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { SANDBOX_ADMIN_HEADERS } from '../sandbox/admin/admin-guard.ts';
import { checkScreen } from './check-screen.ts';
import { newColleague, reachConsent, type SessionMode, startSignIn } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';
import { InspectorPanelPage } from './pages/inspector-panel-page.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { DEMO_USER, type SandboxUser } from './sandbox-accounts.ts';

const base64url = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Opens the inspector on the sign-in screen, then signs in: the panel stays open across the redirect. */
async function signInWatching(
  page: Page,
  mode: SessionMode,
  user: SandboxUser = DEMO_USER,
): Promise<InspectorPanelPage> {
  const inspector = new InspectorPanelPage(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  await inspector.open();
  await expect(inspector.panel).toContainText('Nothing yet');
  await (await startSignIn(page, mode)).signInAllowingIfAsked(user);
  await expect(new LeadFormPage(page).heading).toBeVisible();
  await expect(inspector.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(inspector.step(/Token response/)).toBeVisible();
  return inspector;
}

/** Steps 1–3: the challenge recomputed from the revealed verifier matches; the state matches. */
async function expectPkceAndState(inspector: InspectorPanelPage) {
  const pkce = inspector.step(/PKCE/);
  await expect(inspector.fact(pkce, 'code_verifier')).toContainText('••••');
  await inspector.showSecrets(pkce);
  const verifier = (await inspector.fact(pkce, 'code_verifier').innerText()).trim();
  expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
  const challenge = base64url(verifier);
  await expect(inspector.fact(pkce, 'code_challenge')).toHaveText(challenge);
  await expect(inspector.fact(pkce, 'code_challenge_method')).toHaveText('S256');

  const authorize = inspector.step(/Authorization request/);
  await expect(inspector.fact(authorize, 'code_challenge')).toHaveText(challenge);
  const authorizationCurl = await inspector.curlOf(authorize);
  expect(authorizationCurl).toContain(`code_challenge=${challenge}`);
  const sentState = (await inspector.fact(authorize, 'state').innerText()).trim();
  expect(sentState.length).toBeGreaterThan(20);

  const callback = inspector.step(/Callback/);
  await expect(inspector.fact(callback, 'state')).toHaveText(sentState);
  await expect(inspector.factRow(callback, 'state')).toContainText('✓ matches');
  await expect(inspector.fact(callback, 'code')).toContainText('••••');

  const tokenRequest = inspector.step(/Token request/);
  await inspector.showSecrets(tokenRequest);
  await expect(inspector.fact(tokenRequest, 'code_verifier')).toHaveText(verifier);
}

test('spa mode: the token response shows the token only on Show secrets, and curl keeps it masked', async ({
  page,
}) => {
  const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token'));
  const inspector = await signInWatching(page, 'spa', await newColleague(page, 'Inspector spa tokens'));
  const tokens = (await (await tokenResponse).json()) as { access_token: string };
  const tokenStep = inspector.step(/Token response/);
  await expect(inspector.panel).not.toContainText(tokens.access_token);
  await inspector.showSecrets(tokenStep);
  await expect(inspector.fact(tokenStep, 'access_token')).toHaveText(tokens.access_token);

  await page.getByRole('combobox', { name: 'Person' }).pressSequentially('Lovelace');
  const search = inspector.step(/GET \/api\/v2\/persons\/search/).last();
  await expect(search).toBeVisible();
  expect(await inspector.curlOf(search)).not.toContain(tokens.access_token);
});

test('bff mode: the page never receives the tokens, only their length and fingerprint, and says why', async ({
  page,
}) => {
  const inspector = await signInWatching(page, 'bff', await newColleague(page, 'Inspector bff tokens'));
  const tokenStep = inspector.step(/Token response/);
  await expect(tokenStep.getByRole('button', { name: 'Show secrets' })).toHaveCount(0);
  await expect(inspector.factRow(tokenStep, 'access_token')).toContainText(/SHA-256 fingerprint [0-9a-f]{8}/);
  await expect(inspector.panel).toContainText('this page never receives them');
  const tokenRequest = inspector.step(/Token request/);
  await expect(inspector.fact(tokenRequest, 'client_id')).toHaveCount(0);
  expect(await inspector.curlOf(tokenRequest)).toContain("-H 'authorization: Basic ••••'");
});

for (const mode of ['spa', 'bff'] as const) {
  test.describe(`${mode} mode`, () => {
    test('the inspector shows every step with the right values, then API calls as they happen', async ({
      page,
    }) => {
      // Expires its user's tokens and disconnects (uninstalls) below: a colleague of this test's
      // own, so tests alongside keep their tokens and installs.
      const user = await newColleague(page, `Inspector ${mode}`);
      const inspector = await signInWatching(page, mode, user);
      await expectPkceAndState(inspector);

      const tokenStep = inspector.step(/Token response/);
      await expect(inspector.fact(tokenStep, 'access_token')).toContainText('••••');
      await expect(inspector.factRow(tokenStep, 'expires_in')).toContainText(/expires in \d\d:\d\d/);
      await expect(inspector.fact(tokenStep, 'api_domain')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);
      await expect(inspector.fact(tokenStep, 'scope')).toContainText('leads:full');

      // API calls appear as they are made: the person search, typed key by key.
      const searches = inspector.step(/GET \/api\/v2\/persons\/search/);
      await expect(searches).toHaveCount(0);
      await page.getByRole('combobox', { name: 'Person' }).pressSequentially('Lovelace');
      await expect(page.getByRole('option').first()).toBeVisible();
      await expect(searches.last()).toBeVisible();
      const search = searches.last();
      await expect(inspector.fact(search, 'status')).toHaveText('200');
      await expect(inspector.fact(search, 'x-token-cost')).toHaveText(/^\d+$/);
      await expect(inspector.fact(search, 'x-ratelimit-remaining')).toHaveText(/^\d+$/);
      await expect(inspector.fact(search, 'duration')).toHaveText(/^\d+ ms$/);
      expect(await inspector.curlOf(search)).toContain("-H 'authorization: Bearer ••••'");

      // A refresh shows up as it happens: the sandbox expires the access token, the next call gets a
      // 401, and the client (this tab or the server) refreshes once and retries.
      const apiDomain = (await inspector.fact(tokenStep, 'api_domain').innerText()).trim();
      const expired = await page.request.post(`${apiDomain}/__sandbox/tokens/expire`, {
        data: { userId: user.id },
        headers: SANDBOX_ADMIN_HEADERS,
      });
      expect(expired.ok()).toBe(true);
      await page.getByRole('combobox', { name: 'Person' }).fill('Ada');
      // The last one, should the app have refreshed more than once.
      const refresh = inspector.step(/Token refresh/).last();
      await expect(refresh).toBeVisible();
      await expect(inspector.fact(refresh, 'status')).toHaveText('200');
      await expect(inspector.fact(refresh, 'access_token')).toContainText('••••');
      await expect(inspector.factRow(refresh, 'expires_in')).toContainText(/expires in \d\d:\d\d/);
      await expect(inspector.factRow(tokenStep, 'expires_in')).toContainText('replaced by a later refresh');

      // Keyboard: the panel closes from its own button and focus goes back to the toggle.
      await inspector.panel.getByRole('button', { name: 'Close inspector' }).focus();
      await page.keyboard.press('Enter');
      await expect(inspector.panel).toHaveCount(0);
      await expect(inspector.toggle).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(inspector.panel).toBeVisible();

      // Sign out ends QuickLead's session only: nothing is revoked (at Pipedrive that would uninstall
      // the app), so no revocation joins the timeline, and the next sign-in needs no consent.
      await new AccountMenuPage(page).signOut();
      await expect(inspector.step(/Token revoked/)).toHaveCount(0);
      const sandbox = await startSignIn(page, mode);
      await sandbox.enterCredentials(user);
      await expect(new LeadFormPage(page).heading).toBeVisible();
      await expect(sandbox.allowButton).toHaveCount(0);

      // Disconnect, from the panel, asks first; confirmed, it revokes the refresh token, then the
      // access token, and both revocations join the timeline.
      if ((await inspector.toggle.getAttribute('aria-expanded')) !== 'true') await inspector.open();
      await inspector.disconnectButton.click();
      const confirmation = new AccountMenuPage(page);
      await expect(confirmation.dialog).toContainText('uninstalls the QuickLead app for you in Pipedrive');
      await confirmation.confirmButton.click();
      await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
      const revoked = inspector.step(/Token revoked/);
      await expect(revoked).toHaveCount(2);
      await expect(inspector.fact(revoked.first(), 'status')).toHaveText('200');
      await expect(inspector.fact(revoked.first(), 'token_type_hint')).toHaveText('refresh_token');

      // The app is no longer installed: signing in asks to allow and install it again.
      await reachConsent(page, mode, user);
    });

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 740 },
    ]) {
      test(`the open inspector passes axe and fits ${viewport.width} px`, async ({ page }) => {
        await page.setViewportSize(viewport);
        const inspector = await signInWatching(page, mode);
        await inspector.showSecrets(inspector.step(/PKCE/));
        await inspector.curlOf(inspector.step(/Token request/));
        await checkScreen(page, `inspector-${mode}`);
      });
    }
  });
}

for (const mode of ['spa', 'bff'] as const) {
  test(`${mode} mode: a sign-in cancelled at the consent page shows how far it got`, async ({ page }) => {
    const inspector = new InspectorPanelPage(page);
    await page.goto('/');
    await inspector.open();
    // The consent page shows on a user's first install only: a colleague of this test's own.
    const user = await newColleague(page, `Inspector ${mode} cancel`);
    const sandbox = await reachConsent(page, mode, user);
    await sandbox.cancelButton.click();
    await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();

    const authorize = inspector.step(/Authorization request/);
    await expect(inspector.step(/PKCE/)).toBeVisible();
    const callback = inspector.step(/Callback/);
    await expect(inspector.fact(callback, 'error')).toHaveText('access_denied');
    await expect(inspector.fact(callback, 'state')).toHaveText(
      (await inspector.fact(authorize, 'state').innerText()).trim(),
    );
    await expect(inspector.fact(callback, 'code')).toHaveCount(0);
    await expect(inspector.step(/Token request/)).toHaveCount(0);
    await checkScreen(page, `inspector-${mode}-cancelled`);

    // Trying again starts afresh: the cancelled attempt's record goes.
    await page.getByRole('button', { name: 'Try signing in again' }).click();
    await sandbox.signIn(user);
    await sandbox.allowButton.click();
    await expect(new LeadFormPage(page).heading).toBeVisible();
    await expect(inspector.step(/Token response/)).toBeVisible();
    await expect(inspector.step(/Callback/)).toHaveCount(1);
    await expect(inspector.fact(inspector.step(/Callback/), 'error')).toHaveCount(0);
  });
}

test('the sign-in screen offers the inspector, closed, and it opens with nothing recorded yet', async ({
  page,
}) => {
  const inspector = new InspectorPanelPage(page);
  await page.goto('/');
  await expect(inspector.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(inspector.panel).toHaveCount(0);
  await inspector.open();
  await expect(inspector.toggle).toHaveAttribute(
    'aria-controls',
    (await inspector.panel.getAttribute('id')) ?? '',
  );
  await checkScreen(page, 'inspector-empty');
});
