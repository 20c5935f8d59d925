/**
 * Bytes over the wire per page load, from Chromium's own network accounting: CDP
 * `Network.loadingFinished`'s `encodedDataLength`, what was received for a request (headers and
 * the body as sent, compressed), 0 when the cache answered. Split by what the browser fetched.
 */
import type { Browser, Page } from '@playwright/test';
import { APP, signIn } from './app-under-test.ts';

const KINDS = ['document', 'scripts', 'styles', 'API answers', 'other'] as const;
type Kind = (typeof KINDS)[number];

/** CDP's resource types, as rows a person reads. */
function kindOf(resourceType: string | undefined): Kind {
  switch (resourceType) {
    case 'Document':
      return 'document';
    case 'Script':
      return 'scripts';
    case 'Stylesheet':
      return 'styles';
    // The configuration, the session and Pipedrive's answers (and in spa mode their preflights).
    case 'Fetch':
    case 'XHR':
    case 'Preflight':
      return 'API answers';
    default:
      return 'other';
  }
}

interface Tally {
  bytes: number;
  requests: number;
  /** Answered from the browser's cache without a request. */
  fromCache: number;
  /** Answered 304 Not Modified: the cached copy was still good, only headers came. */
  notModified: number;
}

interface PageLoad {
  page: string;
  load: 'cold' | 'warm';
  byKind: Record<Kind, Tally>;
}

/** Counts what the page fetches while `run` loads it, until the network has been quiet 500 ms. */
async function networkCounter(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const kinds = new Map<string, Kind>();
  const received = new Map<string, number>();
  const fromCache = new Set<string>();
  const notModified = new Set<string>();
  cdp.on('Network.requestWillBeSent', (event) => {
    // Icons inlined in the CSS: nothing goes over the wire.
    if (!event.request.url.startsWith('data:')) kinds.set(event.requestId, kindOf(event.type));
  });
  cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
  cdp.on('Network.responseReceived', (event) => {
    if (event.response.fromDiskCache || event.response.fromPrefetchCache) fromCache.add(event.requestId);
  });
  // A revalidated response is reported as the cached 200; the status on the wire is here.
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    if (event.statusCode === 304) notModified.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => received.set(event.requestId, event.encodedDataLength));

  return async (name: string, load: PageLoad['load'], run: () => Promise<unknown>): Promise<PageLoad> => {
    for (const seen of [kinds, received, fromCache, notModified]) seen.clear();
    await run();
    await page.waitForLoadState('networkidle');
    const byKind = Object.fromEntries(
      KINDS.map((kind) => [kind, { bytes: 0, requests: 0, fromCache: 0, notModified: 0 }]),
    ) as Record<Kind, Tally>;
    for (const [id, kind] of kinds) {
      const tally = byKind[kind];
      tally.requests += 1;
      tally.bytes += received.get(id) ?? 0;
      if (fromCache.has(id)) tally.fromCache += 1;
      if (notModified.has(id)) tally.notModified += 1;
    }
    return { page: name, load, byKind };
  };
}

/**
 * The sign-in page and the signed-in form page (bff mode: spa mode keeps its tokens in memory, so
 * a reload is a sign-in page again), each loaded cold (a new browser context: empty cache) and then
 * reloaded warm (the cache kept, as when the rep comes back).
 */
export async function measurePageBytes(browser: Browser): Promise<PageLoad[]> {
  const loads: PageLoad[] = [];

  const signInContext = await browser.newContext();
  const signInPage = await signInContext.newPage();
  const signInShown = () => signInPage.getByRole('button', { name: /Sign in with/ }).waitFor();
  const countSignIn = await networkCounter(signInPage);
  loads.push(
    await countSignIn('sign-in page', 'cold', async () => {
      await signInPage.goto(`${APP}/`);
      await signInShown();
    }),
  );
  loads.push(
    await countSignIn('sign-in page', 'warm', async () => {
      await signInPage.reload();
      await signInShown();
    }),
  );

  // Signed in there, then the session cookie alone carried into a context with an empty cache.
  await signIn(signInPage, 'bff');
  const formContext = await browser.newContext({ storageState: await signInContext.storageState() });
  await signInContext.close();
  const formPage = await formContext.newPage();
  const formShown = () => formPage.getByRole('heading', { name: 'New lead' }).waitFor();
  const countForm = await networkCounter(formPage);
  loads.push(
    await countForm('form page (bff)', 'cold', async () => {
      await formPage.goto(`${APP}/`);
      await formShown();
    }),
  );
  loads.push(
    await countForm('form page (bff)', 'warm', async () => {
      await formPage.reload();
      await formShown();
    }),
  );
  await formContext.close();
  return loads;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function printPageBytes(loads: readonly PageLoad[]) {
  console.log(
    '\nBytes over the wire per page load (production build; Chromium network accounting: headers and compressed bodies)\n',
  );
  console.log(
    `${'page'.padEnd(16)} ${'load'.padEnd(5)} ${KINDS.map((kind) => kind.padStart(11)).join(' ')} ${'total'.padStart(10)} ${'requests'.padStart(9)} ${'cached'.padStart(7)} ${'304'.padStart(4)}`,
  );
  for (const { page, load, byKind } of loads) {
    const tallies = KINDS.map((kind) => byKind[kind]);
    const sum = (field: keyof Tally) => tallies.reduce((acc, tally) => acc + tally[field], 0);
    console.log(
      `${page.padEnd(16)} ${load.padEnd(5)} ${tallies.map((tally) => kB(tally.bytes).padStart(11)).join(' ')} ${kB(sum('bytes')).padStart(10)} ${String(sum('requests')).padStart(9)} ${String(sum('fromCache')).padStart(7)} ${String(sum('notModified')).padStart(4)}`,
    );
  }
  console.log(
    '(cold: a new browser context, nothing cached; warm: the same page reloaded. cached: answered by the cache, nothing sent; 304: asked, and the cached copy was still good)',
  );
}
