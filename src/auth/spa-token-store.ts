import * as oauth from 'oauth4webapi';
import type { ProviderConfig } from '@/config/app-config.ts';
import { bearerInit, buildUrl, type Transport } from '@/pipedrive/transport.ts';
import { authorizationServerFor, httpOptionsFor } from './provider-profile.ts';
import type { Session } from './session.ts';
import { sessionFromTokens } from './spa-sign-in.ts';

/** Refresh this long before the access token runs out, so a request never leaves with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

interface SpaTokenStoreOptions {
  now?: () => number;
  fetch?: typeof fetch;
  /** Called once when the session cannot be refreshed any more: the rep must sign in again. */
  onSessionEnded: () => void;
}

/**
 * `spa` mode's tokens, in memory only. Refreshes before expiry and after a 401, one refresh at a
 * time however many requests are waiting (single flight), and keeps the refresh token Pipedrive
 * returns each time.
 */
export class SpaTokenStore {
  private session: Session;
  private refreshing: Promise<Session> | undefined;
  private ended = false;
  private readonly now: () => number;

  constructor(
    private readonly provider: ProviderConfig,
    session: Session,
    private readonly options: SpaTokenStoreOptions,
  ) {
    this.session = session;
    this.now = options.now ?? Date.now;
  }

  get current(): Session {
    return this.session;
  }

  async accessToken(): Promise<string> {
    if (this.session.expiresAt - this.now() < REFRESH_MARGIN_MS && this.session.refreshToken) {
      await this.refresh().catch(() => undefined);
    }
    return this.session.accessToken;
  }

  refresh(): Promise<Session> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Straight to `api_domain` with the current token; a 401 gets one refresh and one retry. */
  transport(): Transport {
    return async (request) => {
      const url = buildUrl(this.session.apiDomain, request);
      const response = await this.send(url, request, await this.accessToken());
      if (response.status !== 401 || !this.session.refreshToken || this.ended) return response;
      try {
        await this.refresh();
      } catch {
        return response;
      }
      return this.send(url, request, this.session.accessToken);
    };
  }

  private send(url: string, request: Parameters<Transport>[0], token: string): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, bearerInit(request, token));
  }

  private async refreshOnce(): Promise<Session> {
    const refreshToken = this.session.refreshToken;
    if (!refreshToken) throw new Error('no refresh token');
    const as = authorizationServerFor(this.provider);
    const client: oauth.Client = { client_id: this.provider.clientId };
    try {
      const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, {
        ...httpOptionsFor(this.provider),
        ...(this.options.fetch ? { [oauth.customFetch]: this.options.fetch } : {}),
      });
      const tokens = await oauth.processRefreshTokenResponse(as, client, response);
      const next = sessionFromTokens(this.provider, tokens, this.now());
      // Pipedrive may or may not rotate the refresh token: keep whichever is current.
      this.session = { ...next, refreshToken: next.refreshToken ?? refreshToken };
      return this.session;
    } catch (error) {
      if (!this.ended) {
        this.ended = true;
        this.options.onSessionEnded();
      }
      throw error;
    }
  }
}
