import { type RefreshFault, RefreshFaults } from '../faults/refresh-faults.ts';
import { randomToken } from './random-token.ts';

export const CODE_TTL_MS = 5 * 60 * 1000;
const CODE_RETENTION_MS = 60 * 60 * 1000;
export const ACCESS_TOKEN_TTL_S = 3599;
export const REFRESH_TOKEN_TTL_MS = 60 * 24 * 60 * 60 * 1000;
/** How long the sign-in and consent pages stay usable before the user must start again. */
export const PENDING_AUTHORIZATION_TTL_MS = 15 * 60 * 1000;
/**
 * Sign-in pages open at once: far more than one machine's tests use, and a bound on what a page
 * that opens the authorize URL in a loop can make the sandbox keep. The oldest go first past it.
 */
export const MAX_PENDING_AUTHORIZATIONS = 1_000;

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  createdAt: number;
  /** Set once the user has signed in; consent is only possible after that. */
  userId: number | null;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: number;
  /** What the user granted on the consent page: the tokens for this code carry exactly these. */
  scopes: readonly string[];
  codeChallenge: string | null;
  issuedAt: number;
  /** The refresh token issued for this code, so a replay can take the whole grant back. */
  redeemedWith: string | null;
}

export interface AccessToken {
  token: string;
  clientId: string;
  userId: number;
  scopes: readonly string[];
  expiresAt: number;
  refreshToken: string | null;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  userId: number;
  scopes: readonly string[];
  expiresAt: number;
  accessTokens: Set<string>;
}

export interface IssuedTokens {
  accessToken: AccessToken;
  refreshToken: RefreshToken;
}

/** What `revoke` took back: an uninstall follows only from a refresh token. */
export type RevokeOutcome = { kind: 'access' | 'refresh'; userId: number } | null;

export interface AuthStoreOptions {
  now: () => number;
  /** Real Pipedrive keeps the refresh token by default; rotation lets tests check the client stores the new one. */
  rotateRefreshTokens: boolean;
  /** Seconds an access token lives: Pipedrive's 3599 unless a test wants expiry sooner. */
  accessTokenTtlSeconds?: number;
}

/** OAuth state: pending sign-ins, authorization codes and tokens, all in memory. */
export class AuthStore {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  /** Sandbox fault, not Pipedrive behaviour: how coming refresh grants must fail. */
  readonly refreshFaults = new RefreshFaults();

  constructor(private readonly options: AuthStoreOptions) {}

  get accessTokenTtlSeconds(): number {
    return this.options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_S;
  }

  createPendingAuthorization(
    input: Omit<PendingAuthorization, 'id' | 'createdAt' | 'userId'>,
  ): PendingAuthorization {
    this.prune();
    const request: PendingAuthorization = {
      ...input,
      id: randomToken(),
      createdAt: this.now(),
      userId: null,
    };
    this.pending.set(request.id, request);
    // A Map keeps insertion order, so the first key is the oldest sign-in.
    while (this.pending.size > MAX_PENDING_AUTHORIZATIONS) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
    return request;
  }

  /** For tests and diagnostics: sign-in pages still open. */
  get pendingAuthorizationCount(): number {
    return this.pending.size;
  }

  findPendingAuthorization(id: string): PendingAuthorization | undefined {
    const request = this.pending.get(id);
    if (!request || this.now() - request.createdAt > PENDING_AUTHORIZATION_TTL_MS) return undefined;
    return request;
  }

  /** One decision per request: a second Allow (back button, double submit) must not mint a second code. */
  takePendingAuthorization(id: string): PendingAuthorization | undefined {
    const request = this.findPendingAuthorization(id);
    this.pending.delete(id);
    return request;
  }

  issueCode(request: PendingAuthorization, userId: number, scopes: readonly string[]): string {
    const code = randomToken();
    this.codes.set(code, {
      code,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      userId,
      scopes,
      codeChallenge: request.codeChallenge,
      issuedAt: this.now(),
      redeemedWith: null,
    });
    return code;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  isCodeExpired(code: AuthorizationCode): boolean {
    return this.now() - code.issuedAt > CODE_TTL_MS;
  }

  /** RFC 6749 §4.1.2: a code used twice may be stolen, so the tokens it produced are revoked too. */
  rejectReplayedCode(code: AuthorizationCode): void {
    if (code.redeemedWith) this.revokeRefreshToken(code.redeemedWith);
    this.codes.delete(code.code);
  }

  redeemCode(code: AuthorizationCode): IssuedTokens {
    const tokens = this.issueTokens({ clientId: code.clientId, userId: code.userId, scopes: code.scopes });
    code.redeemedWith = tokens.refreshToken.token;
    return tokens;
  }

  /** Also the helper tests use to get a token with chosen scopes without the browser flow. */
  issueTokens(input: { clientId: string; userId: number; scopes: readonly string[] }): IssuedTokens {
    const refreshToken: RefreshToken = {
      token: randomToken(),
      clientId: input.clientId,
      userId: input.userId,
      scopes: input.scopes,
      expiresAt: this.now() + REFRESH_TOKEN_TTL_MS,
      accessTokens: new Set(),
    };
    this.refreshTokens.set(refreshToken.token, refreshToken);
    return { accessToken: this.issueAccessToken(refreshToken), refreshToken };
  }

  findRefreshToken(token: string, clientId: string): RefreshToken | undefined {
    const record = this.refreshTokens.get(token);
    if (!record || record.clientId !== clientId) return undefined;
    if (record.expiresAt <= this.now()) {
      this.revokeRefreshToken(token);
      return undefined;
    }
    return record;
  }

  /** The refresh token's 60-day expiry slides on every use, as Pipedrive documents. */
  refresh(record: RefreshToken): IssuedTokens {
    if (this.options.rotateRefreshTokens) {
      this.revokeRefreshToken(record.token);
      return this.issueTokens(record);
    }
    record.expiresAt = this.now() + REFRESH_TOKEN_TTL_MS;
    return { accessToken: this.issueAccessToken(record), refreshToken: record };
  }

  findAccessToken(token: string): AccessToken | undefined {
    const record = this.accessTokens.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.now()) {
      this.accessTokens.delete(token);
      return undefined;
    }
    return record;
  }

