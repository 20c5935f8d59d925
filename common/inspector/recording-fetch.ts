/**
 * A fetch that remembers what went over the wire, for the inspector. DOM-free: the browser wraps
 * its own fetch with it in `spa` mode, the app server wraps the calls it makes for one session.
 */

/** One HTTP request and its answer, raw. Turned into steps (and redacted) by flow-exchange-steps.ts. */
export interface Exchange {
  startedAt: number;
  durationMs: number;
  method: string;
  url: string;
  requestHeaders: Array<[string, string]>;
  /** The request's body, or only its start when it is longer than the recorder keeps. */
  requestBody?: string;
  /** Set only when `requestBody` is just the start: the whole body's length in characters. */
  requestBodyChars?: number;
  status?: number;
  responseHeaders: Array<[string, string]>;
  /** The answer's body, or only its start when it is longer than the recorder keeps. */
  responseBody?: string;
  /** Set only when `responseBody` is just the start: the whole body's length in characters. */
  responseBodyChars?: number;
  /** Why there is no answer: the network failed or the call was aborted. */
  error?: string;
}

/**
 * How much of a body the recorder keeps. What it keeps is raw: secrets are masked only when the
 * exchange is explained (flow-body.ts), which then leaves out the end of a body kept only in part,
 * where a secret cut in two could not be recognised.
 */
export const KEPT_BODY_CHARS = 4000;
/**
 * The bodies of calls to a token or revocation endpoint, and their answers, are kept whole up to
 * this size: a token answer's tokens can only be found (and masked) by reading it as JSON, which a
 * cut answer no longer is, and a JWT access token can be several kB.
 */
export const KEPT_OAUTH_BODY_CHARS = 64_000;

type Kept = { body: string; chars?: number };

function keep(text: string, max: number): Kept {
  return text.length <= max ? { body: text } : { body: text.slice(0, max), chars: text.length };
}

/** A token request carries a `grant_type`, a revocation request (RFC 7009) a `token`. */
function isOAuthForm(body: string | undefined): boolean {
  return /(^|&)(grant_type|token)=/.test(body ?? '');
}

/**
 * The start of an answer's body, read only as far as it is kept: a huge answer (or one that never
 * ends) is not read to the end for the inspector, which would hold all of it in memory (the copy
 * shares its source with the original) and keep the caller waiting.
 */
async function bodyStart(response: Response, maxChars: number): Promise<Kept> {
  if (!response.body) return { body: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length <= maxChars) {
    const { done, value } = await reader.read();
    if (done) return keep(text + decoder.decode(), maxChars);
    text += decoder.decode(value, { stream: true });
  }
  // Not awaited: a copy's cancel settles only once the original is done with too.
  reader.cancel().catch(() => undefined);
  // The whole length is known only from Content-Length; otherwise what was read is a lower bound.
  const declared = Number(response.headers.get('content-length'));
  return {
    body: text.slice(0, maxChars),
    chars: Math.max(text.length, Number.isFinite(declared) ? declared : 0),
  };
}

function bodyText(body: BodyInit | null | undefined): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return '(binary body)';
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Wraps `fetchImpl`; every finished (or failed) call is handed to `onExchange`. */
export function recordingFetch(
  fetchImpl: typeof fetch,
  onExchange: (exchange: Exchange) => void,
  now: () => number = Date.now,
  /** How much of a body is kept (of a token or revocation call: at least `KEPT_OAUTH_BODY_CHARS`). */
  keptBodyChars: number = KEPT_BODY_CHARS,
): typeof fetch {
  return async (input, init) => {
    const startedAt = now();
    const started = clock();
    const requestBody = bodyText(init?.body);
    const keptChars = isOAuthForm(requestBody)
      ? Math.max(keptBodyChars, KEPT_OAUTH_BODY_CHARS)
      : keptBodyChars;
    const keptRequest = requestBody === undefined ? undefined : keep(requestBody, keptChars);
    const base = {
      startedAt,
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      url: urlOf(input),
      requestHeaders: [...new Headers(init?.headers)],
      ...(keptRequest === undefined ? {} : { requestBody: keptRequest.body }),
      ...(keptRequest?.chars === undefined ? {} : { requestBodyChars: keptRequest.chars }),
    };
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      onExchange({
        ...base,
        durationMs: Math.round(clock() - started),
        responseHeaders: [],
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    // The copy is read here; the caller reads the original as it always did.
    const kept = await bodyStart(response.clone(), keptChars).catch(
      (): Kept => ({ body: '(the body could not be read: the connection was cut)' }),
    );
    onExchange({
      ...base,
      durationMs: Math.round(clock() - started),
      status: response.status,
      responseHeaders: [...response.headers],
      ...(kept.body === '' ? {} : { responseBody: kept.body }),
      ...(kept.chars === undefined ? {} : { responseBodyChars: kept.chars }),
    });
    return response;
  };
}
