import type { Page } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import type { ConsoleIssues } from './console-issues.ts';
import { expect, type SessionApi, type SessionMode, signInWithApi, test } from './fixtures.ts';
import { AccountMenuPage } from './pages/account-menu-page.ts';
import type { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import {
  cachedRequests,
  goOffline,
  goOfflineAcrossReloads,
  goOnline,
  goOnlineAgain,
  keptForOffline,
  serviceWorkerReady,
} from './service-worker.ts';

/**
 * QuickLead as an installed app: after a first visit its service worker opens it with no network,
 * a lead submitted offline waits in the outbox and is sent once when the network is back, and no
 * API or sign-in answer ever goes through the worker or into its caches. Nothing is mocked: the
 * network goes away (Playwright's offline mode, for the page and the worker), the worker answers
 * from what it precached, and the sandbox counts the creates it receives.
 */

// Each test signs in, waits for the worker's install and comes back from offline: more than 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

/** The screen as it is, at 1280 and at 375 px (axe, reflow, CSP, a screenshot each). */
async function bothWidths(page: Page, name: string) {
  await checkScreen(page, name);
  await page.setViewportSize({ width: 375, height: 740 });
  await checkScreen(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Offline, the app's own calls fail before they leave: Chromium logs each, and the test means them. */
function expectOfflineCalls(consoleIssues: ConsoleIssues) {
  consoleIssues.expectFailedLoad(
    'broken connection',
    '/auth/session',
    'the session is checked with no network',
  );
  consoleIssues.expectFailedLoad(
    'broken connection',
    '/app-config.json',
    'the network goes while it is asked',
  );
}

/** A lead filled in for Ada Lovelace, past the open-lead warning her seeded lead brings up. */
async function fillLead(page: Page, mode: SessionMode, scenario: string) {
  const { leadForm, api } = await signInWithApi(page, mode);
  const title = `${scenario} ${mode} ${Date.now()}`;
  await leadForm.fillForFixturePerson(title);
  await leadForm.openLeadWarningSettled();
  await leadForm.submit.click();
  await expect(leadForm.createAnyway).toBeVisible();
  return { leadForm, api, title };
}

/** Leads stored with this title, read where they are stored, not from the lagging search. */
async function storedWithTitle(api: SessionApi, title: string): Promise<number> {
  const leads = (await api.get('/api/v1/leads?sort=add_time%20DESC&limit=500')) as Array<{ title: string }>;
  return leads.filter((lead) => lead.title === title).length;
}

/** The lead is created: its card shows, and the sandbox received one create and holds one lead. */
async function sentOnce(page: Page, leadForm: LeadFormPage, api: SessionApi, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  await expect(leadForm.card).toBeVisible();
  expect(await api.leadPostsReceived(title)).toBe(1);
  expect(await storedWithTitle(api, title)).toBe(1);
}

const offlineNotice = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Offline: QuickLead cannot reach its server' });
const waitingInOutbox = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'You are offline. QuickLead will send the lead' });

test('bff: signed in before, the app opens offline with the form; a lead submitted offline is sent once back online', async ({
  page,
  consoleIssues,
}) => {
  expectOfflineCalls(consoleIssues);
  const { leadForm, api, title } = await fillLead(page, 'bff', 'opened offline');
  await serviceWorkerReady(page);
  await keptForOffline(page);

  await goOffline(page);
  // The app has heard the network go (the `offline` event comes a moment after `navigator.onLine`).
  await expect(offlineNotice(page)).toBeVisible();
  await leadForm.createAnyway.click();
  await expect(waitingInOutbox(page)).toBeVisible();

  // The page is opened again with no network: the worker answers with the precached page, styled
  // (its inline style allowed by the CSP it was served with), and the form is there, with the draft
  // and the lead waiting in the outbox.
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(leadForm.heading).toBeVisible();
  await expect(leadForm.title).toHaveValue(title);
  await expect(leadForm.person).toHaveValue('Ada Lovelace');
  await expect(offlineNotice(page)).toBeVisible();
  await expect(waitingInOutbox(page)).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCSS('background-color', 'rgb(31, 78, 121)');
  expect(await api.leadPostsReceived(title)).toBe(0);
  await bothWidths(page, 'offline-form');

  // The reloaded page never heard `offline`: its session check, asked again every few seconds,
  // finds the server, and the outbox sends the lead.
  await goOnline(page);
  await sentOnce(page, leadForm, api, title);
  await expect(offlineNotice(page)).toHaveCount(0);
});

test('spa: offline without a reload, the tokens stay in memory; a lead submitted offline is sent once back online', async ({
  page,
}) => {
  const { leadForm, api, title } = await fillLead(page, 'spa', 'submitted offline');
  // After the first visit: the worker has taken over, so nothing of its install is left to race
  // the offline mode (Playwright applies that mode to each worker as it starts).
  await serviceWorkerReady(page);
  await goOffline(page);
  // The app has heard the network go (the `offline` event comes a moment after `navigator.onLine`).
  await expect(offlineNotice(page)).toBeVisible();
  await leadForm.createAnyway.click();
  await expect(waitingInOutbox(page)).toBeVisible();
  expect(await api.leadPostsReceived(title)).toBe(0);
  await goOnline(page);
  await sentOnce(page, leadForm, api, title);
});

test('spa: reloaded offline, the app says signing in needs the network and keeps the draft', async ({
  page,
  consoleIssues,
}) => {
  expectOfflineCalls(consoleIssues);
  const { leadForm, title } = await signInWithApi(page, 'spa').then(async (signedIn) => {
    const typed = `kept offline ${Date.now()}`;
    await signedIn.leadForm.title.fill(typed);
    return { ...signedIn, title: typed };
  });
  await serviceWorkerReady(page);
  const devtools = await goOfflineAcrossReloads(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'No network' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The lead you were typing is kept in this tab');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toHaveCount(0);
  await bothWidths(page, 'offline-sign-in');

  // Back online the usual sign-in screen comes back by itself, and after signing in, the draft.
  await goOnlineAgain(page, devtools);
  await page.getByRole('radio', { name: /^Browser only/ }).check({ timeout: 15_000 });
  await page.getByRole('button', { name: /Sign in with/ }).click();
  await new SandboxSignInPage(page).signInAllowingIfAsked();
  await expect(leadForm.title).toHaveValue(title);
});

test('never signed in on this browser: offline, a plain message instead of a browser error', async ({
  page,
  consoleIssues,
}) => {
  expectOfflineCalls(consoleIssues);
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  await serviceWorkerReady(page);
  await goOfflineAcrossReloads(page);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'No network' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'Signing in to Pipedrive needs the network. QuickLead goes on by itself once it is back.',
  );
  await expect(page).toHaveTitle('Offline – QuickLead');
  await bothWidths(page, 'offline-never-signed-in');
});

test('the service worker never answers or keeps an API or sign-in answer, in either mode', async ({
  page,
}) => {
  const throughWorker: string[] = [];
  const aroundWorker: string[] = [];
  const appOrigin = new URL(String(test.info().project.use.baseURL)).origin;
  page.on('response', (response) => {
    const { pathname, origin } = new URL(response.url());
    // The sandbox's answers (its sign-in pages, its API in spa mode) and the app server's own.
    const apiOrAuth = origin !== appOrigin || pathname.startsWith('/api/') || pathname.startsWith('/auth/');
    if (!apiOrAuth) return;
    (response.fromServiceWorker() ? throughWorker : aroundWorker).push(
      `${response.status()} ${response.url()}`,
    );
  });
  for (const mode of ['bff', 'spa'] as const) {
    const { leadForm } = await signInWithApi(page, mode);
    await serviceWorkerReady(page);
    // With the worker in control: a reload (the session check, the settings), a search and a create.
    await page.reload();
    if (mode === 'spa') {
      await page.getByRole('radio', { name: /^Browser only/ }).check();
      await page.getByRole('button', { name: /Sign in with/ }).click();
      await new SandboxSignInPage(page).signInAllowingIfAsked();
    }
    await leadForm.createForFixturePerson(`worker leaves it alone ${mode} ${Date.now()}`);
    if (mode === 'bff') await keptForOffline(page);
    await new AccountMenuPage(page).signOut();
    // Signed out, nothing is kept for an offline start.
    expect(
      await page.evaluate(() => [
        localStorage.getItem('quicklead.signed-in-before.v1'),
        localStorage.getItem('quicklead.offline-settings.v1'),
      ]),
    ).toEqual([null, null]);
  }
  // The check saw real traffic, all of it past the worker.
  expect(aroundWorker.some((line) => /\/api\/pipedrive\/api\/v1\/leads/.test(line))).toBe(true);
  expect(aroundWorker.some((line) => /\/auth\/session/.test(line))).toBe(true);
  expect(aroundWorker.some((line) => /:\d+\/api\/v1\/leads/.test(line))).toBe(true);
  expect(throughWorker).toEqual([]);

  // Its caches hold the app shell of this origin and the deployment's configuration, nothing else.
  const held = await cachedRequests(page);
  expect(held.length).toBeGreaterThan(5);
  for (const line of held) {
    const url = new URL(line.slice(line.indexOf(' ') + 1));
    expect(`${line}: ${url.origin}`).toBe(`${line}: ${appOrigin}`);
    expect(line).toMatch(
      /^workbox-precache-v2-\S+ \S+\/(index\.html|assets\/[\w-]+\.(js|css)|[\w-]+\.(png|svg)|manifest\.webmanifest)(\?__WB_REVISION__=\w+)?$|^quicklead-app-config \S+\/app-config\.json$/,
    );
  }
});
