import { REFRESH_RETRY_DELAYS_MS } from '@common/oauth/refresh-outcome.ts';
import { describe, expect, it, vi } from 'vitest';
import type { ProviderConfig } from '@/config/app-config.ts';
import { ProviderBusyError, ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { createSandbox } from '../../sandbox/create-sandbox.ts';
import { SandboxConnectionDropped } from '../../sandbox/faults/fault-injection.ts';
import type { RefreshFault } from '../../sandbox/faults/refresh-faults.ts';
import { approve } from '../../sandbox/testing/test-support.ts';
import { callbackUrlFor, completeSignIn, createAuthorizationRequest } from './spa-sign-in.ts';
import { SpaTokenStore } from './spa-token-store.ts';

const APP = 'http://127.0.0.1:5173';
const OAUTH = 'http://127.0.0.1:5181';
const API = 'http://127.0.0.1:5182';
const ME = { method: 'GET', path: '/api/v1/users/me' } as const;

/**
 * A signed-in spa session against the real sandbox in-process, whose tokens live `ttl` seconds.
 * `duringWait` runs while the store waits between two tries of a refresh.
 */
async function signedIn(ttl: number, duringWait: () => void = () => {}) {
  let time = Date.UTC(2026, 10, 22, 12);
  const now = () => time;
  const sandbox = createSandbox({
    oauthOrigin: OAUTH,
    apiOrigin: API,
    appOrigins: [APP],
    now,
    accessTokenTtlSeconds: ttl,
  });
  const refreshes: string[] = [];
  /** While down, this tab's calls to the token endpoint fail as fetch does offline: it rejects. */
  const network = { down: false };
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    if (!href.startsWith(OAUTH)) return sandbox.apiApp.request(href, init);
    if (String(init?.body ?? '').includes('grant_type=refresh_token')) refreshes.push(href);
    if (network.down) throw new TypeError('Failed to fetch');
    try {
      return await sandbox.oauthApp.request(href, init);
    } catch (error) {
      // Over HTTP a dropped connection makes fetch reject with a TypeError; in-process it is this.
      if (error instanceof SandboxConnectionDropped) throw new TypeError('Failed to fetch');
      throw error;
    }
  }) as typeof fetch;
  const provider: ProviderConfig = {
    kind: 'sandbox',
    name: 'Pipedrive sandbox',
    issuer: OAUTH,
    requireIss: false,
    authorizationEndpoint: `${OAUTH}/oauth/authorize`,
    tokenEndpoint: `${OAUTH}/oauth/token`,
    revocationEndpoint: `${OAUTH}/oauth/revoke`,
    clientId: sandbox.clients.public.clientId,
    apiOrigins: [API],
  };
  const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP));
  const callback = await approve(sandbox, Object.fromEntries(url.searchParams));
  const session = await completeSignIn(provider, callback, pending, { fetch: fetchImpl, now });
  const onSessionEnded = vi.fn();
  // The waits between tries are recorded, not sat through.
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
    duringWait();
  };
  const store = new SpaTokenStore(provider, session, { now, fetch: fetchImpl, onSessionEnded, sleep });
  /** The sandbox's own refresh faults (SANDBOX-ONLY): the next `times` refresh grants fail as told. */
  const failRefreshes = (times: number, fault: RefreshFault) =>
    sandbox.store.auth.failNextRefreshes(times, undefined, fault);
  return {
    sandbox,
    store,
    refreshes,
    waits,
    onSessionEnded,
    failRefreshes,
    network,
    advance: (ms: number) => (time += ms),
  };
}

function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should have failed'),
    (error: unknown) => error,
  );
}

/** The first try and one after each delay. */
const TRIES = REFRESH_RETRY_DELAYS_MS.length + 1;

