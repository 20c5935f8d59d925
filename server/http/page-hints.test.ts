import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { type PageHintSettings, pageHints } from './page-hints.ts';

/** A build's manifest in miniature: the entry, the recorder and the signed-in chunk with a shared import. */
const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', imports: ['_shared-2.js'], css: ['assets/index-1.css'] },
  '_shared-2.js': { file: 'assets/shared-2.js' },
  '_dialog-3.js': { file: 'assets/dialog-3.js', imports: ['_shared-2.js'] },
  '_flow-log-4.js': { file: 'assets/flow-log-4.js' },
  'src/inspector/recording.ts': { file: 'assets/recording-5.js', imports: ['_flow-log-4.js'] },
  'src/app/signed-in-app.tsx': {
    file: 'assets/signed-in-app-6.js',
    imports: ['_shared-2.js', 'index.html', '_dialog-3.js'],
    css: ['assets/signed-in-app-6.css'],
  },
};

function buildWith(manifest: unknown): string {
  const root = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

const withCookie = { req: { header: () => 'quicklead-session=x' } } as unknown as Context;
const withoutCookie = { req: { header: () => undefined } } as unknown as Context;

function hintsFor(settings: Omit<PageHintSettings, 'hasSessionCookie'>, root = buildWith(MANIFEST)) {
  const hints = pageHints(root, {
    ...settings,
    hasSessionCookie: (c) => c.req.header('cookie') !== undefined,
  });
  return { signedIn: hints(withCookie), signedOut: hints(withoutCookie) };
}

// The page's own script and its import first (never its stylesheet: the build inlines that), then
// the configuration: what the page's tags and its first line of code ask for.
const PAGE = [
  '</assets/index-1.js>; rel=modulepreload; crossorigin',
  '</assets/shared-2.js>; rel=modulepreload; crossorigin',
  '</app-config.json>; rel=preload; as=fetch; crossorigin',
];
const SESSION = '</auth/session>; rel=preload; as=fetch; crossorigin';
const RECORDER = [
  '</assets/recording-5.js>; rel=modulepreload; crossorigin',
  '</assets/flow-log-4.js>; rel=modulepreload; crossorigin',
];
const SIGNED_IN = [
  '</assets/signed-in-app-6.js>; rel=modulepreload; crossorigin',
  '</assets/dialog-3.js>; rel=modulepreload; crossorigin',
  '</assets/signed-in-app-6.css>; rel=preload; as=style; crossorigin',
];

describe('page hints', () => {
  it('bff with the inspector: the session check and the recorder always, the signed-in chunk with a cookie', () => {
    const { signedIn, signedOut } = hintsFor({ sessionCheck: true, inspector: true });
    expect(signedOut).toEqual([...PAGE, SESSION, ...RECORDER]);
    // What the page's own tags load (the entry and its imports) is not named twice.
    expect(signedIn).toEqual([...PAGE, SESSION, ...RECORDER, ...SIGNED_IN]);
  });

  it('inspector off: no recorder, as the app then never loads it', () => {
    const { signedIn, signedOut } = hintsFor({ sessionCheck: true, inspector: false });
    expect(signedOut).toEqual([...PAGE, SESSION]);
    expect(signedIn).toEqual([...PAGE, SESSION, ...SIGNED_IN]);
  });

  it('spa only: no session check, and a cookie means nothing', () => {
    const { signedIn, signedOut } = hintsFor({ sessionCheck: false, inspector: false });
    expect(signedOut).toEqual(PAGE);
    expect(signedIn).toEqual(PAGE);
  });

  it('without a build manifest, only the configuration and the session check', () => {
    const root = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
    const { signedIn, signedOut } = hintsFor({ sessionCheck: true, inspector: true }, root);
    expect(signedOut).toEqual([PAGE[2], SESSION]);
    expect(signedIn).toEqual([PAGE[2], SESSION]);
  });
});
