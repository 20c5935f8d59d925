import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './bff-session.ts';

const ORIGIN = 'https://leads.example.com';

/** What the server (and any URL parser) makes of a path: resolved on the origin, dot segments gone. */
function normalised(path: string): string {
  const url = new URL(path, ORIGIN);
  return `${url.pathname}${url.search}${url.hash}`;
}

describe('the browser’s return path after sign-in (SEC-REDIR-02)', () => {
  it.each([
    '//evil.example/phish',
    '/.//evil.example/phish',
    '/x/..//evil.example/phish',
    '/%2e//evil.example/phish',
    '/\\evil.example',
    '/\\\\evil.example',
    '/%2f%2fevil.example',
    '/%5cevil.example',
    '/\t/evil.example',
    '/.\n//evil.example',
    'https://evil.example',
  ])('open redirect: %j cannot become a path that leaves the app origin', (path) => {
    const returnTo = safeReturnPath(path, ORIGIN);
    // What was checked is what gets used: the path is already in the form the server redirects to...
    expect(normalised(returnTo)).toBe(returnTo);
    // ...and a browser sent there stays on the app's origin.
    expect(new URL(returnTo, `${ORIGIN}/auth/callback`).origin).toBe(ORIGIN);
  });

  it('keeps an ordinary path of the app as it is', () => {
    expect(safeReturnPath('/leads/new?x=1#f', ORIGIN)).toBe('/leads/new?x=1#f');
  });
});