describe('SpaTokenStore', () => {
  it('refreshes an expiring token once, however many requests are waiting', async () => {
    const { store, refreshes, advance } = await signedIn(120);
    const before = store.current.accessToken;
    advance(90_000); // inside the refresh margin, not yet expired
    const transport = store.transport();
    const responses = await Promise.all(Array.from({ length: 20 }, () => transport(ME)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(refreshes).toHaveLength(1);
    expect(store.current.accessToken).not.toBe(before);
  });

  it('refreshes and retries once after a 401', async () => {
    const { store, refreshes, advance } = await signedIn(120);
    advance(121_000); // expired: the first call is refused, refreshed, and retried
    const response = await store.transport()(ME);
    expect(response.status).toBe(200);
    expect(refreshes).toHaveLength(1);
  });
});

describe('a network blip during a refresh does not end the session (spa mode reads failures as the server does)', () => {
  it('a refresh whose fetch rejects once is retried, the call goes through, and the session never ends', async () => {
    // The network is back by the first retry: one blip.
    const setup = await signedIn(120, () => {
      setup.network.down = false;
    });
    setup.advance(121_000);
    setup.network.down = true;
    expect((await setup.store.transport()(ME)).status).toBe(200);
    expect(setup.waits).toEqual(REFRESH_RETRY_DELAYS_MS.slice(0, 1));
    expect(setup.refreshes).toHaveLength(2);
    expect(setup.onSessionEnded).not.toHaveBeenCalled();
  });

  it('a refresh whose fetch rejects on every try fails the call as "not answering" and keeps the session, whose refresh token works once the network is back', async () => {
    const { store, refreshes, onSessionEnded, network, advance } = await signedIn(120);
    const refreshToken = store.current.refreshToken;
    advance(121_000);
    network.down = true;
    expect(await failure(store.transport()(ME))).toBeInstanceOf(ProviderUnavailableError);
    expect(refreshes).toHaveLength(TRIES);
    expect(onSessionEnded).not.toHaveBeenCalled();
    expect(store.current.refreshToken).toBe(refreshToken);

    network.down = false;
    expect((await store.transport()(ME)).status).toBe(200);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('a refresh refused with invalid_grant ends the session, once, without a retry', async () => {
    const { store, refreshes, waits, onSessionEnded, failRefreshes, advance } = await signedIn(120);
    failRefreshes(1, { kind: 'invalid_grant' });
    advance(121_000);
    expect((await store.transport()(ME)).status).toBe(401);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(refreshes).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

describe('a refresh that fails', () => {
  it('invalid_grant (the refresh token was revoked) ends the session at once, without retrying', async () => {
    const { sandbox, store, refreshes, waits, onSessionEnded, advance } = await signedIn(120);
    sandbox.store.auth.revoke(store.current.refreshToken ?? '', sandbox.clients.public.clientId);
    advance(121_000);
    const response = await store.transport()(ME);
    expect(response.status).toBe(401);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(refreshes).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('Pipedrive’s own invalid_grant body ends it too', async () => {
    const { store, refreshes, onSessionEnded, failRefreshes, advance } = await signedIn(120);
    failRefreshes(1, { kind: 'invalid_grant' });
    advance(121_000);
    expect((await store.transport()(ME)).status).toBe(401);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(refreshes).toHaveLength(1);
  });

  it('a 429 keeps the session and fails calls as busy, without asking again, until Retry-After has passed', async () => {
    const { store, refreshes, waits, onSessionEnded, failRefreshes, advance } = await signedIn(120);
    failRefreshes(1, { kind: 'rate_limited', retryAfterSeconds: 7 });
    advance(121_000);
    const error = await failure(store.transport()(ME));
    expect(error).toBeInstanceOf(ProviderBusyError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 7 });
    expect(refreshes).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(onSessionEnded).not.toHaveBeenCalled();

    // Until Retry-After has passed the token endpoint is left alone, as the app server does.
    advance(3_000);
    expect(await failure(store.transport()(ME))).toMatchObject({ status: 429, retryAfterSeconds: 4 });
    expect(refreshes).toHaveLength(1);

    // The session is intact: once Pipedrive has room again the same refresh token works.
    advance(4_000);
    expect((await store.transport()(ME)).status).toBe(200);
    expect(refreshes).toHaveLength(2);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  for (const fault of [
    { kind: 'server_error', status: 503 },
    { kind: 'html_bad_gateway' },
    { kind: 'dropped' },
  ] satisfies RefreshFault[]) {
    it(`${fault.kind} is retried after each of the delays, once for all waiting calls, then fails as "not answering"`, async () => {
      const { store, refreshes, waits, onSessionEnded, failRefreshes, advance } = await signedIn(120);
      failRefreshes(TRIES, fault);
      const before = store.current;
      advance(121_000);
      const transport = store.transport();
      const errors = await Promise.all(Array.from({ length: 5 }, () => failure(transport(ME))));
      for (const error of errors) {
        expect(error).toBeInstanceOf(ProviderUnavailableError);
        expect((error as Error).message).toBe(
          'Pipedrive is not answering. Your lead is kept; try again in a moment.',
        );
      }
      expect(waits).toEqual([...REFRESH_RETRY_DELAYS_MS]);
      expect(refreshes).toHaveLength(TRIES);
      expect(onSessionEnded).not.toHaveBeenCalled();
      expect(store.current).toBe(before);
    });
  }

  it('succeeds on a later try after transient failures, and the call goes through', async () => {
    const { store, refreshes, waits, onSessionEnded, failRefreshes, advance } = await signedIn(120);
    failRefreshes(2, { kind: 'dropped' });
    const before = store.current.accessToken;
    advance(121_000);
    expect((await store.transport()(ME)).status).toBe(200);
    expect(waits).toEqual(REFRESH_RETRY_DELAYS_MS.slice(0, 2));
    expect(refreshes).toHaveLength(3);
    expect(store.current.accessToken).not.toBe(before);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('before expiry, a failed early refresh still sends the call with the token that works', async () => {
    const { store, refreshes, failRefreshes, advance } = await signedIn(120);
    failRefreshes(TRIES, { kind: 'server_error' });
    advance(90_000); // inside the refresh margin, not yet expired
    expect((await store.transport()(ME)).status).toBe(200);
    expect(refreshes).toHaveLength(TRIES);
  });

  it('a grant refused after a transient failure still ends the session', async () => {
    // While Pipedrive is down, the rep disconnects QuickLead elsewhere.
    const disconnectElsewhere = () =>
      setup.sandbox.store.auth.revoke(
        setup.store.current.refreshToken ?? '',
        setup.sandbox.clients.public.clientId,
      );
    const setup = await signedIn(120, () => disconnectElsewhere());
    setup.failRefreshes(1, { kind: 'server_error' });
    setup.advance(121_000);
    expect((await setup.store.transport()(ME)).status).toBe(401);
    expect(setup.waits).toEqual(REFRESH_RETRY_DELAYS_MS.slice(0, 1));
    expect(setup.refreshes).toHaveLength(2);
    expect(setup.onSessionEnded).toHaveBeenCalledTimes(1);
  });
});
