import type { Context, Hono } from 'hono';
import { refreshFaultResponse } from '../faults/refresh-fault-response.ts';
import type { AuthStore, IssuedTokens } from '../store/auth-store.ts';
import type { AppLifecycle } from './app-lifecycle.ts';
import { authenticateClient } from './oauth-client-auth.ts';
import type { OAuthClient } from './oauth-clients.ts';
import { tokenError } from './oauth-errors.ts';
import { readTokenForm } from './oauth-form.ts';
import { tokenPkceError } from './pkce.ts';

export interface TokenRouteDeps {
  auth: AuthStore;
  clients: readonly OAuthClient[];
  apiOrigin: string;
  lifecycle: AppLifecycle;
}

function isAbsoluteUri(value: string): boolean {
  return URL.canParse(value) && /^[a-z][a-z0-9+.-]*:/i.test(value);
}

function tokenResponse(c: Context, tokens: IssuedTokens, apiOrigin: string, ttlSeconds: number): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json({
    access_token: tokens.accessToken.token,
    token_type: 'Bearer',
    expires_in: ttlSeconds,
    refresh_token: tokens.refreshToken.token,
    scope: tokens.accessToken.scopes.join(','),
    api_domain: apiOrigin,
  });
}

function exchangeCode(c: Context, client: OAuthClient, params: URLSearchParams, deps: TokenRouteDeps) {
  const code = params.get('code');
  const record = code ? deps.auth.findCode(code) : undefined;
  // A code of another client is reported like an unknown one, so codes cannot be probed.
  if (!record || record.clientId !== client.clientId) return tokenError(c, 'codeInvalid');
  if (record.redeemedWith !== null) {
    deps.auth.rejectReplayedCode(record);
    return tokenError(c, 'codeInvalid');
  }
  if (deps.auth.isCodeExpired(record)) return tokenError(c, 'codeExpired');
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri || !isAbsoluteUri(redirectUri)) return tokenError(c, 'redirectUriNotUri');
  if (redirectUri !== record.redirectUri) return tokenError(c, 'redirectUriMismatch');
  const pkceError = tokenPkceError(client.pkce, record.codeChallenge, params.get('code_verifier'));
  if (pkceError) return tokenError(c, pkceError);
  return tokenResponse(c, deps.auth.redeemCode(record), deps.apiOrigin, deps.auth.accessTokenTtlSeconds);
}

function refresh(c: Context, client: OAuthClient, params: URLSearchParams, deps: TokenRouteDeps) {
  const token = params.get('refresh_token');
  const record = token ? deps.auth.findRefreshToken(token, client.clientId) : undefined;
  if (!record) return tokenError(c, 'refreshTokenInvalid');
  // Sandbox fault (POST /__sandbox/tokens/fail-refresh), not Pipedrive behaviour: only a live
  // refresh token's grant is failed, so a test can aim a fault at one user.
  const fault = deps.auth.takeRefreshFailure(record.userId);
  if (fault) return refreshFaultResponse(c, fault);
  return tokenResponse(c, deps.auth.refresh(record), deps.apiOrigin, deps.auth.accessTokenTtlSeconds);
}

export function registerTokenRoutes(app: Hono, deps: TokenRouteDeps): void {
  app.post('/oauth/token', async (c) => {
    const form = await readTokenForm(c);
    if (!form.ok) return tokenError(c, form.error);
    const auth = authenticateClient(c.req.header('authorization'), form.params, deps.clients);
    if (!auth.ok) return tokenError(c, auth.error, auth.basicAttempted);
    const grantType = form.params.get('grant_type');
    if (!grantType) return tokenError(c, 'missingGrantType');
    if (grantType === 'authorization_code') return exchangeCode(c, auth.client, form.params, deps);
    if (grantType === 'refresh_token') return refresh(c, auth.client, form.params, deps);
    return tokenError(c, 'unsupportedGrantType');
  });

  // RFC 7009, which Pipedrive says it follows: 200 with an empty body, known token or not.
  app.post('/oauth/revoke', async (c) => {
    const form = await readTokenForm(c);
    if (!form.ok) return tokenError(c, form.error);
    const auth = authenticateClient(c.req.header('authorization'), form.params, deps.clients);
    if (!auth.ok) return tokenError(c, auth.error, auth.basicAttempted);
    const token = form.params.get('token');
    if (!token) return tokenError(c, 'missingToken');
    const revoked = deps.auth.revoke(token, auth.client.clientId);
    // Revoking the refresh token is how an app uninstalls itself, as Pipedrive documents; revoking
    // an access token ends that token only.
    if (revoked?.kind === 'refresh') deps.lifecycle.uninstall(revoked.userId, auth.client.clientId);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 200);
  });
}
