import { describe, expect, it } from 'vitest';
import { authorize, callback, createHarness } from '../../server/test-harness.ts';
import { startBffSignIn } from './bff-session.ts';

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
    await expect(startBffSignIn('/', refused, (url) => visited.push(url))).rejects.toThrow('403');
    expect(visited).toEqual([]);
  });
});
