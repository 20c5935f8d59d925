import { describe, expect, it, vi } from 'vitest';
import type { ProviderConfig } from '@/config/app-config.ts';
import { createSandbox } from '../../sandbox/create-sandbox.ts';
import { approve } from '../../sandbox/test-support.ts';
import { callbackUrlFor, completeSignIn, createAuthorizationRequest } from './spa-sign-in.ts';
import { SpaTokenStore } from './spa-token-store.ts';

const APP = 'http://127.0.0.1:5173';
const OAUTH = 'http://127.0.0.1:5181';
const API = 'http://127.0.0.1:5182';

/** A signed-in spa session against the real sandbox in-process, whose tokens live `ttl` seconds. */
async function signedIn(ttl: number) {
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
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    const href = String(url);
    if (href.startsWith(OAUTH)) {
      if (String(init?.body ?? '').includes('grant_type=refresh_token')) refreshes.push(href);
      return sandbox.oauthApp.request(href, init);
    }
    return sandbox.apiApp.request(href, init);
  }) as typeof fetch;
  const provider: ProviderConfig = {
    kind: 'sandbox',
    name: 'Pipedrive sandbox',
    issuer: OAUTH,
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
  const store = new SpaTokenStore(provider, session, { now, fetch: fetchImpl, onSessionEnded });
  return { sandbox, store, refreshes, onSessionEnded, advance: (ms: number) => (time += ms) };
}

describe('SpaTokenStore', () => {
  it('refreshes an expiring token once, however many requests are waiting', async () => {
    const { store, refreshes, advance } = await signedIn(120);
    const before = store.current.accessToken;
    advance(90_000); // inside the refresh margin, not yet expired
    const transport = store.transport();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => transport({ method: 'GET', path: '/api/v1/users/me' })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(refreshes).toHaveLength(1);
    expect(store.current.accessToken).not.toBe(before);
  });

  it('refreshes and retries once after a 401', async () => {
    const { store, refreshes, advance } = await signedIn(120);
    advance(121_000); // expired: the first call is refused, refreshed, and retried
    const response = await store.transport()({ method: 'GET', path: '/api/v1/users/me' });
    expect(response.status).toBe(200);
    expect(refreshes).toHaveLength(1);
  });

  it('says the session has ended when the refresh token no longer works', async () => {
    const { sandbox, store, onSessionEnded, advance } = await signedIn(120);
    sandbox.store.auth.revoke(store.current.refreshToken ?? '', sandbox.clients.public.clientId);
    advance(121_000);
    const response = await store.transport()({ method: 'GET', path: '/api/v1/users/me' });
    expect(response.status).toBe(401);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });
});
