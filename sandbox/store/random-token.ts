import { randomBytes } from 'node:crypto';

/** Opaque secrets (codes, tokens, request ids) must be unguessable, so they come from the OS CSPRNG. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
