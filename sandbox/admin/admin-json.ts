import type { Context } from 'hono';

/** Small helpers for the SANDBOX-ONLY admin routes' JSON bodies. */

export type AdminBody = { ok: true; value: unknown } | { ok: false };

/** The JSON body; an empty body is `undefined` (some admin routes need none). */
export async function readBody(c: Context): Promise<AdminBody> {
  const text = await c.req.text();
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export const bad = (c: Context, error: string) => c.json({ ok: false, error }, 400);

export function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

export const isUserId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** `?userId=n` as a number; undefined when absent, null when present but not a user id. */
export function userIdQuery(c: Context): number | undefined | null {
  const raw = c.req.query('userId');
  if (raw === undefined) return undefined;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  return isUserId(value) ? value : null;
}
