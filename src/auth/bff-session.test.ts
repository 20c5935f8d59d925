import { describe, expect, it } from 'vitest';
import { authorize, callback, createHarness } from '../../server/testing/harness.ts';
import { safeReturnPath, startBffSignIn } from './bff-session.ts';

const ORIGIN = 'https://leads.example.com';

/** What the server (and any URL parser) makes of a path: resolved on the origin, dot segments gone. */
function normalised(path: string): string {
  const url = new URL(path, ORIGIN);
  return `${url.pathname}${url.search}${url.hash}`;
}

describe('the browser’s return path after sign-in', () => {
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

describe('startBffSignIn (the sign-in button in bff mode)', () => {
  it('starts the sign-in with a POST carrying the CSRF header, then goes where the app server says', async () => {
    const h = createHarness();
    const sent: RequestInit[] = [];
    const visited: string[] = [];
    await startBffSignIn(
      '/leads?x=1',
      (input, init) => {
        sent.push(init ?? {});
        return h.request(String(input), init);
      },
      (url) => visited.push(url),
      h.config.publicUrl,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('POST');
    expect(new Headers(sent[0]?.headers).get('x-quicklead-csrf')).toBe('1');
    expect(visited).toHaveLength(1);
    const authorizeUrl = new URL(visited[0] ?? '');
    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(h.config.provider.authorizationEndpoint);
    // The sign-in it started completes, back where the rep was.
    const done = await callback(h, await authorize(h, authorizeUrl));
    expect(done.headers.get('location')).toBe('/leads?x=1');
  });

  it('goes nowhere when the app server refuses, so the button can be pressed again', async () => {
    const visited: string[] = [];
    const refused = async () => new Response('{"success":false}', { status: 403 });
    await expect(startBffSignIn('/', refused, (url) => visited.push(url), ORIGIN)).rejects.toThrow('403');
    expect(visited).toEqual([]);
  });
});
