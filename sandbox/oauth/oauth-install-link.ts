import type { Context, Hono } from 'hono';
import { sendPage } from '../pages/html-page.ts';
import { errorPage } from '../pages/oauth-pages.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { OAuthClient } from './oauth-clients.ts';
import type { SignInRenderer } from './oauth-sign-in.ts';

export const INSTALL_LINK_PATH = '/oauth/install';

/** The installation link a private app's admin shares, e.g. `{oauth origin}/oauth/install?client_id=…`. */
export function installLink(oauthOrigin: string, clientId: string): string {
  return `${oauthOrigin}${INSTALL_LINK_PATH}?${new URLSearchParams({ client_id: clientId })}`;
}

function refuse(c: Context, title: string, message: string): Response {
  return sendPage(c, 400, {
    title: `${title} · Pipedrive sandbox`,
    body: errorPage('This app cannot be installed', message),
  });
}

/**
 * `GET /oauth/install?client_id=…[&redirect_uri=…]`: the app's unlisted installation link (or
 * the Marketplace's "Install now"). It runs the same sign-in and consent pages as an authorization
 * the app starts, to the app's registered callback URL (the first, unless `redirect_uri` names
 * another registered one), but **with no `state`**, as Pipedrive sends none for installs, and with
 * no PKCE: nobody on the app's side made a verifier (so with SANDBOX_PKCE=require, or for the
 * public client, the code cannot be exchanged, as an app could not prove it asked). The app gets
 * `code` without `state`. A `state` in the link is ignored.
 */
export function registerInstallLink(
  app: Hono,
  deps: { auth: AuthStore; clients: readonly OAuthClient[] },
  renderSignIn: SignInRenderer,
): void {
  app.get(INSTALL_LINK_PATH, (c) => {
    const clientId = c.req.query('client_id');
    const client = deps.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) return refuse(c, 'Unknown app', 'The client_id in the installation link is not known.');
    const asked = c.req.query('redirect_uri');
    const redirectUri = asked ?? client.redirectUris[0];
    if (redirectUri === undefined || !client.redirectUris.includes(redirectUri)) {
      return refuse(
        c,
        'Invalid redirect',
        'The redirect_uri in the installation link does not match the callback URL registered for the app.',
      );
    }
    const request = deps.auth.createPendingAuthorization({
      clientId: client.clientId,
      redirectUri,
      state: null,
      codeChallenge: null,
    });
    return renderSignIn(c, request, '', null);
  });
}
