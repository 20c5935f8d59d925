/**
 * The session secret(s) that seal QuickLead's cookies (`QUICKLEAD_SESSION_SECRET`).
 *
 * Whoever knows a secret can open every cookie sealed with it (the rep's access and refresh
 * tokens are inside) and seal cookies of their own. So for a real provider (anything but the
 * sandbox) a secret must be neither public nor guessable.
 */

/** Public on purpose: only good enough for the local sandbox, where it is used with a warning. */
export const SANDBOX_SESSION_SECRET = 'quicklead-sandbox-session-secret-not-for-production';

/**
 * Every session secret written in this repository (the sandbox default and the tests' values):
 * anyone can read them, so none may guard real sessions. A new value written anywhere in the
 * repository belongs here too.
 */
const PUBLIC_SESSION_SECRETS: ReadonlySet<string> = new Set([
  SANDBOX_SESSION_SECRET,
  'test-session-secret-0123456789-abcdefghij',
  'a-session-secret-of-at-least-32-characters',
  'placeholder-session-secret-0123456789abcdef',
  'Vq3k9Zr7Lw2Xp8Ns4Ty6Bm1Hd5Jf0GcR2eW',
  'cookie-test-secret-0123456789-abcdefghijkl',
  'another-secret-0123456789-abcdefghijklmn',
  'known-test-secret-4f1c9e7a2b-session-secret-long-enough',
]);

const MIN_SESSION_SECRET_LENGTH = 32;

/** The cookie key is 256 bits; a secret with much less than half that is the weak point. */
const MIN_ESTIMATED_BITS = 128;

/**
 * A rough, deliberately simple estimate of how much guessing a secret would take: its length
 * times the Shannon entropy of its own characters (how evenly it uses the symbols it uses).
 * `'a' × 32` scores 0, `'ab' × 20` scores 40, a repeated 8-letter pattern 3 bits a character;
 * 32 random bytes in base64 or hex score about 190 to 250. It cannot prove a secret random (a
 * sentence can score well), so it only catches what is plainly not: placeholders, repeated
 * characters, short patterns. Generating the secret is what makes it strong.
 */
export function estimatedBits(secret: string): number {
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...secret].length;
  let bitsPerChar = 0;
  for (const count of counts.values()) {
    const share = count / length;
    bitsPerChar -= share * Math.log2(share);
  }
  return bitsPerChar * length;
}

/**
 * `QUICKLEAD_SESSION_SECRET` may hold several secrets, comma-separated, newest first: the newest
 * seals every cookie written from now on, and every one listed still opens cookies. That is how a
 * secret is rotated without signing everyone out: put the new one in front of the old. Each use
 * re-seals a session with the newest, and a session unused for 12 hours ends
 * (server/sessions/session-cookie.ts), so 12 hours after the rotation no live cookie needs the old
 * one and it can be dropped.
 */
export function splitSessionSecrets(value: string): string[] {
  return value
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
}

/**
 * Why this secret must not seal cookies, or undefined when it may. For the sandbox (a local
 * playground whose own default is public anyway) only the length counts. Never quotes the secret.
 */
export function sessionSecretProblem(secret: string, realProvider: boolean): string | undefined {
  if (secret.length < MIN_SESSION_SECRET_LENGTH)
    return `must be at least ${MIN_SESSION_SECRET_LENGTH} characters long`;
  if (!realProvider) return undefined;
  if (PUBLIC_SESSION_SECRETS.has(secret)) return 'is a public value (a default or example from QuickLead)';
  if (estimatedBits(secret) < MIN_ESTIMATED_BITS)
    return 'is too predictable (too few different characters, or a short pattern repeated)';
  return undefined;
}
