import { OAuthClient } from '../common/oauth/oauth-client.ts';
import { DEFAULT_PROVIDER_TIMEOUTS, providerDeadline } from './provider-timeouts.ts';
import type { ServerConfig } from './server-config.ts';
import { newSessionId, type PendingSignIn, type Session } from './sessions/session-cookie.ts';

/**
 * The app server as a confidential OAuth client (common/oauth does the OAuth): HTTP Basic at the
 * token and revocation endpoints, as Pipedrive documents, and PKCE as `QUICKLEAD_PKCE` says. What
 * `bff` mode adds: every call to the provider is given up on after a bound, and the tokens become
 * a server-side Session.
 */
export class ConfidentialClient {
  private readonly oauth: OAuthClient;

  constructor(
    private readonly config: ServerConfig,
    fetchImpl: typeof fetch,
    private readonly now: () => number,
    /** A slow provider must not hold a request (and the sign-out) forever: see provider-timeouts.ts. */
    timeoutMs: number = DEFAULT_PROVIDER_TIMEOUTS.authMs,
  ) {
    this.oauth = new OAuthClient({
      provider: config.provider,
      clientId: config.clientId,
      authentication: { kind: 'confidential', clientSecret: config.clientSecret, pkce: config.pkce },
      fetch: fetchImpl,
      signal: () => providerDeadline(timeoutMs),
      now,
    });
  }

  /**
   * `config.pkce` off (Pipedrive's default, as it documents no PKCE): no challenge goes out and no
   * verifier is returned, so the pending sign-in holds none; `state`, kept in the sealed sign-in
   * cookie of this browser, is then what ties the callback to this sign-in.
   */
  async authorizationRequest(): Promise<{ url: URL; state: string; codeVerifier?: string }> {
    const { url, state, pkce } = await this.oauth.authorizationRequest(this.config.redirectUri);
    return { url, state, ...(pkce ? { codeVerifier: pkce.codeVerifier } : {}) };
  }

  /**
   * Exchanges the callback's code for a new session. The verifier is sent exactly when the
   * authorization request carried a challenge (the pending sign-in says), so a change of
   * `QUICKLEAD_PKCE` during someone's sign-in cannot break it.
   */
  async completeSignIn(callbackUrl: URL, pending: PendingSignIn, fetchImpl?: typeof fetch): Promise<Session> {
    const tokens = await this.oauth.exchangeCode(
      callbackUrl,
      { state: pending.state, redirectUri: this.config.redirectUri, codeVerifier: pending.codeVerifier },
      fetchImpl,
    );
    return { ...tokens, sid: newSessionId(), startedAt: this.now() };
  }

  /** Throws RefreshError (common/oauth/refresh-outcome.ts); only `grant` ends the session. */
  async refresh(session: Session, fetchImpl?: typeof fetch): Promise<Session> {
    return { ...session, ...(await this.oauth.refresh(session, fetchImpl)) };
  }

  /** Never throws: `grantEnded` says whether the provider confirmed it (see OAuthClient.revoke). */
  revoke(
    tokens: { accessToken: string; refreshToken?: string | undefined },
    fetchImpl?: typeof fetch,
  ): Promise<{ grantEnded: boolean }> {
    return this.oauth.revoke(tokens, fetchImpl);
  }
}
