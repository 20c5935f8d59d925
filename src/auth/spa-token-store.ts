import type { OAuthClient } from '@common/oauth/oauth-client.ts';
import { REFRESH_RETRY_DELAYS_MS, RefreshError, type RefreshFailure } from '@common/oauth/refresh-outcome.ts';
import { refreshAtFor } from '@common/oauth/token-set.ts';
import type { ProviderConfig } from '@/config/app-config.ts';
import { ProviderBusyError, ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { bearerInit, buildUrl, type Transport } from '@/pipedrive/transport.ts';
import { publicClientFor } from './provider-profile.ts';
import type { Session } from './session.ts';

interface SpaTokenStoreOptions {
  now?: () => number;
  fetch?: typeof fetch;
  /** Called once when the session cannot be refreshed any more: the rep must sign in again. */
  onSessionEnded: () => void;
  /** Waits between tries of a refresh that failed transiently; REFRESH_RETRY_DELAYS_MS by default. */
  retryDelaysMs?: readonly number[];
  /** How a wait is waited (a test records the waits instead of sitting through them). */
  sleep?: (ms: number) => Promise<void>;
}

/** The provider refused the refresh token: this session is over. */
class SessionEndedError extends Error {
  override name = 'SessionEndedError';
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The OAuth client throws RefreshError; anything else is read as a failure worth another try. */
function failureOf(error: unknown): RefreshFailure {
  return error instanceof RefreshError ? error.failure : { kind: 'transient' };
}

/**
 * `spa` mode's tokens, in memory only. Refreshes before expiry and after a 401, one refresh at a
 * time however many requests are waiting (single flight), and keeps the refresh token Pipedrive
 * returns each time. A failed refresh is read as in `bff` mode (refresh-outcome.ts): only a refused
 * grant ends the session; Pipedrive being down or busy fails the call and keeps the session.
 */
export class SpaTokenStore {
  private session: Session;
  /** From when the access token is refreshed before it is used (epoch ms). */
  private refreshAt: number;
  private refreshing: Promise<Session> | undefined;
  private ended = false;
  /** After a 429 from the token endpoint, it is not asked again before this time (epoch ms). */
  private busyUntil = 0;
  private readonly now: () => number;
  private readonly client: OAuthClient<{ kind: 'public' }>;

  constructor(
    provider: ProviderConfig,
    session: Session,
    private readonly options: SpaTokenStoreOptions,
  ) {
    this.session = session;
    this.now = options.now ?? Date.now;
    // Handed over as they arrive from the token endpoint: their lifetime counts from now.
    this.refreshAt = refreshAtFor(session.expiresAt, this.now());
    this.client = publicClientFor(provider, { fetch: options.fetch, now: this.now });
  }

  get current(): Session {
    return this.session;
  }

  async accessToken(): Promise<string> {
    const { expiresAt, refreshToken } = this.session;
    if (this.ended || !refreshToken || this.now() < this.refreshAt) {
      return this.session.accessToken;
    }
    try {
      await this.refresh();
    } catch (error) {
      // A refused grant lets the call go and come back 401, which the app reads as "session ended".
      // A token that has not run out yet still works while Pipedrive recovers; an expired one would
      // only be refused, so the call fails now with why.
      if (!(error instanceof SessionEndedError) && this.now() >= expiresAt) throw error;
    }
    return this.session.accessToken;
  }

  /** One refresh, with its retries, shared by every caller while it runs. */
  refresh(): Promise<Session> {
    this.refreshing ??= this.refreshWithRetries().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Straight to `api_domain` with the current token; a 401 gets one refresh and one retry. Throws
   * ProviderUnavailableError or ProviderBusyError when the refresh could not be done.
   */
  transport(): Transport {
    return async (request) => {
      const url = buildUrl(this.session.apiDomain, request);
      const response = await this.send(url, request, await this.accessToken());
      if (response.status !== 401 || !this.session.refreshToken || this.ended) return response;
      try {
        await this.refresh();
      } catch (error) {
        if (error instanceof SessionEndedError) return response;
        throw error;
      }
      return this.send(url, request, this.session.accessToken);
    };
  }

  private send(url: string, request: Parameters<Transport>[0], token: string): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, bearerInit(request, token));
  }

  private async refreshWithRetries(): Promise<Session> {
    const delays = this.options.retryDelaysMs ?? REFRESH_RETRY_DELAYS_MS;
    const sleep = this.options.sleep ?? wait;
    const refreshToken = this.session.refreshToken;
    if (!refreshToken) {
      this.end();
      throw new SessionEndedError('There is no refresh token.');
    }
    // Asked to wait, as the app server is: calls in the meantime fail at once with what is left.
    const waitLeftMs = this.busyUntil - this.now();
    if (waitLeftMs > 0) throw new ProviderBusyError(Math.ceil(waitLeftMs / 1000));
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.refreshOnce(refreshToken);
      } catch (error) {
        const failure = failureOf(error);
        if (failure.kind === 'grant') {
          this.end();
          throw new SessionEndedError('The refresh token was refused.', { cause: error });
        }
        if (failure.kind === 'rate-limited') {
          this.busyUntil = this.now() + failure.retryAfterSeconds * 1000;
          throw new ProviderBusyError(failure.retryAfterSeconds);
        }
        const delay = delays[attempt];
        if (delay === undefined) throw new ProviderUnavailableError({ cause: error });
        await sleep(delay);
      }
    }
  }

  private async refreshOnce(refreshToken: string): Promise<Session> {
    // Pipedrive may or may not rotate the refresh token: the client keeps whichever is current.
    const { refreshAt, ...session } = await this.client.refresh({ ...this.session, refreshToken });
    this.session = session;
    this.refreshAt = refreshAt;
    return session;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onSessionEnded();
  }
}
