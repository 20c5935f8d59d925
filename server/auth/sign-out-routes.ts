import type { Context, Hono } from 'hono';
import { BFF_PATHS, CSRF_HEADER } from '../../common/bff-contract.ts';
import type { BffInspectorTimeline } from '../../common/inspector/timeline.ts';
import { requireCsrfHeader } from '../http/csrf.ts';
import type { AuthRouteDeps } from './auth-routes.ts';

/**
 * Two ways out of a `bff` session:
 *
 * - `POST /auth/logout` ends QuickLead's session only. It revokes nothing: at Pipedrive, revoking
 *   the refresh token uninstalls the app for the user, so every next sign-in would ask to install
 *   it again.
 * - `POST /auth/disconnect` revokes the tokens (the refresh token first, which at Pipedrive ends
 *   the whole grant), then does what sign-out does.
 *
 * Both need the CSRF header (a cross-site form must not sign anyone out or uninstall the app), and
 * both answer with the session's last inspector timeline when asked for JSON and the inspector is on.
 */
export function registerSignOutRoutes(app: Hono, deps: AuthRouteDeps): void {
  app.post(BFF_PATHS.logout, requireCsrfHeader(`Sign-out must carry the ${CSRF_HEADER} header.`), (c) =>
    endSession(c, deps, { revoke: false }),
  );
  app.post(
    BFF_PATHS.disconnect,
    requireCsrfHeader(`Disconnecting must carry the ${CSRF_HEADER} header.`),
    (c) => endSession(c, deps, { revoke: true }),
  );
}

async function endSession(c: Context, deps: AuthRouteDeps, options: { revoke: boolean }): Promise<Response> {
  const { cookies, client, recorder } = deps;
  const session = await deps.sessions.read(c);
  let timeline: BffInspectorTimeline | undefined;
  if (session) {
    deps.refresher.forget(session.sid);
    if (options.revoke) {
      const { grantEnded } = await client.revoke(session, recorder.fetchFor(session.sid, deps.fetch));
      // Not confirmed, the app may still be installed: the rep stays signed in and can try again,
      // rather than be told it is disconnected when it is not.
      if (!grantEnded)
        return c.json(
          {
            success: false,
            error: 'revocation_failed',
            error_info:
              'Pipedrive did not confirm the disconnect. You are still signed in; try again in a moment.',
          },
          502,
        );
    }
    // Gone from the store: every instance, and any copy of the cookie, now reads it as signed out.
    await deps.sessions.end(c, session.sid);
    // The inspector's last word on this session (a revocation included), then nothing is kept.
    if (recorder.enabled) timeline = { steps: await recorder.timeline(session.sid) };
    await recorder.forget(session.sid);
  }
  // Every cookie of QuickLead's is expired by name; none of anyone else's is touched.
  cookies.clearSession(c);
  cookies.clearSignIn(c);
  cookies.clearFailedSignIn(c);
  // Not "cookies" (nor "*"): browsers apply it to the whole registrable domain, so a deployment at
  // leads.example.com would sign its users out of every *.example.com site. "storage" reaches only
  // this origin (its localStorage, sessionStorage, IndexedDB, service workers), where the drafts
  // with prospects' details live. "cache" is left out as well: what it covers varies by browser,
  // and QuickLead's answers with data are not stored (Cache-Control: no-store).
  c.header('Clear-Site-Data', '"storage"');
  if (timeline && c.req.header('accept')?.includes('application/json')) return c.json(timeline);
  return c.body(null, 204);
}
