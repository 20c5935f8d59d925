import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type ServeStaticOptions, serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { PRECOMPRESSED_FILE } from '../../common/precompressed-files.ts';

/** Vite puts a content hash in every `/assets/*` name, so a year is safe: a new build means new names. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** `index.html` names the current hashed assets, so it is revalidated on every load (and see below). */
const INDEX_CACHE = 'no-cache';
const OTHER_FILE_CACHE = 'public, max-age=3600';

/** The app's page, or the compressed twin sent in its place. */
const isIndexPage = (path: string) => /(^|[\\/])index\.html(?:\.br|\.gz)?$/.test(path);

/**
 * Files whose name stays the same from one build to the next while what they say changes with it:
 * the service worker (a browser that kept an old one for an hour would not hear of a new version
 * for that hour; browsers cap it at a day, still too long) and the web app manifest (name, icons,
 * share target). Revalidated on every request, like the page, at the cost of a 304.
 */
const isRevalidatedEveryTime = (path: string) =>
  isIndexPage(path) || /(^|[\\/])(?:sw\.js|manifest\.webmanifest)$/.test(path);

/** Workbox's runtime beside the service worker: named by a hash of its content, like `/assets/*`. */
const isHashedRootFile = (path: string) => /(^|[\\/])workbox-[0-9a-f]{8,}\.js$/.test(path);

function fileCache(path: string): string {
  if (isRevalidatedEveryTime(path)) return INDEX_CACHE;
  return isHashedRootFile(path) ? HASHED_ASSET_CACHE : OTHER_FILE_CACHE;
}

function notFound(c: Context): Response {
  return c.text('Not found', 404);
}

/**
 * Build metadata (dist/.vite: Vite's manifest and the chunk map `npm run size` reads) and any other
 * dot-file are for tooling, not for browsers.
 */
function isHiddenPath(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.'));
}

/** Paths the app server answers itself: never the SPA's index page, even when nothing matched. */
function isServerPath(path: string): boolean {
  return path === '/auth' || path.startsWith('/auth/') || path === '/api' || path.startsWith('/api/');
}

/** What a 304 carries of the 200 it stands for (RFC 9110, 15.4.5). */
const NOT_MODIFIED_HEADERS = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

/**
 * A validator for a file the browser asks about again (`index.html` on every load, the others once
 * their hour is up): a hash of the bytes sent, so the brotli and gzip twins each have their own. Not
 * the modification time: a deploy may keep or reset file times, and a new `index.html` differs from
 * the old one only in hashed names of the same length.
 */
async function entityTag(path: string): Promise<string> {
  return `"${createHash('sha256')
    .update(await readFile(path))
    .digest('base64url')}"`;
}

function matchesIfNoneMatch(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return (
    ifNoneMatch.trim() === '*' ||
    ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)
  );
}

function notModified(response: Response): Response {
  const headers = new Headers();
  for (const name of NOT_MODIFIED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}

/**
 * serveStatic with a Cache-Control chosen by file. Its `onFound` runs after the response is built,
 * too late for `c.header`, so the found path is noted and the header set on the returned response.
 * The path found is the twin sent (`index.html.br`); the Cache-Control is chosen for the file asked
 * for (`index.html`), whichever twin goes out. Files that are revalidated get an ETag, and a
 * request that names it gets a 304 without the body.
 */
function cachedFiles(
  options: ServeStaticOptions,
  cacheControl: (path: string) => string,
  { revalidated }: { revalidated: boolean },
  pageHints: (c: Context) => string[],
): MiddlewareHandler {
  const found = new WeakMap<Context, string>();
  // The build wrote a brotli and a gzip twin of every text file: the one the browser accepts is
  // sent as it is, with its own length, and nothing is compressed per request.
  const serve = serveStatic({
    ...options,
    precompressed: true,
    onFound: (path, c) => void found.set(c, path),
  });
  return async (c, next) => {
    const response = await serve(c, next);
    const sent = found.get(c);
    if (sent === undefined || !(response instanceof Response)) return response;
    const file = response.headers.has('Content-Encoding') ? sent.replace(/\.[^.\\/]+$/, '') : sent;
    response.headers.set('Cache-Control', cacheControl(file));
    // Which variant was sent depends on Accept-Encoding, whether or not it was compressed this time.
    if (PRECOMPRESSED_FILE.test(file) && !response.headers.get('Vary')?.includes('Accept-Encoding'))
      response.headers.append('Vary', 'Accept-Encoding');
    if (isIndexPage(file)) {
      const hints = pageHints(c);
      if (hints.length > 0) response.headers.set('Link', hints.join(', '));
      // The hints depend on the session cookie.
      response.headers.append('Vary', 'Cookie');
    }
    if (!revalidated || response.status !== 200) return response;
    const tag = await entityTag(sent);
    response.headers.set('ETag', tag);
    if (!matchesIfNoneMatch(c.req.header('If-None-Match'), tag)) return response;
    await response.body?.cancel();
    return notModified(response);
  };
}

/**
 * Serves the production build: hashed assets with a long cache, the service worker and the manifest
 * revalidated on every request, other files (robots.txt, the icons) cached for an hour, and `index.html` for every other GET so that SPA routes
 * such as `/callback` load the app, with `pageHints` (page-hints.ts) as its `Link` header.
 */
export function registerStaticFiles(
  app: Hono,
  root: string,
  pageHints: (c: Context) => string[] = () => [],
): void {
  // Never revalidated while cached: a new build names new files.
  app.use(
    '/assets/*',
    cachedFiles({ root }, () => HASHED_ASSET_CACHE, { revalidated: false }, pageHints),
  );
  // A missing hashed asset (an old tab after a deploy) must fail as a 404, not get HTML back.
  app.all('/assets/*', notFound);

  const files = cachedFiles({ root }, fileCache, { revalidated: true }, pageHints);
  app.use('*', (c, next) => {
    if (isHiddenPath(c.req.path)) return Promise.resolve(notFound(c));
    return isServerPath(c.req.path) ? next() : files(c, next);
  });

  const index = cachedFiles(
    { root, path: 'index.html' },
    () => INDEX_CACHE,
    { revalidated: true },
    pageHints,
  );
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const last = c.req.path.split('/').pop() ?? '';
    // A missing file (it has an extension) stays a 404; a route of the app gets the app.
    if (isServerPath(c.req.path) || last.includes('.')) return next();
    return index(c, next);
  });
}
