const MAX_RETURN_TO_LENGTH = 2048;

/** Paths that are never a page to come back to: the app server's own routes. */
const SERVER_ROUTES = ['/auth/', '/api/'];

/**
 * Where the browser may be sent after sign-in, as a path of this app (`origin`).
 * Anything else (another origin, `//host`, `/\host`, control characters, the server's routes)
 * becomes `/`. The server checks what it stores and redirects to; the browser checks what it asks
 * for with the same function.
 *
 * What is checked is what is used: the value is first normalised as a URL parser would (dot
 * segments such as `/.//host` or `/%2e//host` resolve to `//host`, tabs and newlines vanish), and
 * the result must still be a path on this origin. A check on the raw text alone let such values
 * through, and the redirect then went to `//host`, which browsers read as another origin.
 */
export function safeReturnTo(raw: string | undefined, origin: string): string {
  if (!raw || raw.length > MAX_RETURN_TO_LENGTH) return '/';
  // Browsers read `\` as `/` and drop tabs and newlines: no such value is asked for by the app itself.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  // `//host/x` parses as another host: refused whole, not trimmed down to its path.
  if (url.origin !== new URL(origin).origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isOwnPagePath(path, origin) ? path : '/';
}

/** One slash then not another (nor a backslash), resolving on `origin`, outside the server's routes. */
function isOwnPagePath(path: string, origin: string): boolean {
  if (!/^\/(?![/\\])/.test(path)) return false;
  if (SERVER_ROUTES.some((prefix) => path.startsWith(prefix))) return false;
  try {
    return new URL(path, origin).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
