import type { Context } from 'hono';
import type { TokenErrorKey } from './oauth-errors.ts';

export type FormResult = { ok: true; params: URLSearchParams } | { ok: false; error: TokenErrorKey };

export function isFormEncoded(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded';
}

/** Token and revoke bodies: form-encoded only, and RFC 6749 §3.2 forbids repeating a parameter. */
export async function readTokenForm(c: Context): Promise<FormResult> {
  if (!isFormEncoded(c.req.header('content-type'))) return { ok: false, error: 'contentType' };
  const params = new URLSearchParams(await c.req.text());
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) return { ok: false, error: 'repeatedParameter' };
    seen.add(key);
  }
  return { ok: true, params };
}
