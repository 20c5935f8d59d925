import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getRequestListener } from '@hono/node-server';
import type { Page } from '@playwright/test';
import { createAppServer } from '../server/app-server.ts';
import { readServerConfig } from '../server/server-config.ts';
import { checkScreen } from './check-screen.ts';
import { expect, test } from './fixtures.ts';
import { serviceWorkerReady } from './service-worker.ts';

/**
 * A deploy while QuickLead is open: the rep's tab runs one build, a new one goes live, and the tab
 * offers "A new version of QuickLead is ready" with Reload, never reloading by itself. Two real
 * builds (`vite build`, the second stamped with another QUICKLEAD_RELEASE, so its page and hence its
 * service worker differ, as any deploy's do) served in turn by a real app server from one folder,
 * stopped and started again between them, on this checkout's spare port. Only the sign-in page is
 * used: this server shares no sandbox registration, and the notice is the same on every screen.
 */
const offset = Number(process.env.QUICKLEAD_E2E_PORT_OFFSET ?? 0);
const PORT = 4182 + offset;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const root = join(import.meta.dirname, '..');

// One deployment at a time on the one port.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const run = promisify(execFile);
let workDir = '';
const releaseDir = (release: string) => join(workDir, release);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  workDir = mkdtempSync(join(tmpdir(), 'quicklead-deploys-'));
  for (const release of ['release-1', 'release-2']) {
    await run(
      'npx',
      ['vite', 'build', '--outDir', releaseDir(release), '--emptyOutDir', '--logLevel', 'error'],
      {
        cwd: root,
        env: { ...process.env, QUICKLEAD_RELEASE: release },
      },
    );
  }
});

test.afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** The app server as deployed, serving `dir`; it reads the page's inline-style hash when it starts. */
function startAppServer(dir: string): Promise<Server> {
  const config = readServerConfig({
    QUICKLEAD_PROVIDER: 'sandbox',
    QUICKLEAD_PUBLIC_URL: ORIGIN,
    QUICKLEAD_OAUTH_ORIGIN: `http://127.0.0.1:${4174 + offset}`,
    QUICKLEAD_API_ORIGIN: `http://127.0.0.1:${4175 + offset}`,
  });
  const server = createServer(getRequestListener(createAppServer({ config, staticRoot: dir }).fetch));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The revision of `index.html` a build's service worker precaches. */
function precachedPageRevision(release: string): string {
  const worker = readFileSync(join(releaseDir(release), 'sw.js'), 'utf8');
  const revision = /\{url:"index\.html",revision:"(\w+)"\}/.exec(worker)?.[1];
  if (!revision) throw new Error(`${release}/sw.js precaches no index.html`);
  return revision;
}

const release = (page: Page) => page.locator('meta[name="quicklead-release"]');

test('a new version deployed while the app is open: a notice with Reload, and only the rep reloads', async ({
  page,
}) => {
  const live = join(workDir, 'live');
  cpSync(releaseDir('release-1'), live, { recursive: true });
  let server = await startAppServer(live);
  try {
    await page.goto(ORIGIN);
    await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
    await serviceWorkerReady(page);
    await expect(release(page)).toHaveAttribute('content', 'release-1');
    await page.evaluate(() => Object.assign(window, { updateTestSamePage: true }));

    // The deploy: the server stops, the new build replaces the old, the server starts again.
    await stop(server);
    cpSync(releaseDir('release-2'), live, { recursive: true, force: true });
    server = await startAppServer(live);

    // The tab asks for a new worker as an open tab does when it is shown again (and the browser
    // does by itself from time to time); the new worker installs and waits.
    await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((registration) => registration?.update()),
    );
    const notice = page.getByRole('status').filter({ hasText: 'A new version of QuickLead is ready.' });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    const reload = notice.getByRole('button', { name: 'Reload' });

    // Reached with the keyboard, after the page's own controls.
    let tabs = 0;
    while (!(await reload.evaluate((button) => button === document.activeElement)) && tabs < 12) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    await expect(reload).toBeFocused();
    await checkScreen(page, 'update-ready');
    await page.setViewportSize({ width: 375, height: 740 });
    await checkScreen(page, 'update-ready');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Still the same page: nothing reloaded it while the notice waited.
    expect(await page.evaluate(() => 'updateTestSamePage' in window)).toBe(true);
    await expect(release(page)).toHaveAttribute('content', 'release-1');

    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await expect(release(page)).toHaveAttribute('content', 'release-2');
    expect(await page.evaluate(() => 'updateTestSamePage' in window)).toBe(false);
    await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
    await expect(notice).toHaveCount(0);
    // The new worker is in charge, holding the new page for the next start with no network.
    const { waiting, pages } = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const held: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) held.push(request.url);
      return {
        waiting: registration?.waiting ?? null,
        pages: held.filter((url) => url.includes('/index.html')),
      };
    });
    expect(waiting).toBeNull();
    expect(pages).toEqual([`${ORIGIN}/index.html?__WB_REVISION__=${precachedPageRevision('release-2')}`]);
  } finally {
    await stop(server);
  }
});
