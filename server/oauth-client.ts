import * as oauth from 'oauth4webapi';
import { isAllowedOrigin } from '../common/oauth/allowed-origin.ts';
import { type RefreshFailure, refreshFailureOf } from '../common/oauth/refresh-outcome.ts';
import { SignInError } from '../common/oauth/sign-in-error.ts';
import type { ProviderProfile } from './provider-profiles.ts';
import { DEFAULT_PROVIDER_TIMEOUTS, providerDeadline } from './provider-timeouts.ts';
import type { ServerConfig } from './server-config.ts';
import { newSessionId, type PendingSignIn, type Session } from './session-cookie.ts';

/** RFC 6749 leaves `expires_in` optional; Pipedrive's is about an hour. */
const DEFAULT_EXPIRES_IN_S = 3600;
/**
 * Refresh this long before expiry, so a call does not reach the API with a token about to lapse;
 * at most half the lifetime, so a short-lived token (a test setting) is not refreshed on every call.
 */
export const REFRESH_MARGIN_MS = 60_000;

function lifetimeOf(
  tokens: oauth.TokenEndpointResponse,
  now: number,
): { expiresAt: number; refreshAt: number } {
  const lifetime = (tokens.expires_in ?? DEFAULT_EXPIRES_IN_S) * 1000;
  return { expiresAt: now + lifetime, refreshAt: now + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2) };
}

const REFRESH_MESSAGES: Record<RefreshFailure['kind'], string> = {
  grant: 'The refresh token was refused.',
  'rate-limited': 'The token endpoint asked to wait.',
  transient: 'The token endpoint could not be used.',
};

/**
 * Why a refresh did not give a new access token, read the same way as in `spa` mode
 * (`refreshFailureOf`): only `grant` means the session is over.
 */
export class RefreshError extends Error {
  override name = 'RefreshError';
  constructor(
    readonly failure: RefreshFailure,
    options?: ErrorOptions,
  ) {
    super(REFRESH_MESSAGES[failure.kind], options);
  }

  get kind(): RefreshFailure['kind'] {
    return this.failure.kind;
  }
}

function authorizationServerFor(provider: ProviderProfile): oauth.AuthorizationServer {
  return {
    issuer: provider.issuer,
    authorization_endpoint: provider.authorizationEndpoint,
    token_endpoint: provider.tokenEndpoint,
    ...(provider.revocationEndpoint ? { revocation_endpoint: provider.revocationEndpoint } : {}),
    // Only providers that advertise RFC 9207 get a missing `iss` refused; a present one is always checked.
    ...(provider.requireIss ? { authorization_response_iss_parameter_supported: true } : {}),
  };
}

function scopesOf(tokens: oauth.TokenEndpointResponse): string[] {
  // Pipedrive separates scopes with commas, RFC 6749 with spaces.
  return (tokens.scope ?? '').split(/[,\s]+/).filter(Boolean);
}

function apiDomainOf(tokens: oauth.TokenEndpointResponse): string | undefined {
  return typeof tokens.api_domain === 'string' ? tokens.api_domain.replace(/\/$/, '') : undefined;
}

/**
 * The app server as a confidential OAuth client: PKCE S256 + state on the way out, HTTP Basic at
 * the token and revocation endpoints (as Pipedrive documents), `api_domain` checked on the way in.
 */
export class ConfidentialClient {
  private readonly as: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly auth: oauth.ClientAuth;

  constructor(
    private readonly config: ServerConfig,
    private readonly fetchImpl: typeof fetch,
    private readonly now: () => number,
    /** A slow provider must not hold a request (and the sign-out) forever: see provider-timeouts.ts. */
    private readonly timeoutMs: number = DEFAULT_PROVIDER_TIMEOUTS.authMs,
  ) {
    this.as = authorizationServerFor(config.provider);
    this.client = { client_id: config.clientId };
    this.auth = oauth.ClientSecretBasic(config.clientSecret);
  }

  /**
   * `config.pkce` off (Pipedrive's default, as it documents no PKCE): no challenge goes out and no
   * verifier is returned, so the pending sign-in holds none; `state`, kept in the sealed sign-in
   * cookie of this browser, is then what ties the callback to this sign-in.
   */
  async authorizationRequest(): Promise<{ url: URL; state: string; codeVerifier?: string }> {
    const state = oauth.generateRandomState();
    const url = new URL(this.config.provider.authorizationEndpoint);
    url.searchParams.set('client_id', this.config.clientId);
    url.searchParams.set('redirect_uri', this.config.redirectUri);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('state', state);
    if (!this.config.pkce) return { url, state };
    const codeVerifier = oauth.generateRandomCodeVerifier();
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return { url, state, codeVerifier };
  }

