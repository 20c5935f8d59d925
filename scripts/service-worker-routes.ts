/**
 * Which requests QuickLead's service worker answers, other than the files it precaches. Each rule
 * is a `urlPattern` function for workbox-build, which copies its source text into the service
 * worker: so each must stand alone, using only its argument (no imports, no constants from here).
 *
 * Everything no rule matches goes to the network as if there were no service worker, and nothing
 * of it is kept: the session check and sign-in routes (`/auth/*`, the bff callback among them),
 * the proxied Pipedrive calls (`/api/*`), the `spa` callback (`/callback`, whose code is spent
 * once), and every other origin (the provider's sign-in pages and token endpoint, Pipedrive's API).
 */

/** What workbox hands a `urlPattern` function, as far as these rules read it. */
export interface RouteRequest {
  url: URL;
  request: { mode: string };
  sameOrigin: boolean;
}

/**
 * A page of the app being opened (`/`, `/share`, any route the app server answers with the app's
 * page): tried on the network first, and only when that fails answered with the precached
 * `index.html`. Never a sign-in route or the callback: those must reach the server or fail.
 */
export function isAppPageNavigation({ url, request, sameOrigin }: RouteRequest): boolean {
  if (!sameOrigin || request.mode !== 'navigate') return false;
  const path = url.pathname;
  const isServerRoute =
    path === '/auth' || path.startsWith('/auth/') || path === '/api' || path.startsWith('/api/');
  return !isServerRoute && path !== '/callback';
}

/**
 * The deployment's `/app-config.json` (mode, provider, public endpoints; no secret): fresh from
 * the network whenever there is one, and the last copy when there is none, so the app can start
 * offline. Not precached: it belongs to the deployment, not to the build, and changes without one.
 */
export function isAppConfig({ url, sameOrigin }: RouteRequest): boolean {
  return sameOrigin && url.pathname === '/app-config.json';
}
