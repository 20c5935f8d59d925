import type { Context, Hono } from 'hono';
import {
  BFF_PATHS,
  type BffSessionInfo,
  type BffSignInStart,
  CSRF_HEADER,
  companyDomainOf,
  SIGN_IN_ERROR_PARAM,
} from '../../common/bff-contract.ts';
import type { BffInspectorTimeline } from '../../common/inspector/timeline.ts';
import type { SignInErrorKind } from '../../common/oauth/sign-in-error.ts';
import { toSignInError } from '../../common/oauth/to-sign-in-error.ts';
import { safeReturnTo } from '../../common/return-to.ts';
import { requireCsrfHeader } from '../http/csrf.ts';
import type { FlowRecorder } from '../inspector/flow-recorder.ts';
import type { ConfidentialClient } from '../oauth-client.ts';
import { isNoAnswer, type ProviderTimeouts } from '../provider-timeouts.ts';
import type { ServerConfig } from '../server-config.ts';
import type { Session, SessionCookies } from '../sessions/session-cookie.ts';
import type { SessionRefresher } from '../sessions/session-refresher.ts';
import { SessionStoreUnavailableError } from '../sessions/session-store.ts';
import type { Sessions } from '../sessions/sessions.ts';
import { signedInUser } from './signed-in-user.ts';

export interface AuthRouteDeps {
  config: ServerConfig;
  cookies: SessionCookies;
  client: ConfidentialClient;
  refresher: SessionRefresher;
  /** The inspector's recorder (a no-op when the inspector is off). */
  recorder: FlowRecorder;
  /** The session of each request, from its cookie and the session store. */
  sessions: Sessions;
  fetch: typeof fetch;
  timeouts: ProviderTimeouts;
}

/** What the browser is told about the user: the company id stays on the server, it needs none. */
function sessionUserInfo(user: NonNullable<Session['user']>): BffSessionInfo['user'] {
  return { id: user.id, name: user.name, ...(user.companyName ? { companyName: user.companyName } : {}) };
}

/** Failures go back to the app with only a kind in the URL, never the provider's parameters. */
function signInFailed(c: Context, kind: SignInErrorKind): Response {
  return c.redirect(`/?${SIGN_IN_ERROR_PARAM}=${encodeURIComponent(kind)}`, 302);
}

/**
 * The server, not the browser, calls the provider here: a call that got no answer means the
 * provider is not answering, not that the rep's connection is down (what `network` tells them).
 */
function callbackErrorKind(error: unknown): SignInErrorKind {
  if (error instanceof SessionStoreUnavailableError) {
    console.error(`[quicklead] GET /auth/callback: ${error.message}`);
    return 'session-store';
  }
  return isNoAnswer(error) ? 'unavailable' : toSignInError(error).kind;
}

/**
 * Starts a sign-in in this browser: a new state (and verifier) in the sealed sign-in cookie, which
 * replaces any unfinished one, and the provider's authorization URL to send the browser to.
 */
async function beginSignIn(c: Context, deps: AuthRouteDeps, returnTo: string): Promise<URL> {
  const { cookies, client, recorder } = deps;
  const { url, state, codeVerifier } = await client.authorizationRequest();
  // A new attempt: the inspector's record of an earlier failed one goes.
  const failed = cookies.readFailedSignIn(c);
  if (failed !== undefined) {
    await recorder.forgetFailedSignIn(failed);
    cookies.clearFailedSignIn(c);
  }
  recorder.signInStarted(url, codeVerifier);
  await cookies.writeSignIn(c, { state, returnTo, ...(codeVerifier ? { codeVerifier } : {}) });
  return url;
}

