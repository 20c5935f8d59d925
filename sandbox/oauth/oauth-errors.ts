import type { Context } from 'hono';

type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

/** Pipedrive's texts from its "OAuth and API proxy status codes" page, paired with the RFC 6749 code. */
export const TOKEN_ERRORS = {
  contentType: ['invalid_request', 'Invalid request: content must be application/x-www-form-urlencoded'],
  missingGrantType: ['invalid_request', 'Missing parameter: grant_type'],
  unsupportedGrantType: ['unsupported_grant_type', 'Unsupported grant type: grant_type is invalid'],
  codeInvalid: ['invalid_grant', 'Invalid grant: authorization_code is invalid'],
  codeExpired: ['invalid_grant', 'Invalid grant: authorization_code has expired'],
  refreshTokenInvalid: ['invalid_grant', 'Invalid grant: refresh_token is invalid'],
  noClientCredentials: ['invalid_client', 'Invalid client: cannot retrieve client credentials'],
  clientInvalid: ['invalid_client', 'Invalid client: client is invalid'],
  redirectUriNotUri: ['invalid_request', 'Invalid request: redirect_uri is not a valid URI'],
  redirectUriMismatch: ['invalid_request', 'Invalid request: redirect_uri is invalid'],
  // Pipedrive has no PKCE, so these three texts are the sandbox's own, worded in the same style.
  codeVerifierMissing: ['invalid_request', 'Missing parameter: code_verifier'],
  codeVerifierInvalid: ['invalid_grant', 'Invalid grant: code_verifier is invalid'],
  codeVerifierUnsupported: ['invalid_request', 'Invalid request: code_verifier is not supported'],
  missingToken: ['invalid_request', 'Missing parameter: token'],
  repeatedParameter: ['invalid_request', 'Invalid request: parameters must not be repeated'],
} as const satisfies Record<string, readonly [OAuthErrorCode, string]>;

export type TokenErrorKey = keyof typeof TOKEN_ERRORS;

/**
 * `error` + `error_description` is what OAuth clients such as oauth4webapi read; `success` and
 * `message` are the shape Pipedrive's own SDK tests mock. Sending both costs nothing.
 */
export function tokenError(c: Context, key: TokenErrorKey, basicAttempted = false): Response {
  const [error, text] = TOKEN_ERRORS[key];
  const status = error === 'invalid_client' ? 401 : 400;
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  // RFC 6749 §5.2: a 401 after a Basic attempt names the scheme. Not sent otherwise, because a
  // browser would pop up a password dialog for a public client's failed request.
  if (status === 401 && basicAttempted) c.header('WWW-Authenticate', 'Basic realm="oauth"');
  return c.json({ success: false, error, error_description: text, message: text }, status);
}
