import type { Hono } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';

/**
 * SANDBOX-ONLY admin routes for the company's users, not Pipedrive behaviour: switching a user off
 * and a new colleague joining.
 */
export function registerUserAdminRoutes(app: Hono, crm: CrmStore): void {
  // Switches a user off (or on again) mid-session, so a test can show how a stale owner list fails.
  app.post('/__sandbox/users/:id/active', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { active?: unknown } | null;
    if (typeof body?.active !== 'boolean')
      return c.json({ ok: false, error: 'body must be {"active": boolean}' }, 400);
    const found = crm.setUserActive(Number(c.req.param('id')), body.active);
    return found ? c.json({ ok: true }) : c.json({ ok: false, error: 'no such user' }, 404);
  });

  // A new colleague joins: `{name}` in, `{id, name, email, password}` out (see CrmStore.join). With
  // `installedScopes`, the colleague installed the app when it asked for only those: a test can
  // show what a rep with an older install sees.
  app.post('/__sandbox/users', async (c) => {
    const body = (await c.req.json().catch(() => null)) as {
      name?: unknown;
      installedScopes?: unknown;
    } | null;
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > 100)
      return c.json({ ok: false, error: 'body must be {"name": string of 1 to 100 characters}' }, 400);
    const scopes = body?.installedScopes;
    const validScopes =
      scopes === undefined ||
      (Array.isArray(scopes) && scopes.length <= 40 && scopes.every((scope) => typeof scope === 'string'));
    if (!validScopes)
      return c.json({ ok: false, error: '"installedScopes" must be a list of scope names' }, 400);
    const user = crm.join(name, (scopes as string[] | undefined) ?? null);
    return c.json({ ok: true, id: user.id, name: user.name, email: user.email, password: user.password });
  });
}