/** The sign-in (its start and the callback), the session, and the inspector's timeline. */
export function registerAuthRoutes(app: Hono, deps: AuthRouteDeps): void {
  const { config, cookies, client, recorder } = deps;

  /**
   * A sign-in starts only from QuickLead's own page: a POST with the CSRF header (the sign-in
   * button's fetch), answered with the URL to go to. A foreign page can send neither a header
   * nor a preflight this server grants, so it cannot restart a sign-in in progress (replacing its
   * state cookie) or start one of its own. `Origin` is no help here: under this app's
   * `Referrer-Policy: no-referrer` browsers send `Origin: null` even with a same-origin form.
   */
  app.post(
    BFF_PATHS.login,
    requireCsrfHeader(
      `A sign-in starts from QuickLead's sign-in button (requests carry the ${CSRF_HEADER} header).`,
    ),
    async (c) => {
      const url = await beginSignIn(c, deps, safeReturnTo(c.req.query('returnTo'), config.publicUrl));
      return c.json({ authorizationUrl: url.href } satisfies BffSignInStart);
    },
  );

  // An old bookmark or a link from anywhere: back to the app, whose sign-in button starts one.
  app.get(BFF_PATHS.login, (c) => c.redirect(safeReturnTo(c.req.query('returnTo'), config.publicUrl), 303));

  app.get(BFF_PATHS.callback, async (c) => {
    const callbackUrl = new URL(c.req.url);
    const pending = await cookies.readSignIn(c);
    // One use only: whatever happens next, this sign-in's state and verifier are gone.
    cookies.clearSignIn(c);
    if (!pending) {
      const params = callbackUrl.searchParams;
      if (params.has('code') && !params.has('state') && !params.has('error')) {
        // An install from Pipedrive's link or Marketplace: a code, no state, and nothing started here.
        // Such a code cannot be tied to this browser, so it is never exchanged (it could be an
        // attacker's, planted to sign the victim in to the attacker's account); an ordinary
        // sign-in starts instead, here (the sign-in route takes only the app's own requests),
        // which the now-installed app passes without a second consent. No sign-in was pending,
        // so none is replaced. It sends a state, so if this browser drops cookies it ends at the
        // 'state' error below rather than looping.
        return c.redirect((await beginSignIn(c, deps, '/')).href, 302);
      }
      // Nothing to check the state against: no sign-in started in this browser, or it was used.
      return signInFailed(c, params.get('error') === 'access_denied' ? 'denied' : 'state');
    }
    const flowKey = recorder.callbackReceived(callbackUrl, pending.state, pending.returnTo);
    // Where the inspector holds this sign-in's steps: under the session's id once tokens came back.
    let recordKey = flowKey;
    try {
      const session = await client.completeSignIn(
        callbackUrl,
        pending,
        recorder.fetchFor(flowKey, deps.fetch),
      );
      await recorder.signedIn(flowKey, session.sid);
      recordKey = session.sid;
      // Not answering here leaves the new tokens unused, not revoked: at Pipedrive a revocation
      // would uninstall the app, and the next sign-in would ask for consent all over again.
      const user = await signedInUser(
        session,
        recorder.fetchFor(session.sid, deps.fetch),
        deps.timeouts.authMs,
      );
      await deps.sessions.start(c, { ...session, user });
    } catch (error) {
      // Inspector on: this browser may still look at what went wrong (off, nothing was recorded).
      const failedId = await recorder.signInFailed(recordKey);
      if (failedId !== undefined) cookies.writeFailedSignIn(c, failedId);
      return signInFailed(c, callbackErrorKind(error));
    }
    // Checked again on the way out: a sign-in cookie sealed by an earlier build carries its own check's result.
    return c.redirect(safeReturnTo(pending.returnTo, config.publicUrl), 302);
  });

  app.get(BFF_PATHS.session, async (c) => {
    const session = await deps.sessions.read(c);
    if (!session) return c.json({ signedIn: false } satisfies BffSessionInfo);
    await deps.sessions.keep(c, session);
    return c.json({
      signedIn: true,
      apiDomain: session.apiDomain,
      companyDomain: companyDomainOf(session.apiDomain),
      ...(session.user ? { user: sessionUserInfo(session.user) } : {}),
      expiresAt: session.expiresAt,
      scopes: session.scopes,
    } satisfies BffSessionInfo);
  });

  if (recorder.enabled) {
    // Registered only when the inspector is on, so otherwise the route does not exist (404).
    app.get(
      BFF_PATHS.inspector,
      // JSON a cross-site page could not read anyway, but the header keeps every session route alike.
      requireCsrfHeader(`Requests must carry the ${CSRF_HEADER} header.`),
      async (c) => {
        const session = await deps.sessions.read(c);
        const failed = session ? undefined : cookies.readFailedSignIn(c);
        const steps = session
          ? await recorder.timeline(session.sid)
          : failed !== undefined
            ? await recorder.failedSignInTimeline(failed)
            : [];
        return c.json({ steps } satisfies BffInspectorTimeline);
      },
    );
  }
}