  /**
   * Validates state (and `iss`), exchanges the code once, and returns a new session. The verifier
   * is sent exactly when the authorization request carried a challenge (the pending sign-in says),
   * so a change of `QUICKLEAD_PKCE` during someone's sign-in cannot break it.
   */
  async completeSignIn(
    callbackUrl: URL,
    pending: PendingSignIn,
    fetchImpl: typeof fetch = this.fetchImpl,
  ): Promise<Session> {
    const params = oauth.validateAuthResponse(this.as, this.client, callbackUrl, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      this.as,
      this.client,
      this.auth,
      params,
      this.config.redirectUri,
      pending.codeVerifier ?? oauth.nopkce,
      this.httpOptions(fetchImpl),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(this.as, this.client, response);
    const apiDomain = apiDomainOf(tokens);
    if (!apiDomain || !isAllowedOrigin(apiDomain, this.config.provider.apiOrigins)) {
      // The tokens are not kept, so hand them back rather than leave them live at the provider.
      await this.revoke({ accessToken: tokens.access_token, refreshToken: tokens.refresh_token }, fetchImpl);
      throw new SignInError('api-domain', apiDomain);
    }
    const now = this.now();
    return {
      accessToken: tokens.access_token,
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      ...lifetimeOf(tokens, now),
      apiDomain,
      scopes: scopesOf(tokens),
      sid: newSessionId(),
      startedAt: now,
    };
  }

  /** Keeps the refresh token unless a new one comes back (rotation), as Pipedrive's SDK does. */
  async refresh(session: Session, fetchImpl: typeof fetch = this.fetchImpl): Promise<Session> {
    if (!session.refreshToken) throw new RefreshError({ kind: 'grant' });
    let tokens: oauth.TokenEndpointResponse;
    try {
      const response = await oauth.refreshTokenGrantRequest(
        this.as,
        this.client,
        this.auth,
        session.refreshToken,
        this.httpOptions(fetchImpl),
      );
      tokens = await oauth.processRefreshTokenResponse(this.as, this.client, response);
    } catch (error) {
      throw new RefreshError(refreshFailureOf(error, this.now()), { cause: error });
    }
    const apiDomain = apiDomainOf(tokens) ?? session.apiDomain;
    // A token for an API origin this deployment does not trust is never used: sign in again.
    if (!isAllowedOrigin(apiDomain, this.config.provider.apiOrigins))
      throw new RefreshError({ kind: 'grant' });
    return {
      ...session,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? session.refreshToken,
      ...lifetimeOf(tokens, this.now()),
      apiDomain,
      scopes: tokens.scope === undefined ? session.scopes : scopesOf(tokens),
    };
  }

  /**
   * RFC 7009, best effort: the refresh token first (at Pipedrive that ends the whole grant), then
   * the access token. A failure here must not keep anyone signed in, so errors are swallowed.
   */
  async revoke(
    tokens: { accessToken: string; refreshToken?: string | undefined },
    fetchImpl: typeof fetch = this.fetchImpl,
  ): Promise<{ grantEnded: boolean }> {
    if (!this.as.revocation_endpoint) return { grantEnded: false };
    // Whether the first revocation (the refresh token's, which at Pipedrive ends the grant) was confirmed.
    let grantEnded: boolean | undefined;
    const pairs: Array<[string | undefined, string]> = [
      [tokens.refreshToken, 'refresh_token'],
      [tokens.accessToken, 'access_token'],
    ];
    for (const [token, hint] of pairs) {
      if (!token) continue;
      try {
        const response = await oauth.revocationRequest(this.as, this.client, this.auth, token, {
          ...this.httpOptions(fetchImpl),
          additionalParameters: { token_type_hint: hint },
        });
        await oauth.processRevocationResponse(response);
        grantEnded ??= true;
      } catch {
        // Best effort by design (see above); the caller learns whether the grant ended.
        grantEnded ??= false;
      }
    }
    return { grantEnded: grantEnded ?? false };
  }

  /** `fetchImpl`: the inspector passes one that records the call for the session at hand. */
  private httpOptions(fetchImpl: typeof fetch) {
    const insecure = new URL(this.config.provider.tokenEndpoint).protocol === 'http:';
    return {
      [oauth.customFetch]: fetchImpl,
      // oauth4webapi refuses plain http unless told; config allows it only for the sandbox or loopback.
      ...(insecure ? { [oauth.allowInsecureRequests]: true } : {}),
      signal: () => providerDeadline(this.timeoutMs),
    };
  }
}
