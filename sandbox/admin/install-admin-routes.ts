import type { Hono } from 'hono';
import type { AppLifecycle } from '../oauth/app-lifecycle.ts';
import { CONFIDENTIAL_CLIENT_ID } from '../oauth/oauth-clients.ts';
import { bad, field, isUserId, readBody, userIdQuery } from './admin-json.ts';

/**
 * SANDBOX-ONLY admin routes for app installs and uninstall notices, on the API origin beside the
 * other `/__sandbox/` routes. `?userId=n` narrows each listing to one user, so tests running side
 * by side on one sandbox read only their own.
 */
export function registerInstallAdminRoutes(app: Hono, lifecycle: AppLifecycle): void {
  app.get('/__sandbox/installs', (c) => {
    const userId = userIdQuery(c);
    if (userId === null) return bad(c, '"userId" must be a positive integer');
    const installs = lifecycle.installs
      .list()
      .filter((install) => userId === undefined || install.userId === userId)
      .map((install) => ({ ...install, installedAt: new Date(install.installedAt).toISOString() }));
    return c.json({ ok: true, installs });
  });

  // Forgets installs (all, or one user's) so the next authorization shows the consent page again.
  // A test setup tool, not an uninstall: no token ends and no notice is sent.
  app.delete('/__sandbox/installs', (c) => {
    const userId = userIdQuery(c);
    if (userId === null) return bad(c, '"userId" must be a positive integer');
    return c.json({ ok: true, forgotten: lifecycle.installs.forget(userId) });
  });

  // The user removes the app in Pipedrive's settings: as a revoked refresh token does, every grant
  // ends, the install goes and the app's callback URL gets the DELETE notice.
  app.post('/__sandbox/uninstall', async (c) => {
    const body = await readBody(c);
    if (!body.ok) return bad(c, 'body must be {"userId": number, "clientId"?: string}');
    const userId = field(body.value, 'userId');
    if (!isUserId(userId)) return bad(c, '"userId" must be a positive integer');
    const clientId = field(body.value, 'clientId') ?? CONFIDENTIAL_CLIENT_ID;
    if (typeof clientId !== 'string') return bad(c, '"clientId" must be a string');
    if (!lifecycle.uninstall(userId, clientId)) return c.json({ ok: false, error: 'no such client' }, 404);
    return c.json({ ok: true });
  });

  // Every DELETE notice sent, oldest first, with the app's answer status once it came (null while
  // awaited, or with `error` when none came): poll until it is there.
  app.get('/__sandbox/uninstall-calls', (c) => {
    const userId = userIdQuery(c);
    if (userId === null) return bad(c, '"userId" must be a positive integer');
    return c.json({ ok: true, calls: lifecycle.notices.list(userId) });
  });

  app.delete('/__sandbox/uninstall-calls', (c) => {
    lifecycle.notices.clear();
    return c.json({ ok: true, calls: [] });
  });
}
