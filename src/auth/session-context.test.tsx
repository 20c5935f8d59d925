import { BFF_PATHS } from '@common/bff-contract.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '@/config/app-config.ts';
import { sandboxProvider, TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import type { Session } from './session.ts';
import { SessionProvider, type SessionState, useSession } from './session-context.tsx';

const DRAFT_KEY = 'quicklead.lead-draft.v1';
const CARD_KEY = 'quicklead.created-lead.v1';
const SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'];

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

/** Renders the provider and hands back its current value, read after every render. */
function renderSession(config: AppConfig) {
  const current: { value?: ReturnType<typeof useSession> } = {};
  function Probe() {
    current.value = useSession();
    return null;
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SessionProvider config={config}>
        <Probe />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return () => {
    if (!current.value) throw new Error('no session value yet');
    return current.value;
  };
}

/** `spa` mode against the in-process sandbox; `revokeAnswer` stands in for the revocation endpoint. */
function spaSetup(revokeAnswer?: () => Response) {
  const { sandbox, provider, sandboxFetch } = sandboxProvider();
  const revocations: string[] = [];
  vi.stubGlobal('fetch', ((input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === provider.revocationEndpoint) {
      revocations.push(new URLSearchParams(String(init?.body)).get('token_type_hint') ?? '');
      if (revokeAnswer) return Promise.resolve(revokeAnswer());
    }
    return sandboxFetch(input, init);
  }) as typeof fetch);
  const issued = sandbox.store.auth.issueTokens({
    clientId: provider.clientId,
    userId: sandbox.store.crm.users[0]?.id ?? 0,
    scopes: SCOPES,
  });
  const session: Session = {
    accessToken: issued.accessToken.token,
    refreshToken: issued.refreshToken.token,
    expiresAt: Date.now() + 3_600_000,
    scopes: SCOPES,
    apiDomain: TEST_ORIGINS.api,
  };
  const config: AppConfig = {
    modes: ['spa'],
    provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
    spa: provider,
    inspector: false,
  };
  const stillInstalled = () =>
    sandbox.store.auth.findRefreshToken(issued.refreshToken.token, provider.clientId);
  return { config, session, revocations, stillInstalled };
}

describe('spa mode', () => {
  it('Sign out forgets the tokens, the draft and the kept card, and revokes nothing: the app stays installed', async () => {
    const { config, session, revocations, stillInstalled } = spaSetup();
    const value = renderSession(config);
    await act(() => value().signedIn(session));
    sessionStorage.setItem(DRAFT_KEY, '{"title":"Prospect"}');
    sessionStorage.setItem(CARD_KEY, '{"lead":{"id":"a1","title":"Prospect"},"picks":{}}');

    await act(() => value().signOut());

    expect(value().state.status).toBe('signed-out');
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
    expect(sessionStorage.getItem(CARD_KEY)).toBeNull();
    expect(revocations).toEqual([]);
    expect(stillInstalled()).toBeDefined();
  });

  it('Disconnect revokes the refresh token, then the access token, then signs out as Sign out does', async () => {
    const { config, session, revocations, stillInstalled } = spaSetup();
    const value = renderSession(config);
    await act(() => value().signedIn(session));
    expect(value().canDisconnect).toBe(true);
    sessionStorage.setItem(DRAFT_KEY, '{"title":"Prospect"}');

    await act(() => value().disconnect());

    expect(revocations).toEqual(['refresh_token', 'access_token']);
    expect(stillInstalled()).toBeUndefined();
    expect(value().state.status).toBe('signed-out');
    expect(sessionStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('a Disconnect the provider does not confirm fails and leaves the rep signed in, draft kept', async () => {
    const { config, session, stillInstalled } = spaSetup(() => new Response('Bad Gateway', { status: 502 }));
    const value = renderSession(config);
    await act(() => value().signedIn(session));
    sessionStorage.setItem(DRAFT_KEY, '{"title":"Prospect"}');

    await act(() => expect(value().disconnect()).rejects.toThrow());

    expect(value().state.status).toBe('signed-in');
    expect(sessionStorage.getItem(DRAFT_KEY)).toBe('{"title":"Prospect"}');
    expect(stillInstalled()).toBeDefined();
  });

  it('offers no Disconnect when the provider has no revocation endpoint', async () => {
    const { config, session } = spaSetup();
    const value = renderSession({
      ...config,
      spa: config.spa && { ...config.spa, revocationEndpoint: undefined },
    });
    await act(() => value().signedIn(session));
    expect(value().canDisconnect).toBe(false);
  });
});

describe('bff mode', () => {
  /** The app server's answers; `logout` may throw, as a fetch does when the request never arrives. */
  function bffSetup(
    disconnectStatus = 204,
    logout: () => Response = () => new Response(null, { status: 204 }),
  ) {
    const posts: string[] = [];
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      const path = String(input);
      if (path === BFF_PATHS.session)
        return Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
      if (init?.method === 'POST') posts.push(path);
      if (path === BFF_PATHS.logout) return logout();
      return new Response(null, { status: path === BFF_PATHS.disconnect ? disconnectStatus : 204 });
    }) as typeof fetch);
    const config: AppConfig = {
      modes: ['bff'],
      provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
      inspector: false,
    };
    return { config, posts };
  }

  it('signed in, the settings every signed-in screen reads first are sent at once, each once', async () => {
    const reads: string[] = [];
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL) => {
      const path = String(input);
      if (path === BFF_PATHS.session)
        return Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
      reads.push(new URL(path).pathname + new URL(path).search);
      return Response.json({ success: true, data: [] });
    }) as typeof fetch);
    const value = renderSession({
      modes: ['bff'],
      provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
      inspector: false,
    });
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    expect(reads).toEqual([
      '/api/pipedrive/api/v1/users/me',
      '/api/pipedrive/api/v1/leadLabels',
      '/api/pipedrive/api/v1/dealFields?start=0&limit=500',
    ]);

    // The screens' own read of the labels takes the early answer: nothing more is sent.
    const { transport } = value().state as Extract<SessionState, { status: 'signed-in' }>;
    await transport({ method: 'GET', path: '/api/v1/leadLabels' });
    expect(reads).toHaveLength(3);
  });

  it('with a scope missing nothing is read early: the screens will only say what is missing', async () => {
    const reads: string[] = [];
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL) => {
      const path = String(input);
      if (path !== BFF_PATHS.session) reads.push(path);
      return Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: ['base', 'leads:full'] });
    }) as typeof fetch);
    const value = renderSession({
      modes: ['bff'],
      provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
      inspector: false,
    });
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    expect(reads).toEqual([]);
  });

  it('Sign out asks the server to end the session only (POST /auth/logout)', async () => {
    const { config, posts } = bffSetup();
    const value = renderSession(config);
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    await act(() => value().signOut());
    expect(posts).toEqual([BFF_PATHS.logout]);
    expect(value().state.status).toBe('signed-out');
  });

  it.each([
    ['the server answers 503', () => Response.json({ success: false }, { status: 503 })],
    ['the server answers 403', () => Response.json({ success: false, error: 'forbidden' }, { status: 403 })],
    [
      'the request never arrives (network error)',
      () => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ])(
    'sign-out fails open: when %s, the rep stays signed in with the draft and is told it did not complete',
    async (_, logout) => {
      const { config, posts } = bffSetup(204, logout);
      const value = renderSession(config);
      await waitFor(() => expect(value().state.status).toBe('signed-in'));
      sessionStorage.setItem(DRAFT_KEY, '{"title":"Prospect"}');

      await act(() => value().signOut());

      expect(posts).toEqual([BFF_PATHS.logout]);
      // Not "signed out": the server session may still be alive, and a reload would find it.
      expect(value().state.status).toBe('signed-in');
      expect(value().signOutFailed).toBe(true);
      expect(sessionStorage.getItem(DRAFT_KEY)).toBe('{"title":"Prospect"}');
    },
  );

  it('a sign-out retried after a failure signs out once the server confirms it', async () => {
    let answer = () => new Response(null, { status: 502 });
    const { config, posts } = bffSetup(204, () => answer());
    const value = renderSession(config);
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    await act(() => value().signOut());
    expect(value().signOutFailed).toBe(true);

    answer = () => new Response(null, { status: 204 });
    await act(() => value().signOut());
    expect(posts).toEqual([BFF_PATHS.logout, BFF_PATHS.logout]);
    expect(value().state.status).toBe('signed-out');
    expect(value().signOutFailed).toBe(false);
  });

  it('Disconnect asks the server to revoke (POST /auth/disconnect), then signs out', async () => {
    const { config, posts } = bffSetup();
    const value = renderSession(config);
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    expect(value().canDisconnect).toBe(true);
    await act(() => value().disconnect());
    expect(posts).toEqual([BFF_PATHS.disconnect]);
    expect(value().state.status).toBe('signed-out');
  });

  it('a Disconnect the server refuses fails and leaves the rep signed in', async () => {
    const { config, posts } = bffSetup(502);
    const value = renderSession(config);
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    await act(() => expect(value().disconnect()).rejects.toThrow());
    expect(posts).toEqual([BFF_PATHS.disconnect]);
    expect(value().state.status).toBe('signed-in');
  });

  it('a session check the server cannot answer (503 session_store_unavailable) is not a sign-out: the state is unknown until the server answers', async () => {
    let storeDown = true;
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL) => {
      if (String(input) !== BFF_PATHS.session) return new Response(null, { status: 404 });
      return storeDown
        ? Response.json({ success: false, error: 'session_store_unavailable' }, { status: 503 })
        : Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
    }) as typeof fetch);
    sessionStorage.setItem(DRAFT_KEY, '{"title":"Prospect"}');
    const value = renderSession({
      modes: ['bff'],
      provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
      inspector: false,
    });
    await waitFor(() => expect(value().state.status).toBe('unknown'));
    expect(sessionStorage.getItem(DRAFT_KEY)).toBe('{"title":"Prospect"}');

    storeDown = false;
    act(() => value().recheck());
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
  });
});
