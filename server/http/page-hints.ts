import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'hono';
import { APP_CONFIG_PATH } from '../../common/app-config.ts';
import { BFF_PATHS } from '../../common/bff-contract.ts';

/** What Vite's build manifest (dist/.vite/manifest.json) says of a chunk. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The app's entry: the page's own tags already load it and its static imports. */
const ENTRY = 'index.html';
/** Loaded before the app renders, when the inspector is on. */
const RECORDER = 'src/inspector/recording.ts';
/** Everything behind sign-in. */
const SIGNED_IN_APP = 'src/app/signed-in-app.tsx';

export interface PageHintSettings {
  /** `bff` is offered: the app's first question to the server is whether this browser has a session. */
  sessionCheck: boolean;
  /** The inspector is on: the app loads its recorder before it renders anything. */
  inspector: boolean;
  /** Whether the request carries a session cookie (valid or not: this is only a hint). */
  hasSessionCookie: (c: Context) => boolean;
}

/** The `Link` values that preload a lazily imported chunk, its imports and its stylesheets. */
function chunkPreloads(
  manifest: Manifest,
  source: string,
  { alreadyLoaded = new Set<string>(), withStyles = true } = {},
): string[] {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || alreadyLoaded.has(key) || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    if (withStyles) for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(source);
  // `crossorigin` as Vite's own preloads have it, so the requests the app makes later match these.
  return [
    ...[...scripts].map((file) => `</${file}>; rel=modulepreload; crossorigin`),
    ...[...styles].map((file) => `</${file}>; rel=preload; as=style; crossorigin`),
  ];
}

/**
 * `Link` headers for the app's page: what the app will ask for as soon as its JavaScript runs, the
 * browser starts fetching with the page itself. Without them each is a round trip after the last
 * on a phone's network: the page, then its script, then the session check and the recorder, then
 * (signed in) the signed-in chunk, then the account's settings. The server knows what the page will
 * need: whether it offers `bff` (the session check), whether the inspector is on (its recorder),
 * and whether the browser sent a session cookie (then the signed-in chunk is all but certain; with a
 * dead cookie it is fetched for the sign-in that follows). Chunk names come from the build's
 * manifest; without one, only the configuration and the session check are hinted.
 */
export function pageHints(root: string, settings: PageHintSettings): (c: Context) => string[] {
  let manifest: Manifest = {};
  try {
    manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    // No build metadata: the page still works, one round trip at a time.
  }
  // What the page's own tags load (the entry and its imports) is named first, so that on a
  // connection-limited network (HTTP/1.1: six per origin) the hints never queue the app's own script.
  // Its stylesheet is not: the build inlines it into the page (scripts/inline-entry-css.ts).
  const entry = chunkPreloads(manifest, ENTRY, { withStyles: false });
  const loadedByEntry = new Set([ENTRY, ...(manifest[ENTRY]?.imports ?? [])]);
  const always = [
    ...entry,
    `<${APP_CONFIG_PATH}>; rel=preload; as=fetch; crossorigin`,
    ...(settings.sessionCheck ? [`<${BFF_PATHS.session}>; rel=preload; as=fetch; crossorigin`] : []),
    ...(settings.inspector ? chunkPreloads(manifest, RECORDER, { alreadyLoaded: loadedByEntry }) : []),
  ];
  const signedIn = chunkPreloads(manifest, SIGNED_IN_APP, { alreadyLoaded: loadedByEntry });
  return (c) => (settings.sessionCheck && settings.hasSessionCookie(c) ? [...always, ...signedIn] : always);
}
