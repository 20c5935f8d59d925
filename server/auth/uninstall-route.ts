import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { BFF_PATHS } from '../../common/bff-contract.ts';
import type { ServerConfig } from '../server-config.ts';
import type { SessionStore } from '../sessions/session-store.ts';

/** Pipedrive's notice is some 100 bytes of JSON; anything far larger is not Pipedrive. */
const MAX_NOTICE_BYTES = 4 * 1024;

/** Pipedrive's ids are numbers; a numeric string is taken too, as JSON from other tools often has them. */
const numericId = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number),
]);

/**
 * Pipedrive's uninstall notice: `{client_id, company_id, user_id, timestamp}`. Other keys are
 * ignored, and so are `client_id` and `timestamp`: the Basic credentials already say the notice is
 * for this app, and this server's own clock dates it, the clock sessions' `startedAt` is read from.
 */
const noticeSchema = z.object({ user_id: numericId, company_id: numericId });

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Equal-length digests, so neither the comparison's time nor its length says how close a guess was. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** `Basic base64(client_id:client_secret)`, as Pipedrive sends it; anything else is undefined. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function clientAuthentication(config: ServerConfig): MiddlewareHandler {
  return async (c, next) => {
    const given = basicCredentials(c.req.header('authorization')) ?? { id: '', secret: '' };
    // Both halves are always compared, so a right id with a wrong secret takes just as long.
    const idMatches = sameSecret(given.id, config.clientId);
    const secretMatches = sameSecret(given.secret, config.clientSecret);
    if (!(idMatches && secretMatches)) {
      c.header('WWW-Authenticate', 'Basic realm="QuickLead", charset="UTF-8"');
      return c.json(
        { success: false, error: 'unauthorized', error_info: 'The app’s client credentials are required.' },
        401,
      );
    }
    await next();
  };
}

function badNotice(c: Context, info: string): Response {
  return c.json({ success: false, error: 'invalid_request', error_info: info }, 400);
}

/**
 * `DELETE /auth/callback`: Pipedrive's notice that a user uninstalled the app (it has already
 * revoked the tokens; the answer is ignored). Every session of that user in that company is
 * deleted from the session store, so it ends on every instance at once.
 */
export function registerUninstallRoute(app: Hono, config: ServerConfig, store: SessionStore): void {
  app.delete(
    BFF_PATHS.callback,
    clientAuthentication(config),
    bodyLimit({
      maxSize: MAX_NOTICE_BYTES,
      onError: (c) =>
        c.json({ success: false, error: 'payload_too_large', error_info: 'The notice is too large.' }, 413),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return badNotice(c, 'The body must be JSON.');
      }
      const notice = noticeSchema.safeParse(body);
      if (!notice.success) return badNotice(c, 'The body must name user_id and company_id as numbers.');
      await store.deleteUserSessions(notice.data.company_id, notice.data.user_id);
      return c.json({ success: true });
    },
  );
}
