import type { Context, Hono } from 'hono';
import type { AuthStore, PendingAuthorization } from './auth-store.ts';
import type { CrmStore } from './crm-store.ts';
import { sendPage } from './html-page.ts';
import { APP_NAME, APP_SCOPES, type OAuthClient, scopesGrantedBy, secretsMatch } from './oauth-clients.ts';
import { consentPage, type DemoAccount, errorPage, limitedAccessNote, signInPage } from './oauth-pages.ts';
import { isS256Challenge } from './pkce.ts';
import { SANDBOX_PASSWORD } from './seed-company.ts';

export interface AuthorizeRouteDeps {
  auth: AuthStore;
  crm: CrmStore;
  clients: readonly OAuthClient[];
  demoAccounts: readonly DemoAccount[];
}

function redirectBack(c: Context, redirectUri: string, params: Record<string, string | null>): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(url.toString(), 302);
}

async function formField(c: Context, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function expiredPage(c: Context): Response {
  return sendPage(c, 400, {
    title: 'Sign-in expired · Pipedrive sandbox',
    body: errorPage(
      'This sign-in request has expired',
      'The sign-in page was open too long or was already used.',
    ),
  });
}

export function registerAuthorizeRoutes(app: Hono, deps: AuthorizeRouteDeps): void {
  const demoAccounts = deps.demoAccounts.map((account) => ({
    ...account,
    note: limitedAccessNote(deps.crm.findUserByEmail(account.email), APP_SCOPES),
  }));
  const renderSignIn = (c: Context, request: PendingAuthorization, email: string, error: string | null) =>
    sendPage(c, error ? 400 : 200, {
      title: error ? 'Error: Sign in · Pipedrive sandbox' : 'Sign in · Pipedrive sandbox',
      body: signInPage({
        appName: APP_NAME,
        requestId: request.id,
        email,
        error,
        demoAccounts,
        password: SANDBOX_PASSWORD,
      }),
    });

  app.get('/oauth/authorize', (c) => {
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
    const challenge = query.code_challenge ?? null;
    if (client.requirePkce) {
      const problem = !challenge
        ? 'code_challenge is required'
        : query.code_challenge_method !== 'S256'
          ? 'code_challenge_method must be S256'
          : !isS256Challenge(challenge)
            ? 'code_challenge is not a valid S256 challenge'
            : null;
      if (problem)
        return redirectBack(c, redirectUri, { error: 'invalid_request', error_description: problem, state });
    }
    const request = deps.auth.createPendingAuthorization({
      clientId: client.clientId,
      redirectUri,
      state,
      codeChallenge: client.requirePkce ? challenge : null,
    });
    return renderSignIn(c, request, '', null);
  });

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

  app.post('/oauth/consent', async (c) => {
    const request = deps.auth.takePendingAuthorization(await formField(c, 'request_id'));
    if (!request || request.userId === null) return expiredPage(c);
    // Anything but an explicit Allow is a refusal.
    if ((await formField(c, 'decision')) !== 'allow') {
      return redirectBack(c, request.redirectUri, { error: 'access_denied', state: request.state });
    }
    const user = deps.crm.findUser(request.userId);
    if (!user?.activeFlag) return expiredPage(c);
    const code = deps.auth.issueCode(request, user.id, scopesGrantedBy(user));
    return redirectBack(c, request.redirectUri, { code, state: request.state });
  });
}
