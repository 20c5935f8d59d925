import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { API_ALLOWLIST, isAllowedApiCall } from '../../common/api-allowlist.ts';
import { BFF_PATHS, CSRF_HEADER } from '../../common/bff-contract.ts';
import { isAllowedOrigin } from '../../common/oauth/allowed-origin.ts';
import { encodeForClient } from '../http/compressed-answer.ts';
import { requireCsrfHeader } from '../http/csrf.ts';
import type { FlowRecorder } from '../inspector/flow-recorder.ts';
import { type ProviderTimeouts, providerDeadline } from '../provider-timeouts.ts';
import type { ServerConfig } from '../server-config.ts';
import type { SessionRefresher } from '../sessions/session-refresher.ts';
import type { Sessions } from '../sessions/sessions.ts';
import { renewForCall, signInRequired } from './proxy-refresh.ts';
import { MAX_UPSTREAM_BODY_BYTES, readUpstreamBody, type UpstreamBody } from './upstream-body.ts';

/** Lead and contact bodies are a few KB; anything far larger is not the app talking. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Response headers the app reads: cost and rate-limit state, back-off hint. Never the content
 * type: the proxy names its own (JSON), whatever upstream said.
 */
function isForwardedHeader(name: string): boolean {
  return (
    name === 'x-token-cost' ||
    name === 'retry-after' ||
    name.startsWith('x-ratelimit-') ||
    name.startsWith('x-daily-ratelimit-')
  );
}

export interface ApiProxyDeps {
  config: ServerConfig;
  sessions: Sessions;
  refresher: SessionRefresher;
  recorder: FlowRecorder;
  fetch: typeof fetch;
  now: () => number;
  timeouts: ProviderTimeouts;
}

function refusal(c: Context, status: 404 | 405 | 413 | 429 | 502, error: string, info: string): Response {
  return c.json({ success: false, error, error_info: info }, status);
}

/**
 * `/api/pipedrive/*` → `{api_domain}/*`: only the method and path pairs on the allowlist, only with
 * the CSRF header (which a cross-site form cannot send), with the session's bearer token added on
 * the way out.
 */
export function registerApiProxy(app: Hono, deps: ApiProxyDeps): void {
  const { config, sessions, refresher, recorder, now, timeouts } = deps;
  const route = `${BFF_PATHS.apiPrefix}/*`;

  app.use(route, requireCsrfHeader(`Requests to this API must carry the ${CSRF_HEADER} header.`));
  app.use(
    route,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => refusal(c, 413, 'payload_too_large', 'The request body is too large.'),
    }),
  );

  app.all(route, async (c) => {
    const url = new URL(c.req.url);
    // The raw (still percent-encoded) path is checked and forwarded, so what is checked is what is sent.
    const path = url.pathname.slice(BFF_PATHS.apiPrefix.length);
    const method = c.req.method;
    if (!isAllowedApiCall(method, path)) {
      const allowed = API_ALLOWLIST.filter((entry) => entry.path.test(path)).map((entry) => entry.method);
      if (allowed.length === 0) return refusal(c, 404, 'Not found', 'QuickLead does not forward this call.');
      c.header('Allow', allowed.join(', '));
      return refusal(c, 405, 'Method not allowed', 'QuickLead does not forward this call.');
    }

    let session = await sessions.read(c);
    if (!session) return signInRequired(c, sessions);
    if (!isAllowedOrigin(session.apiDomain, config.provider.apiOrigins)) {
      return signInRequired(c, sessions, session.sid);
    }
    const body = method === 'GET' ? undefined : await c.req.text();
    // With the inspector on, the session's calls (and refreshes) are recorded for it to see.
    const fetchImpl = recorder.fetchFor(session.sid, deps.fetch);

    const refreshDeps = { sessions, refresher, fetch: fetchImpl };
    let didRefresh = false;
    if (session.refreshAt <= now()) {
      // Until it expires, the current token still works.
      const renewal = await renewForCall(c, session, refreshDeps, (current) => current.expiresAt > now());
      if ('answer' in renewal) return renewal.answer;
      session = renewal.session;
      didRefresh = renewal.renewed;
    }

    const target = `${session.apiDomain}${path}${url.search}`;
    const send = (token: string) =>
      fetchImpl(target, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body } : {}),
        // A redirect would carry the request somewhere the allowlist never saw.
        redirect: 'manual',
        signal: providerDeadline(timeouts.apiMs),
      });

    let upstream: Response;
    try {
      upstream = await send(session.accessToken);
      if (upstream.status === 401) {
        // Revoked or expired early: one refresh and one retry, never a loop.
        if (didRefresh) return signInRequired(c, sessions, session.sid);
        // Refused upstream, the current token serves the call no more.
        const renewal = await renewForCall(c, session, refreshDeps, () => false);
        if ('answer' in renewal) return renewal.answer;
        session = renewal.session;
        upstream = await send(session.accessToken);
        if (upstream.status === 401) return signInRequired(c, sessions, session.sid);
      }
    } catch {
      return refusal(c, 502, 'upstream_unreachable', 'Pipedrive could not be reached. Try again.');
    }
    if (upstream.status >= 300 && upstream.status < 400) {
      return refusal(
        c,
        502,
        'upstream_redirect',
        'Pipedrive answered with a redirect, which is not followed.',
      );
    }

    // Every call slides the idle timeout; refreshed tokens are already in the store.
    await sessions.keep(c, session);
    for (const [name, value] of upstream.headers) if (isForwardedHeader(name)) c.header(name, value);
    return await answerWith(c, upstream.status, await readUpstreamBody(upstream));
  });
}

/**
 * Only JSON of bounded size is served from the app's origin: an HTML page from a gateway or a
 * captive portal is never passed on, so nothing upstream sends can run as this origin's page.
 *
 * Pipedrive's JSON goes out compressed (brotli, else gzip) when large enough (an account's deal fields run to tens of
 * KB), although no cache may keep it. A length side channel on a compressed answer needs a secret
 * in it and the attacker's input beside it: these answers carry no secret of QuickLead's (the
 * tokens stay on this server), and a cross-site page cannot make the browser ask for them, since
 * the CSRF header is required. Sign-in answers, which do carry secrets, are never compressed.
 */
async function answerWith(c: Context, status: number, body: UpstreamBody): Promise<Response> {
  switch (body.kind) {
    case 'empty':
      return c.body(null, status as StatusCode);
    case 'json': {
      c.header('content-type', 'application/json; charset=utf-8');
      // Upstream's own compression was undone when it was read; the browser gets its own.
      const encoded = await encodeForClient(body.bytes, c.req.header('accept-encoding'));
      c.header('vary', 'Accept-Encoding');
      if (encoded.encoding) c.header('content-encoding', encoded.encoding);
      c.header('content-length', String(encoded.bytes.byteLength));
      return c.body(encoded.bytes, status as ContentfulStatusCode);
    }
    case 'too-large':
      return refusal(
        c,
        502,
        'upstream_too_large',
        `Pipedrive's answer was larger than ${MAX_UPSTREAM_BODY_BYTES / 1024 / 1024} MB, so it was not read.`,
      );
    case 'cut':
      return refusal(c, 502, 'upstream_unreachable', 'Pipedrive could not be reached. Try again.');
    case 'not-json':
      // A 429 stays one (its Retry-After was forwarded above), so the app still waits before trying again.
      return refusal(
        c,
        status === 429 ? 429 : 502,
        'upstream_not_json',
        `Pipedrive answered ${status} with something other than JSON, which QuickLead does not pass on.`,
      );
  }
}
