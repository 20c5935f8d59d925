import { MASK, type SecretText } from './model.ts';
import { findSecrets, type KnownSecret, type Redactor, secretForms, secretPart } from './redact.ts';

/**
 * How a recorded body is shown: its secrets are masked first, and only then is it cut. Cutting
 * first would hide a secret from the masking (a token cut in half no longer matches, a JSON answer
 * cut short no longer parses) and leave it, or its start, in plain text.
 */

/** Said instead of a body that could not be read well enough to know where its secrets are. */
export const UNREADABLE_BODY = 'body not shown: could not be read to hide its secrets';

export interface RecordedBody {
  /** The body, or only its start. */
  text: string;
  /** The whole body's length when `text` is only its start. */
  chars?: number;
}

/** Characters a secret can span as written: its longest form. */
function longestForm(secrets: readonly KnownSecret[]): number {
  let longest = 0;
  for (const secret of secrets)
    for (const form of secretForms(secret)) longest = Math.max(longest, form.length);
  return longest;
}

/**
 * `body` with its secrets marked, cut to `maxChars` as shown (a masked secret counts as its mask and
 * is never split), and a last line saying how much is left out.
 */
export function shownBody(
  body: RecordedBody,
  secrets: readonly KnownSecret[],
  redactor: Redactor,
  maxChars: number,
): SecretText {
  const { text } = body;
  const total = Math.max(body.chars ?? text.length, text.length);
  const matches = findSecrets(text, secrets, redactor);
  let end = text.length;
  if (total > text.length) {
    // Only the start was kept: a secret running past its end was not found, and its first part
    // would read as plain text. So the last stretch, as long as the longest secret, is left out
    // (a secret found whole across that point is still taken whole, masked).
    end = Math.max(0, text.length - longestForm(secrets));
    for (const match of matches) {
      if (match.index < end && match.index + match.length > end) end = match.index + match.length;
    }
  }
  const parts: SecretText = [];
  let shown = 0;
  let at = 0;
  const addPlain = (upTo: number): boolean => {
    const room = maxChars - shown;
    const plain = text.slice(at, upTo);
    const taken = plain.length > room ? plain.slice(0, room) : plain;
    if (taken !== '') parts.push(taken);
    shown += taken.length;
    at += taken.length;
    return taken.length === plain.length;
  };
  let whole = true;
  for (const match of matches) {
    if (match.index >= end) break;
    if (!addPlain(match.index) || shown + MASK.length > maxChars) {
      whole = false;
      break;
    }
    parts.push(secretPart(match.secret, redactor));
    shown += MASK.length;
    at = match.index + match.length;
  }
  if (whole) addPlain(end);
  if (at < total) parts.push(`${parts.length > 0 ? '\n' : ''}… (${total - at} more characters not shown)`);
  return parts;
}

/** The fields OAuth defines for a token endpoint's answer (RFC 6749 §5, OpenID Connect), and Pipedrive's `api_domain`. */
const SECRET_TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;
const PLAIN_TOKEN_FIELDS = [
  'token_type',
  'expires_in',
  'scope',
  'api_domain',
  'error',
  'error_description',
  'error_uri',
] as const;

export type TokenAnswerFields = Record<string, string | number | boolean>;

export interface TokenAnswer {
  /** Only the known fields: secrets as strings, the rest as plain values. */
  fields: TokenAnswerFields;
  /** How many other fields the answer had; none is kept, as any of them could hold a secret. */
  left: number;
}

/**
 * A token endpoint's answer read as JSON and rebuilt from the fields OAuth defines, or undefined
 * when it cannot be read whole (cut short, not JSON, not an object), in which case none of it may
 * be shown: where its secrets are is unknown.
 */
export function readTokenAnswer(body: RecordedBody | undefined): TokenAnswer | undefined {
  if (body === undefined || (body.chars ?? 0) > body.text.length) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const fields: TokenAnswerFields = {};
  for (const name of SECRET_TOKEN_FIELDS) {
    const value = record[name];
    if (typeof value === 'string') fields[name] = value;
  }
  for (const name of PLAIN_TOKEN_FIELDS) {
    const value = record[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[name] = value;
  }
  return { fields, left: Object.keys(record).length - Object.keys(fields).length };
}
