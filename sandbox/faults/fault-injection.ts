import type { Socket } from 'node:net';
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type FaultRule, type FaultStore, parseFaultHeader, ruleMatches } from './fault-rules.ts';

/**
 * SANDBOX-ONLY fault injection, not Pipedrive behaviour: lets tests make the API slow, fail, rate
 * limit or lose an answer, switched per sandbox (`/__sandbox/faults`) or per request (this header).
 */
export const FAULT_HEADER = 'x-sandbox-fault';
/** Set on every answer a fault shaped, so a test can tell an injected failure from a real one. */
export const FAULT_APPLIED_HEADER = 'x-sandbox-fault-applied';

/**
 * Thrown out of `app.request()` (in-process, where there is no socket to destroy) by a
 * `dropAfterStore` rule: the request was handled and its effect stored, but the caller gets no
 * answer, just as `fetch` rejects over HTTP. `response` is the answer that was lost, so a test
 * can check, say, the id of the lead that was stored.
 */
export class SandboxConnectionDropped extends Error {
  constructor(readonly response: Response) {
    super('sandbox fault: the connection was dropped after the request was handled');
    this.name = 'SandboxConnectionDropped';
  }
}

/**
 * What goes on the wire before the socket is destroyed. Two different Content-Length headers are a
 * response every HTTP client must refuse (RFC 9112 §6.3), so `fetch` rejects in browsers and Node
 * alike. A plain destroy with no bytes is not used because Chromium silently re-sends a request
 * (POST included) whose reused keep-alive connection closes before any response byte: one submit
 * then stores two or three leads, which would test the browser, not the app.
 */
const UNUSABLE_RESPONSE_HEAD =
  'HTTP/1.1 502 Sandbox Dropped\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n';

export const STATUS_TEXTS: Record<number, string> = {
  400: 'Bad request',
  401: 'unauthorized access',
  402: 'Payment required',
  403: 'You do not have permissions to do this.',
  404: 'Not found',
  405: 'Method not allowed',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable entity',
  500: 'Internal server error',
  501: 'Not implemented',
  502: 'Bad gateway',
  503: 'Requested service is not available',
  504: 'Gateway timeout',
};

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** The answer a `status` rule sends instead of handling the request, shaped like Pipedrive's errors. */
function faultResponse(c: Context, rule: FaultRule & { status: number }): Response {
  c.header(FAULT_APPLIED_HEADER, 'status');
  if (rule.retryAfterSeconds !== undefined) c.header('Retry-After', String(rule.retryAfterSeconds));
  const status = rule.status as ContentfulStatusCode;
  // The body of the sandbox's own burst and search 429s (overLimit in sandbox/api/api-responses.ts):
  // a guess, as Pipedrive documents only the daily-budget body.
  if (rule.status === 429)
    return c.json({ success: false, error: 'Request over limit', errorCode: 429 }, status);
  return c.json(
    {
      success: false,
      error: STATUS_TEXTS[rule.status] ?? 'Sandbox fault',
      errorCode: rule.status,
      error_info: 'Please check developers.pipedrive.com',
      data: null,
      additional_data: null,
    },
    status,
  );
}

function socketOf(c: Context): Socket | undefined {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket;
}

/**
 * Over HTTP (@hono/node-server) the socket gets an unusable response head and is destroyed, so the
 * client sees a network error; the Response returned is never sent. In-process there is no
 * socket, so the request ends in SandboxConnectionDropped instead (createApiApp and
 * createOAuthApp let it through).
 */
export function dropConnection(c: Context): Response {
  const socket = socketOf(c);
  if (!socket) throw new SandboxConnectionDropped(c.res);
  if (!socket.destroyed) {
    socket.write(UNUSABLE_RESPONSE_HEAD);
    socket.destroy();
  }
  return c.body(null, 500);
}

/** The rule for this request: the header's if sent (the store's rules are then left alone), else the store's. */
async function ruleFor(c: Context, faults: FaultStore): Promise<{ rule?: FaultRule; error?: string }> {
  // Hono keeps the text, so the route reads the same body after this.
  const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text().catch(() => '');
  const header = c.req.header(FAULT_HEADER);
  if (header === undefined) return { rule: faults.take(c.req.method, c.req.path, body) };
  const parsed = parseFaultHeader(header);
  if (!parsed.ok) return { error: parsed.error };
  return { rule: ruleMatches(parsed.value, c.req.method, c.req.path, body) ? parsed.value : undefined };
}

/**
 * Applies fault rules to every request on the API origin except the admin surface (a rule for '*'
 * must not lock the test out of clearing it) and CORS preflights (a browser reports a failed
 * preflight as a CORS error, which is not the fault a test asks for, and a preflight must not use
 * up a rule's `times`). Registered after CORS, so faulted answers still carry CORS headers.
 */
export function faultInjection(faults: FaultStore) {
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.path.startsWith('/__sandbox/')) return next();
    const { rule, error } = await ruleFor(c, faults);
    if (error !== undefined) return c.json({ ok: false, error }, 400);
    if (!rule) return next();
    if (rule.status !== undefined) {
      await sleep(rule.latencyMs ?? 0);
      return faultResponse(c, { ...rule, status: rule.status });
    }
    await next();
    // Latency after handling: a client that times out has still had its lead stored, which is the
    // ambiguous case the app must reconcile.
    await sleep(rule.latencyMs ?? 0);
    c.res.headers.set(FAULT_APPLIED_HEADER, rule.dropAfterStore ? 'drop' : 'latency');
    if (rule.dropAfterStore) c.res = dropConnection(c);
  });
}
