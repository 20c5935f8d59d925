import * as oauth from 'oauth4webapi';
import { isAllowedOrigin } from './allowed-origin.ts';
import { type ClientAuthentication, clientAuthOf, usesPkce } from './client-authentication.ts';
import { authorizationServerOf, type OAuthProviderProfile } from './provider-profile.ts';
import { RefreshError, refreshFailureOf } from './refresh-outcome.ts';
import { SignInError } from './sign-in-error.ts';
import { apiDomainOf, type TokenSet, tokenSetOf } from './token-set.ts';

export interface OAuthClientOptions<A extends ClientAuthentication> {
  provider: OAuthProviderProfile;
  clientId: string;
  authentication: A;
  /**
   * How the provider is reached; each call may pass its own instead (the inspector's recording
   * fetch). Absent, oauth4webapi uses the global fetch.
   */
  fetch?: typeof fetch | undefined;
  /** A new abort signal for each call to the provider, when calls must not wait forever. */
  signal?: () => AbortSignal;
  now?: () => number;
}

export interface Pkce {
  /** Kept by the client until the code exchange. */
  codeVerifier: string;
  /** BASE64URL(SHA-256(codeVerifier)), sent with the authorization request (method S256). */
  codeChallenge: string;
}

/** A public client always has PKCE; a confidential one has it when its setting says so. */
export type PkceOf<A extends ClientAuthentication> = A extends { kind: 'public' } ? Pkce : Pkce | undefined;

export interface AuthorizationRequest<A extends ClientAuthentication> {
  /** Where the browser goes to sign in. */
  url: URL;
  state: string;
  pkce: PkceOf<A>;
}

/** What the client kept from its authorization request, for the callback. */
export interface PendingAuthorization {
  state: string;
  redirectUri: string;
  /** Present exactly when the authorization request carried a challenge. */
  codeVerifier?: string | undefined;
}

type TokenTypeHint = 'refresh_token' | 'access_token';

/**
 * One OAuth 2.0 client for both session modes: the browser's public client (`spa`) and the app
 * server's confidential one (`bff`) differ only in `authentication`. Authorization request with
 * `state` (and PKCE S256), code exchange with the callback checked (`state`, and `iss` as the
 * provider profile says), refresh, and revocation (RFC 7009). A token response is used only when
 * its `api_domain` is one of the profile's API origins, since the access token is sent there.
 */
export class OAuthClient<A extends ClientAuthentication = ClientAuthentication> {
  private readonly as: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly clientAuth: oauth.ClientAuth;
  private readonly now: () => number;

  constructor(private readonly options: OAuthClientOptions<A>) {
    this.as = authorizationServerOf(options.provider);
    this.client = { client_id: options.clientId };
    this.clientAuth = clientAuthOf(options.authentication);
    this.now = options.now ?? Date.now;
  }

