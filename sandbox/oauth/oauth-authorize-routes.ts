import type { Context, Hono } from 'hono';
import { sendPage } from '../pages/html-page.ts';
import { consentPage, type DemoAccount, errorPage } from '../pages/oauth-pages.ts';
import type { AppInstalls } from '../store/app-installs.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { APP_NAME, type OAuthClient, scopesGrantedBy, secretsMatch } from './oauth-clients.ts';
import {
  expiredPage,
  formField,
  redirectBack,
  type SignInRenderer,
  signInRenderer,
} from './oauth-sign-in.ts';
import { authorizePkceProblem } from './pkce.ts';

export interface AuthorizeRouteDeps {
  auth: AuthStore;
  crm: CrmStore;
  clients: readonly OAuthClient[];
  demoAccounts: readonly DemoAccount[];
  installs: AppInstalls;
}

/** The sign-in page's form: signs in, then asks for consent unless the app is installed already. */
function registerLogin(app: Hono, deps: AuthorizeRouteDeps, renderSignIn: SignInRenderer): void {
  app.post('/oauth/login', async (c) => {
    const request = deps.auth.findPendingAuthorization(await formField(c, 'request_id'));
    if (!request) return expiredPage(c);
    const email = (await formField(c, 'email')).trim();
    const user = deps.crm.findUserByEmail(email);
    const password = await formField(c, 'password');
    if (!user?.activeFlag || !secretsMatch(user.password, password)) {
      return renderSignIn(c, request, email, 'The email or password is incorrect. Check them and try again.');
    }
    request.userId = user.id;
    const install = deps.installs.find(user.id, request.clientId);
    if (install) {
      // Installed already: Pipedrive asks nothing more and goes back with a code at once. The
      // sign-in page itself stays, because the sandbox keeps no browser login.
      deps.auth.takePendingAuthorization(request.id);
      const code = deps.auth.issueCode(request, user.id, install.scopes);
      return redirectBack(c, request.redirectUri, { code, state: request.state });
    }
    return sendPage(c, 200, {
      title: `Allow ${APP_NAME} · Pipedrive sandbox`,
      formTargets: [new URL(request.redirectUri).origin],
      body: consentPage({
        appName: APP_NAME,
        requestId: request.id,
        user,
        company: deps.crm.company,
        scopes: scopesGrantedBy(user),
      }),
    });
  });
}

function registerConsent(app: Hono, deps: AuthorizeRouteDeps): void {
  app.post('/oauth/consent', async (c) => {
    const request = deps.auth.takePendingAuthorization(await formField(c, 'request_id'));
    if (!request || request.userId === null) return expiredPage(c);
    // Anything but an explicit Allow is a refusal, and installs nothing.
    if ((await formField(c, 'decision')) !== 'allow') {
      return redirectBack(c, request.redirectUri, { error: 'access_denied', state: request.state });
    }
    const user = deps.crm.findUser(request.userId);
    if (!user?.activeFlag) return expiredPage(c);
    const scopes = scopesGrantedBy(user);
    deps.installs.add({
      userId: user.id,
      clientId: request.clientId,
      scopes,
      redirectUri: request.redirectUri,
    });
    const code = deps.auth.issueCode(request, user.id, scopes);
    return redirectBack(c, request.redirectUri, { code, state: request.state });
  });
}

function authorize(c: Context, deps: AuthorizeRouteDeps, renderSignIn: SignInRenderer): Response {
  const query = c.req.query();
  const client = deps.clients.find((candidate) => candidate.clientId === query.client_id);
  // Before the redirect URI is known to be registered, errors are shown here and never
  // redirected: redirecting to an arbitrary URI would make the sandbox an open redirector.
  if (!client) {
    return sendPage(c, 400, {
      title: 'Unknown app · Pipedrive sandbox',
      body: errorPage('This app is not registered', 'The client_id in the sign-in link is not known.'),
    });
  }
  const redirectUri = query.redirect_uri;
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return sendPage(c, 400, {
      title: 'Invalid redirect · Pipedrive sandbox',
      body: errorPage(
        'This app cannot be installed',
        'The redirect_uri in the sign-in link does not match the callback URL registered for the app.',
      ),
    });
  }
  const state = query.state || null;
  if (query.response_type !== undefined && query.response_type !== 'code') {
    return redirectBack(c, redirectUri, { error: 'unsupported_response_type', state });
  }
  const problem = authorizePkceProblem(client.pkce, query.code_challenge, query.code_challenge_method);
  if (problem)
    return redirectBack(c, redirectUri, { error: 'invalid_request', error_description: problem, state });
  const request = deps.auth.createPendingAuthorization({
    clientId: client.clientId,
    redirectUri,
    state,
    // Kept only where it is checked; in `accept` mode it is ignored, as Pipedrive would.
    codeChallenge: client.pkce === 'require' ? (query.code_challenge ?? null) : null,
  });
  return renderSignIn(c, request, '', null);
}

export function registerAuthorizeRoutes(app: Hono, deps: AuthorizeRouteDeps): SignInRenderer {
  const renderSignIn = signInRenderer(deps.crm, deps.demoAccounts);
  app.get('/oauth/authorize', (c) => authorize(c, deps, renderSignIn));
  registerLogin(app, deps, renderSignIn);
  registerConsent(app, deps);
  return renderSignIn;
}
