import { BFF_PATHS } from '@common/bff-contract.ts';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '@/config/app-config.ts';
import { TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import { App } from './app.tsx';

const DRAFT_KEY = 'quicklead.lead-draft.v1';
const SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'];
const CONFIG: AppConfig = {
  modes: ['bff'],
  provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
  inspector: false,
};

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

/**
 * The whole app in `bff` mode, signed in, with the app server's answers stood in for: the sign-out
 * answers with `logout()` (which may throw, as a fetch does when the request never arrives), and
 * the Pipedrive settings stay loading, so the signed-in screen stays as it is.
 */
function renderSignedIn(logout: () => Response) {
  const posts: string[] = [];
  vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    if (path === BFF_PATHS.session)
      return Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
    if (path === BFF_PATHS.logout && init?.method === 'POST') {
      posts.push(path);
      return logout();
    }
    return new Promise<Response>(() => {});
  }) as typeof fetch);
  render(<App config={CONFIG} />);
  return { posts, user: userEvent.setup() };
}

async function signOutFromMenu(user: ReturnType<typeof userEvent.setup>) {
  // The signed-in screens are a lazy chunk: its first import in a test file takes a moment.
  await user.click(await screen.findByRole('button', { name: 'Account' }, { timeout: 5000 }));
  await user.click(screen.getByRole('button', { name: 'Sign out' }));
}

describe('a sign-out that does not complete', () => {
  it.each([
    ['the server answers 500', () => new Response('Internal Server Error', { status: 500 })],
    [
      'the request never arrives',
      () => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ])(
    'sign-out fails open: when %s, the page says it did not complete, keeps the rep signed in with the draft, and offers Retry',
    async (_, logout) => {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ title: 'Typed before' }));
      const { posts, user } = renderSignedIn(logout);

      await signOutFromMenu(user);

      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(/Sign-out did not complete/);
      expect(alert.textContent).toMatch(/still signed in/);
      expect(within(alert).getByRole('button', { name: 'Retry sign-out' }).hasAttribute('disabled')).toBe(
        false,
      );
      expect(posts).toEqual([BFF_PATHS.logout]);
      // Still the signed-in screen, not the sign-in page, and the draft is where it was.
      expect(screen.getByRole('button', { name: 'Account' }).hasAttribute('disabled')).toBe(false);
      expect(screen.queryByRole('button', { name: 'Sign in with Pipedrive sandbox' })).toBeNull();
      expect(sessionStorage.getItem(DRAFT_KEY)).toBe(JSON.stringify({ title: 'Typed before' }));
    },
  );

  it('Retry signs out once the server confirms it', async () => {
    let answer = () => new Response(null, { status: 503 });
    const { posts, user } = renderSignedIn(() => answer());
    await signOutFromMenu(user);
    const retry = within(await screen.findByRole('alert')).getByRole('button', { name: 'Retry sign-out' });

    answer = () => new Response(null, { status: 204 });
    await user.click(retry);

    expect(
      (await screen.findByRole('button', { name: 'Sign in with Pipedrive sandbox' })).hasAttribute(
        'disabled',
      ),
    ).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(posts).toEqual([BFF_PATHS.logout, BFF_PATHS.logout]);
  });
});
