import type { Context } from 'hono';
import { apiError } from './api-responses.ts';

/** The parsed JSON body, or the error response to send instead. */
export async function readJson(
  c: Context,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  // Pipedrive requires JSON for these endpoints; the status and text for other types are a best guess.
  if (mediaType !== 'application/json') {
    return {
      ok: false,
      response: apiError(c, 415, 'Unsupported Media Type', 'Content-Type must be application/json'),
    };
  }
  try {
    return { ok: true, body: JSON.parse(await c.req.text()) };
  } catch {
    return { ok: false, response: apiError(c, 400, 'Request body is not valid JSON') };
  }
}
