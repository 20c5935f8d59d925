import type { SecretPart, SecretText } from './model.ts';

/**
 * How the inspector marks secrets. Secrets are found by what they are (a form field named
 * `code_verifier`, a JSON `access_token`, an `Authorization` header), never by provider, so the
 * same rules work for Pipedrive, the sandbox or any OAuth server.
 */

export type SecretKind =
  | 'access token'
  | 'refresh token'
  | 'ID token'
  | 'token'
  | 'client credentials'
  | 'client secret'
  | 'authorization code'
  | 'code verifier';

/** `reveal`: kept and shown on request. `hint`: only length and fingerprint. `hide`: nothing at all. */
export type Disclosure = 'reveal' | 'hint' | 'hide';

export interface Redactor {
  disclosure: (kind: SecretKind) => Disclosure;
  /** A non-reversible description (length, fingerprint); only the server computes one. */
  hint?: (value: string) => string;
}

/** The browser's own `spa` session: everything it holds may be shown to the person holding it. */
export const BROWSER_REDACTOR: Redactor = { disclosure: () => 'reveal' };

export interface KnownSecret {
  kind: SecretKind;
  value: string;
}

/**
 * A short revealable value would match ordinary text (a code `42` would mask every 42), so it is not
 * hunted; one that must stay hidden is masked wherever it appears, however short.
 */
const MIN_SECRET_LENGTH = 8;

export function secretPart(secret: KnownSecret, redactor: Redactor): SecretPart {
  const disclosure = redactor.disclosure(secret.kind);
  if (disclosure === 'reveal') return { secret: secret.kind, value: secret.value };
  if (disclosure === 'hint' && redactor.hint)
    return { secret: secret.kind, hint: redactor.hint(secret.value) };
  return { secret: secret.kind };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One occurrence of a known secret in a text: where it starts and how many characters it spans. */
export interface SecretMatch {
  index: number;
  length: number;
  secret: KnownSecret;
}

/** Every occurrence of a known secret (raw or percent-encoded) in `text`, in order, never overlapping. */
export function findSecrets(
  text: string,
  secrets: readonly KnownSecret[],
  redactor: Redactor,
): SecretMatch[] {
  const byForm = new Map<string, KnownSecret>();
  for (const secret of secrets) {
    if (secret.value === '') continue;
    if (secret.value.length < MIN_SECRET_LENGTH && redactor.disclosure(secret.kind) === 'reveal') continue;
    for (const form of secretForms(secret)) {
      if (!byForm.has(form)) byForm.set(form, secret);
    }
  }
  if (byForm.size === 0) return [];
  // Longest first, so a secret that contains another is taken whole.
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  const matches: SecretMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const secret = byForm.get(match[0]);
    if (secret) matches.push({ index: match.index, length: match[0].length, secret });
  }
  return matches;
}

/** The ways a secret is written on the wire: as it is, and percent-encoded in a form or query. */
export function secretForms(secret: KnownSecret): string[] {
  return [secret.value, encodeURIComponent(secret.value)];
}

/** Splits `text` around every occurrence of a known secret (raw or percent-encoded). */
export function markSecrets(text: string, secrets: readonly KnownSecret[], redactor: Redactor): SecretText {
  const parts: SecretText = [];
  let last = 0;
  for (const match of findSecrets(text, secrets, redactor)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(secretPart(match.secret, redactor));
    last = match.index + match.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const FORM_SECRETS: Record<string, SecretKind> = {
  code: 'authorization code',
  code_verifier: 'code verifier',
  refresh_token: 'refresh token',
  access_token: 'access token',
  client_secret: 'client secret',
};

/** Secrets in a form body or a query string. */
export function secretsInParams(params: URLSearchParams): KnownSecret[] {
  const found: KnownSecret[] = [];
  for (const [name, value] of params) {
    const kind = FORM_SECRETS[name];
    if (kind) found.push({ kind, value });
  }
  // RFC 7009: the token being revoked; its hint says which kind it is.
  const token = params.get('token');
  if (token) {
    const hint = params.get('token_type_hint');
    found.push({
      kind: hint === 'refresh_token' ? 'refresh token' : hint === 'access_token' ? 'access token' : 'token',
      value: token,
    });
  }
  return found;
}

/** Secrets in a JSON token response. */
export function secretsInJson(body: string): KnownSecret[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const record = parsed as Record<string, unknown>;
  const found: KnownSecret[] = [];
  const fields: Array<[string, SecretKind]> = [
    ['access_token', 'access token'],
    ['refresh_token', 'refresh token'],
    ['id_token', 'ID token'],
  ];
  for (const [field, kind] of fields) {
    const value = record[field];
    if (typeof value === 'string') found.push({ kind, value });
  }
  return found;
}

/** `Authorization: Bearer …` carries the access token, `Basic …` the client's id and secret. */
export function secretsInAuthorization(value: string | undefined): KnownSecret[] {
  const match = /^(Bearer|DPoP|Basic)\s+(.+)$/i.exec(value ?? '');
  if (!match?.[2]) return [];
  const scheme = match[1]?.toLowerCase();
  return [{ kind: scheme === 'basic' ? 'client credentials' : 'access token', value: match[2] }];
}
