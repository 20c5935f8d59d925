import { type CDPSession, expect, type Page } from '@playwright/test';

/**
 * The service worker controls the page and holds what the next start needs with no network: the
 * app shell (its install precached it) and the deployment's configuration. It is registered after
 * the page has loaded and gone idle, so a test waits for it as a rep's browser would.
 */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await expect
    .poll(() => page.evaluate(async () => (await caches.match('/app-config.json')) !== undefined))
    .toBe(true);
}

/** What the signed-in `bff` session kept for an offline start: the hint and the account's settings. */
export async function keptForOffline(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          localStorage.getItem('quicklead.signed-in-before.v1') !== null &&
          localStorage.getItem('quicklead.offline-settings.v1') !== null,
      ),
    )
    .toBe(true);
}

/**
 * The network goes, as on a train: Playwright's offline mode, for the page and its service worker
 * (whose own fetches fail too). The page hears `offline`; a page loaded after that still reads
 * `navigator.onLine` as true in this mode, as a browser on a network that reaches nothing does, so
 * QuickLead goes by whether its server answers, not by that flag alone.
 */
export async function goOffline(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.waitForFunction(() => !navigator.onLine);
}

export async function goOnline(page: Page): Promise<void> {
  await page.context().setOffline(false);
}

/**
 * As `goOffline`, and `navigator.onLine` stays false in pages loaded after (DevTools' own
 * emulation of the page, which outlives a reload), as on a phone with no signal: what decides
 * between "no network" and "the server does not answer". Undone only by `goOnlineAgain`.
 */
export async function goOfflineAcrossReloads(page: Page): Promise<CDPSession> {
  await goOffline(page);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.emulateNetworkConditions', NO_NETWORK);
  return devtools;
}

/**
 * Undoes `goOfflineAcrossReloads`. The two emulations lift one after the other, so for a moment the
 * page may hear `online` while requests still fail: a test using this sends no lead around it.
 */
export async function goOnlineAgain(page: Page, devtools: CDPSession): Promise<void> {
  await page.context().setOffline(false);
  await devtools.send('Network.emulateNetworkConditions', { ...NO_NETWORK, offline: false });
  await devtools.detach();
}

const NO_NETWORK = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

/** Every request the page's caches hold, as `cache-name url`. */
export function cachedRequests(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const held: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) held.push(`${name} ${request.url}`);
    }
    return held;
  });
}
