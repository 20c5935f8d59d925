import { BFF_PATHS } from '@common/bff-contract.ts';
import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '@/config/app-config.ts';
import { saveOfflineSettings } from '@/pipedrive/offline-settings.ts';
import { TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import { rememberSignedIn } from './offline-hint.ts';
import { SessionProvider, useSession } from './session-context.tsx';

const SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'];
const CONFIG: AppConfig = {
  modes: ['bff', 'spa'],
  provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
  inspector: false,
};
const HINT_KEY = 'quicklead.signed-in-before.v1';
const SETTINGS_KEY = 'quicklead.offline-settings.v1';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  onlineManager.setOnline(true);
});

/** What a bff session on this browser kept before: the hint and the first screen's settings. */
function signedInBefore() {
  rememberSignedIn({ mode: 'bff', userId: 7, companyId: 42, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
  const earlier = new QueryClient();
  earlier.setQueryData(['users', 'me'], { id: 7, name: 'Maria Lopez', company_id: 42 });
  earlier.setQueryData(['leadLabels', 'list'], []);
  earlier.setQueryData(['dealFields', 'list'], []);
  saveOfflineSettings(earlier, { userId: 7, companyId: 42 });
}

/** The app server as the session check meets it: unreachable (fetch rejects) until `answer` is set. */
function appServer() {
  const server: { answer?: () => Response } = {};
  vi.stubGlobal('fetch', (async (input: RequestInfo | URL) => {
    if (String(input) !== BFF_PATHS.session) return new Response(null, { status: 404 });
    if (!server.answer) throw new TypeError('Failed to fetch');
    return server.answer();
  }) as typeof fetch);
  return server;
}

function renderSession() {
  const client = new QueryClient();
  const current: { value?: ReturnType<typeof useSession> } = {};
  function Probe() {
    current.value = useSession();
    return null;
  }
  render(
    <QueryClientProvider client={client}>
      <SessionProvider config={CONFIG}>
        <Probe />
      </SessionProvider>
    </QueryClientProvider>,
  );
  const value = () => {
    if (!current.value) throw new Error('no session value yet');
    return current.value;
  };
  return { value, client };
}

describe('opened with no answer from the app server', () => {
  it('signed in here before: the form opens from what was kept, creates wait, and the next answer confirms the session and lets them go', async () => {
    signedInBefore();
    const server = appServer();
    const { value, client } = renderSession();
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    const state = value().state;
    expect(state.status === 'signed-in' && [state.mode, state.apiDomain, state.scopes]).toEqual([
      'bff',
      TEST_ORIGINS.api,
      SCOPES,
    ]);
    expect(client.getQueryData(['users', 'me'])).toEqual({ id: 7, name: 'Maria Lopez', company_id: 42 });
    // React Query holds every create and read until the server answers again.
    expect(onlineManager.isOnline()).toBe(false);

    server.answer = () => Response.json({ signedIn: true, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
    act(() => value().recheck());
    await waitFor(() => expect(onlineManager.isOnline()).toBe(true));
    expect(value().state).toMatchObject({ status: 'signed-in', mode: 'bff' });
    expect(value().sessionEnded).toBe(false);
  });

  it('the session ended meanwhile: back online the rep is asked to sign in again, the form left as it is, and nothing kept stays', async () => {
    signedInBefore();
    const server = appServer();
    const { value } = renderSession();
    await waitFor(() => expect(value().state.status).toBe('signed-in'));
    server.answer = () => Response.json({ signedIn: false });
    act(() => value().recheck());
    await waitFor(() => expect(value().sessionEnded).toBe(true));
    expect(value().state.status).toBe('signed-in');
    expect([localStorage.getItem(HINT_KEY), localStorage.getItem(SETTINGS_KEY)]).toEqual([null, null]);
  });

  it('nothing kept and the browser offline: the offline state, not a sign-out; the usual screens once it answers', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const server = appServer();
    const { value } = renderSession();
    await waitFor(() => expect(value().state.status).toBe('offline'));
    server.answer = () => Response.json({ signedIn: false });
    act(() => value().recheck());
    await waitFor(() => expect(value().state.status).toBe('signed-out'));
  });

  it('nothing kept and the browser online (the server down): unknown, as before', async () => {
    appServer();
    const { value } = renderSession();
    await waitFor(() => expect(value().state.status).toBe('unknown'));
  });

  it("a hint whose settings are gone, or another rep's, opens nothing", async () => {
    signedInBefore();
    rememberSignedIn({ mode: 'bff', userId: 8, companyId: 42, apiDomain: TEST_ORIGINS.api, scopes: SCOPES });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    appServer();
    const { value } = renderSession();
    await waitFor(() => expect(value().state.status).toBe('offline'));
  });
});
