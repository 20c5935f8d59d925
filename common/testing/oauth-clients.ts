import {
  API_ORIGIN,
  APP_ORIGIN,
  approve,
  createClock,
  createTestSandbox,
} from '../../sandbox/testing/test-support.ts';
import type { ClientAuthentication } from '../oauth/client-authentication.ts';
import { OAuthClient } from '../oauth/oauth-client.ts';
import type { OAuthProviderProfile } from '../oauth/provider-profile.ts';

/**
 * Helpers for the OAuth client's tests (not a test file itself): the client in either role
 * against a real sandbox in-process, its calls to the provider recorded.
 */

export const APP = APP_ORIGIN;
/** Where createTestSandbox puts the sandbox's OAuth server. */
export const OAUTH = 'http://127.0.0.1:5181';
export const API = API_ORIGIN;

export interface ProviderCall {
  url: string;
  headers: Headers;
  body: URLSearchParams;
}

export type ClientRole = 'public' | 'confidential';

export interface ClientSetup {
  role?: ClientRole;
  /** The confidential client's PKCE setting (the public client always has it); default on. */
  pkce?: boolean;
  apiOrigins?: string[];
  requireIss?: boolean;
  rotateRefreshTokens?: boolean;
  /** Answers a call in the sandbox's place, which then never sees it (e.g. a gateway failing before it). */
  answerInstead?: (call: ProviderCall) => Response | undefined;
  /** Lets a test change what the sandbox answered before the client sees it. */
  alterResponse?: (call: ProviderCall, response: Response) => Response | Promise<Response>;
}

export function profileFor(setup: Pick<ClientSetup, 'apiOrigins' | 'requireIss'> = {}): OAuthProviderProfile {
  return {
    issuer: OAUTH,
    requireIss: setup.requireIss ?? false,
    authorizationEndpoint: `${OAUTH}/oauth/authorize`,
    tokenEndpoint: `${OAUTH}/oauth/token`,
    revocationEndpoint: `${OAUTH}/oauth/revoke`,
    apiOrigins: setup.apiOrigins ?? [API],
  };
}

/** The client in one role, the sandbox behind it, and every call it made there. */
export function clientAgainstSandbox(setup: ClientSetup = {}) {
  const clock = createClock();
  const sandbox = createTestSandbox(clock, undefined, {
    rotateRefreshTokens: setup.rotateRefreshTokens ?? false,
  });
  const calls: ProviderCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const call = {
      url,
      headers: new Headers(init?.headers),
      body: new URLSearchParams(String(init?.body ?? '')),
    };
    calls.push(call);
    const instead = setup.answerInstead?.(call);
    if (instead) return instead;
    const app = url.startsWith(OAUTH) ? sandbox.oauthApp : sandbox.apiApp;
    const response = await app.request(url, init);
    return setup.alterResponse ? setup.alterResponse(call, response) : response;
  }) as typeof fetch;
  const role = setup.role ?? 'public';
  const authentication: ClientAuthentication =
    role === 'public'
      ? { kind: 'public' }
      : {
          kind: 'confidential',
          clientSecret: sandbox.clients.confidential.clientSecret,
          pkce: setup.pkce ?? true,
        };
  const client = new OAuthClient({
    provider: profileFor(setup),
    clientId: role === 'public' ? sandbox.clients.public.clientId : sandbox.clients.confidential.clientId,
    authentication,
    fetch: fetchImpl,
    now: clock.now,
  });
  const redirectUri = role === 'public' ? `${APP}/callback` : `${APP}/auth/callback`;

  /** Signs in at the sandbox as a browser would; the callback URL and what the client kept. */
  async function authorize(decision: 'allow' | 'cancel' = 'allow') {
    const request = await client.authorizationRequest(redirectUri);
    const callback = await approve(sandbox, Object.fromEntries(request.url.searchParams), decision);
    const pending = { state: request.state, redirectUri, codeVerifier: request.pkce?.codeVerifier };
    return { request, callback, pending };
  }

  /** A completed sign-in: the tokens the client got. */
  async function signedIn() {
    const { callback, pending } = await authorize();
    return client.exchangeCode(callback, pending);
  }

  /** Whether the sandbox's API still takes `accessToken`. */
  async function accessTokenWorks(accessToken: string): Promise<boolean> {
    const response = await sandbox.apiApp.request(`${API}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    return response.status === 200;
  }

  return {
    sandbox,
    client,
    calls,
    redirectUri,
    authorize,
    signedIn,
    accessTokenWorks,
    clientId: role === 'public' ? sandbox.clients.public.clientId : sandbox.clients.confidential.clientId,
    advance: clock.advance,
    now: clock.now,
  };
}

/** The calls made to one endpoint of the sandbox's OAuth server, e.g. `/oauth/revoke`. */
export function callsTo(calls: readonly ProviderCall[], path: string): ProviderCall[] {
  return calls.filter((call) => new URL(call.url).pathname === path);
}

/** A token endpoint answer with its JSON body changed by `edit`. */
export async function withJsonBody(
  response: Response,
  edit: (body: Record<string, unknown>) => Record<string, unknown>,
): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(edit(body)), { status: response.status, headers });
}