  /**
   * RFC 7009: unknown tokens are not an error. A token of another client is left alone rather than
   * reported, so the endpoint cannot be used to probe which tokens exist.
   */
  revoke(token: string, clientId: string): RevokeOutcome {
    const access = this.accessTokens.get(token);
    if (access?.clientId === clientId) {
      this.accessTokens.delete(token);
      return { kind: 'access', userId: access.userId };
    }
    const refresh = this.refreshTokens.get(token);
    if (refresh?.clientId !== clientId) return null;
    this.revokeRefreshToken(token);
    return { kind: 'refresh', userId: refresh.userId };
  }

  /**
   * Ends everything this user was granted through this client: refresh tokens, access tokens and
   * codes not yet exchanged (one redeemed later would bring the grant back).
   */
  endGrants(userId: number, clientId: string): void {
    const mine = (record: { userId: number; clientId: string }) =>
      record.userId === userId && record.clientId === clientId;
    for (const record of [...this.refreshTokens.values()].filter(mine)) this.revokeRefreshToken(record.token);
    for (const record of [...this.accessTokens.values()].filter(mine)) this.accessTokens.delete(record.token);
    for (const code of [...this.codes.values()].filter(mine)) {
      if (code.redeemedWith === null) this.codes.delete(code.code);
    }
  }

  /**
   * Sandbox fault, not Pipedrive behaviour: every live access token (or one user's) expires now,
   * as if an hour had passed, so a test can show the app refreshing mid-form. Returns how many.
   */
  expireAccessTokens(userId?: number): number {
    const now = this.now();
    let expired = 0;
    for (const record of this.accessTokens.values()) {
      if (record.expiresAt <= now || (userId !== undefined && record.userId !== userId)) continue;
      record.expiresAt = now;
      expired += 1;
    }
    return expired;
  }

  /**
   * Sandbox fault: the next `times` refresh grants fail as `fault` says (invalid_grant unless told;
   * only `userId`'s, when given, so one test's fault cannot hit another's session); 0 switches it
   * off. Kept here for callers from before RefreshFaults; see sandbox/faults/refresh-faults.ts.
   */
  failNextRefreshes(times: number, userId?: number, fault?: RefreshFault): void {
    this.refreshFaults.set(times, userId, fault);
  }

  pendingRefreshFailures(userId?: number): number {
    return this.refreshFaults.pending(userId);
  }

  /** The fault this user's refresh grant gets, if any, one fewer left. The refresh token stays valid. */
  takeRefreshFailure(userId: number): RefreshFault | undefined {
    return this.refreshFaults.take(userId);
  }

  private issueAccessToken(refreshToken: RefreshToken): AccessToken {
    const accessToken: AccessToken = {
      token: `v1u:${randomToken()}`,
      clientId: refreshToken.clientId,
      userId: refreshToken.userId,
      scopes: refreshToken.scopes,
      expiresAt: this.now() + this.accessTokenTtlSeconds * 1000,
      refreshToken: refreshToken.token,
    };
    this.accessTokens.set(accessToken.token, accessToken);
    refreshToken.accessTokens.add(accessToken.token);
    return accessToken;
  }

  private revokeRefreshToken(token: string): void {
    const record = this.refreshTokens.get(token);
    if (!record) return;
    for (const access of record.accessTokens) this.accessTokens.delete(access);
    this.refreshTokens.delete(token);
  }

  private now(): number {
    return this.options.now();
  }

  /** Drops stale sign-ins and codes so a long-running sandbox does not grow without bound. */
  private prune(): void {
    const now = this.now();
    for (const [id, request] of this.pending) {
      if (now - request.createdAt > PENDING_AUTHORIZATION_TTL_MS) this.pending.delete(id);
    }
    for (const [key, code] of this.codes) {
      // Kept well past their expiry so a late exchange still gets "has expired" rather than "is invalid".
      if (now - code.issuedAt > CODE_RETENTION_MS) this.codes.delete(key);
    }
  }
}