  /** A fresh `state` (and PKCE pair) and the authorization URL that carries them. */
  async authorizationRequest(redirectUri: string): Promise<AuthorizationRequest<A>> {
    const state = oauth.generateRandomState();
    let pkce: Pkce | undefined;
    if (usesPkce(this.options.authentication)) {
      const codeVerifier = oauth.generateRandomCodeVerifier();
      pkce = { codeVerifier, codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier) };
    }
    const url = this.authorizationUrl({ redirectUri, state, codeChallenge: pkce?.codeChallenge });
    // usesPkce() is always true for a public client, which is what PkceOf<A> says.
    return { url, state, pkce: pkce as PkceOf<A> };
  }

  /**
   * The authorization URL follows from these alone, so a record of the sign-in can show exactly
   * what was sent once the page that sent it is gone.
   */
  authorizationUrl(request: { redirectUri: string; state: string; codeChallenge?: string | undefined }): URL {
    const url = new URL(this.options.provider.authorizationEndpoint);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('redirect_uri', request.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', request.state);
    if (request.codeChallenge === undefined) return url;
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    return url;
  }

  /**
   * Checks the callback against what was kept (`state`; `iss` when sent, or when the profile
   * requires it), then exchanges the code once. Throws oauth4webapi's errors as they come (the
   * callers word them), and SignInError `api-domain` for an API origin this deployment does not
   * trust, after handing the tokens back.
   */
  async exchangeCode(
    callbackUrl: URL,
    pending: PendingAuthorization,
    fetchImpl: typeof fetch | undefined = this.options.fetch,
  ): Promise<TokenSet> {
    const params = oauth.validateAuthResponse(this.as, this.client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      this.as,
      this.client,
      this.clientAuth,
      params,
      pending.redirectUri,
      pending.codeVerifier ?? oauth.nopkce,
      this.httpOptions(fetchImpl),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(this.as, this.client, response);
    const apiDomain = apiDomainOf(tokens);
    if (apiDomain === undefined || !this.trusts(apiDomain)) {
      await this.handBack(tokens, undefined, fetchImpl);
      throw new SignInError('api-domain', apiDomain);
    }
    return tokenSetOf(tokens, apiDomain, this.now());
  }

  /**
   * New tokens for `current`. What the response leaves out (a refresh token that was not rotated,
   * `api_domain`, the scopes) is kept from `current`. Throws RefreshError, whose kind says whether
   * the session is over (`grant`) or may go on (see refresh-outcome.ts).
   */
  async refresh(
    current: Pick<TokenSet, 'refreshToken' | 'apiDomain' | 'scopes'>,
    fetchImpl: typeof fetch | undefined = this.options.fetch,
  ): Promise<TokenSet> {
    if (!current.refreshToken) throw new RefreshError({ kind: 'grant' });
    let tokens: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.refreshTokenGrantRequest(
        this.as,
        this.client,
        this.clientAuth,
        current.refreshToken,
        this.httpOptions(fetchImpl),
      );
      tokens = await oauth.processRefreshTokenResponse(this.as, this.client, response);
    } catch (error) {
      throw new RefreshError(refreshFailureOf(error, this.now()), { cause: error });
    }
    const apiDomain = apiDomainOf(tokens) ?? current.apiDomain;
    if (!this.trusts(apiDomain)) {
      // The session cannot go on with an API origin it does not trust: sign in again.
      await this.handBack(tokens, current.refreshToken, fetchImpl);
      throw new RefreshError({ kind: 'grant' });
    }
    return tokenSetOf(tokens, apiDomain, this.now(), current);
  }

  /**
   * RFC 7009: the refresh token first (at Pipedrive that ends the whole grant, which uninstalls
   * the app for the user), then the access token. `grantEnded` says whether the provider
   * confirmed the first. When it did not, nothing more is tried, so the tokens stay as they were
   * and a session holding them goes on; after it, the access token's revocation is best effort.
   */
  async revoke(
    tokens: { accessToken: string; refreshToken?: string | undefined },
    fetchImpl: typeof fetch | undefined = this.options.fetch,
  ): Promise<{ grantEnded: boolean }> {
    if (!this.as.revocation_endpoint) return { grantEnded: false };
    const [first, ...rest] = (
      [
        [tokens.refreshToken, 'refresh_token'],
        [tokens.accessToken, 'access_token'],
      ] as const
    ).filter((pair): pair is [string, TokenTypeHint] => pair[0] !== undefined);
    if (!first || !(await this.revokeOne(first, fetchImpl))) return { grantEnded: false };
    for (const pair of rest) await this.revokeOne(pair, fetchImpl);
    return { grantEnded: true };
  }

  /** Whether the access token may be sent to `apiDomain`. */
  private trusts(apiDomain: string): boolean {
    return isAllowedOrigin(apiDomain, this.options.provider.apiOrigins);
  }

  /** Tokens that will not be used are not left live at the provider. */
  private async handBack(
    tokens: oauth.TokenEndpointResponse,
    earlierRefreshToken: string | undefined,
    fetchImpl: typeof fetch | undefined,
  ): Promise<void> {
    const refreshToken = tokens.refresh_token ?? earlierRefreshToken;
    await this.revoke({ accessToken: tokens.access_token, refreshToken }, fetchImpl);
  }

  /** Whether the provider confirmed the revocation; any failure counts as not. */
  private async revokeOne(
    [token, hint]: [string, TokenTypeHint],
    fetchImpl: typeof fetch | undefined,
  ): Promise<boolean> {
    try {
      const response = await oauth.revocationRequest(this.as, this.client, this.clientAuth, token, {
        ...this.httpOptions(fetchImpl),
        additionalParameters: { token_type_hint: hint },
      });
      await oauth.processRevocationResponse(response);
      return true;
    } catch {
      return false;
    }
  }

  private httpOptions(fetchImpl: typeof fetch | undefined) {
    const insecure = new URL(this.options.provider.tokenEndpoint).protocol === 'http:';
    const { signal } = this.options;
    return {
      ...(fetchImpl ? { [oauth.customFetch]: fetchImpl } : {}),
      // oauth4webapi refuses plain http unless told; configuration allows it only for the sandbox or loopback.
      ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
      ...(signal ? { signal } : {}),
    };
  }
}
