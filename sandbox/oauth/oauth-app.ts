import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { appOriginCors } from '../cors-policy.ts';
import { SandboxConnectionDropped } from '../faults/fault-injection.ts';
import type { DemoAccount } from '../pages/oauth-pages.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import type { AppLifecycle } from './app-lifecycle.ts';
import { registerAuthorizeRoutes } from './oauth-authorize-routes.ts';
import type { OAuthClient } from './oauth-clients.ts';
import { registerInstallLink } from './oauth-install-link.ts';
import { registerTokenRoutes } from './oauth-token-routes.ts';

/**
 * Token, revocation and sign-in form bodies are a few hundred bytes. Anything far larger is refused
 * before it is read (by `Content-Length`, or as it streams in), so no page can make the sandbox
 * buffer megabytes.
 */
export const MAX_OAUTH_BODY_BYTES = 64 * 1024;

export interface OAuthAppDeps {
  auth: AuthStore;
  crm: CrmStore;
  clients: readonly OAuthClient[];
  demoAccounts: readonly DemoAccount[];
  apiOrigin: string;
  appOrigins: readonly string[];
  /** Installs per user and app, and the uninstall a revoked refresh token causes. */
  lifecycle: AppLifecycle;
  /** The sandbox-only `/__sandbox/*` routes with their guard (sandbox/admin/admin-routes.ts). */
  admin: Hono;
}

/** The stand-in for https://oauth.pipedrive.com. */
export function createOAuthApp(deps: OAuthAppDeps): Hono {
  const app = new Hono();
  // Only the endpoints a browser client calls with fetch get CORS; the pages are navigations.
  const tokenCors = appOriginCors(deps.appOrigins, ['POST']);
  app.use('/oauth/token', tokenCors);
  app.use('/oauth/revoke', tokenCors);
  // After CORS, so a browser client can read the refusal.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_OAUTH_BODY_BYTES,
      onError: (c) =>
        c.json(
          {
            success: false,
            error: 'invalid_request',
            error_description: `Invalid request: the body is larger than ${MAX_OAUTH_BODY_BYTES / 1024} KB`,
          },
          413,
        ),
    }),
  );
  app.route('/', deps.admin);

  const installs = deps.lifecycle.installs;
  const renderSignIn = registerAuthorizeRoutes(app, { ...deps, installs });
  registerInstallLink(app, deps, renderSignIn);
  registerTokenRoutes(app, deps);

  app.notFound((c) => c.json({ success: false, error: 'Not found' }, 404));
  app.onError((error, c) => {
    // A refresh fault that drops the connection has no answer at all: in-process, app.request()
    // rejects with it, as fetch would over HTTP.
    if (error instanceof SandboxConnectionDropped) throw error;
    console.error('[sandbox] OAuth error', error);
    return c.json({ success: false, error: 'server_error', message: 'Internal server error' }, 500);
  });
  return app;
}
