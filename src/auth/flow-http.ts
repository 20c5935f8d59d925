/**
 * A fetch that remembers what went over the wire, for the inspector. DOM-free: the browser wraps
 * its own fetch with it in `spa` mode, the app server wraps the calls it makes for one session.
 */

/** One HTTP request and its answer, raw. Turned into steps (and redacted) by flow-steps.ts. */
export interface Exchange {
  startedAt: number;
  durationMs: number;
  method: string;
  url: string;
  requestHeaders: Array<[string, string]>;
  requestBody?: string;
  status?: number;
  responseHeaders: Array<[string, string]>;
  responseBody?: string;
  /** Why there is no answer: the network failed or the call was aborted. */
  error?: string;
}

/** API answers can be long lists; the inspector shows the start, which is what explains the call. */
export const MAX_BODY_CHARS = 4000;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n… (${text.length - max} more characters not shown)`;
}

/**
 * The start of an answer's body, read only as far as it is kept: a huge answer (or one that never
 * ends) is not read to the end for the inspector, which would hold all of it in memory (the copy
 * shares its source with the original) and keep the caller waiting.
 */
async function bodyStart(response: Response, maxChars: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length <= maxChars) {
    const { done, value } = await reader.read();
    if (done) return clip(text + decoder.decode(), maxChars);
    text += decoder.decode(value, { stream: true });
  }
  // Not awaited: a copy's cancel settles only once the original is done with too.
  reader.cancel().catch(() => undefined);
  return `${text.slice(0, maxChars)}\n… (the rest not shown)`;
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
  /** How much of an answer is kept; the server, holding many sessions, keeps less. */
  maxBodyChars: number = MAX_BODY_CHARS,
): typeof fetch {
  return async (input, init) => {
    const startedAt = now();
    const started = clock();
    const base = {
      startedAt,
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      url: urlOf(input),
      requestHeaders: [...new Headers(init?.headers)],
      requestBody: bodyText(init?.body),
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
    const responseBody = await bodyStart(response.clone(), maxBodyChars).catch(
      () => '(the body could not be read: the connection was cut)',
    );
    onExchange({
      ...base,
      durationMs: Math.round(clock() - started),
      status: response.status,
      responseHeaders: [...response.headers],
      ...(responseBody === '' ? {} : { responseBody }),
    });
    return response;
  };
}
