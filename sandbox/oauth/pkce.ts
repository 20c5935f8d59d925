import { createHash } from 'node:crypto';
import type { TokenErrorKey } from './oauth-errors.ts';

// RFC 7636 §4.1 and §4.2: S256 of a 43-128 character verifier is always 43 base64url characters.
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * How a client's authorization requests treat PKCE. `accept`: tolerated and ignored, which suits
 * Pipedrive, as it documents no PKCE. `require`: S256 challenge at authorize, verifier checked at
 * the token endpoint. `reject`: a server that does not take PKCE parameters at all, so a client
 * that sends them anyway is caught.
 */
export const PKCE_MODES = ['accept', 'require', 'reject'] as const;
export type PkceMode = (typeof PKCE_MODES)[number];

export function isS256Challenge(challenge: string): boolean {
  return S256_CHALLENGE.test(challenge);
}

export function verifyS256(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}

/** Why an authorization request breaks the client's PKCE mode (an error_description), or null. */
export function authorizePkceProblem(
  mode: PkceMode,
  challenge: string | undefined,
  method: string | undefined,
): string | null {
  if (mode === 'reject') {
    return challenge !== undefined || method !== undefined
      ? 'PKCE is not supported: send no code_challenge or code_challenge_method'
      : null;
  }
  if (mode === 'accept') return null;
  if (!challenge) return 'code_challenge is required';
  if (method !== 'S256') return 'code_challenge_method must be S256';
  if (!isS256Challenge(challenge)) return 'code_challenge is not a valid S256 challenge';
  return null;
}

/**
 * The token endpoint's side of the mode. `accept` ignores a verifier. `reject` refuses one, since
 * a client that sends it believes PKCE protects a code that nothing checked.
 */
export function tokenPkceError(
  mode: PkceMode,
  codeChallenge: string | null,
  verifier: string | null,
): TokenErrorKey | null {
  if (mode === 'accept') return null;
  if (mode === 'reject') return verifier === null ? null : 'codeVerifierUnsupported';
  if (!verifier) return 'codeVerifierMissing';
  if (!codeChallenge || !verifyS256(verifier, codeChallenge)) return 'codeVerifierInvalid';
  return null;
}
