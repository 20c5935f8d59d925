export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path under the API origin, e.g. `/api/v1/leads`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  signal?: AbortSignal;
}

/** How a request reaches Pipedrive. The rest of the app does not know which session mode it runs in. */
export type Transport = (request: ApiRequest) => Promise<Response>;

export function buildUrl(base: string, request: Pick<ApiRequest, 'path' | 'query'>): string {
  const url = new URL(request.path, base);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.href;
}

/** The fetch options of a request sent with a bearer token: JSON in, JSON out. */
export function bearerInit(request: ApiRequest, accessToken: string): RequestInit {
  return {
    method: request.method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${accessToken}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
  };
}

/** `spa` mode: straight to `api_domain` with the in-memory access token. */
export function bearerTransport(apiDomain: string, accessToken: () => string): Transport {
  return (request) => fetch(buildUrl(apiDomain, request), bearerInit(request, accessToken()));
}

/**
 * `bff` mode: same-origin calls to the app server's proxy, which adds the token. The custom
 * header makes every call a CORS-preflighted one that a cross-site page cannot forge.
 */
export function bffTransport(apiPrefix: string, csrf: { header: string; value: string }): Transport {
  return (request) =>
    fetch(buildUrl(window.location.origin, { ...request, path: `${apiPrefix}${request.path}` }), {
      method: request.method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        [csrf.header]: csrf.value,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
    });
}
