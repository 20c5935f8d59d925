/**
 * The largest answer the API proxy reads from upstream. QuickLead's biggest reads (a company's
 * users, its deal fields) stay within a few MB even for a company of thousands; past this it is
 * not the API QuickLead knows talking, and the proxy stops reading rather than hold it in memory.
 */
export const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

export type UpstreamBody =
  /** Nothing to pass on (a 204, or an error with no body). */
  | { kind: 'empty' }
  /** Labelled JSON, UTF-8, and it parses: safe to pass on byte for byte. */
  | { kind: 'json'; bytes: Uint8Array<ArrayBuffer> }
  /** Past the cap, by `Content-Length` or as it streamed in: not read further. */
  | { kind: 'too-large' }
  /** HTML, text, or a body that does not parse, whatever its label. */
  | { kind: 'not-json' }
  /** The connection failed or the deadline passed while the body was coming in. */
  | { kind: 'cut' };

/** `application/json` and the `+json` types (`application/problem+json`), any parameters. */
function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return true;
  } catch {
    return false;
  }
}

/** Reads at most `maxBytes` of an upstream answer and says whether it may be served as JSON. */
export async function readUpstreamBody(
  response: Response,
  maxBytes: number = MAX_UPSTREAM_BODY_BYTES,
): Promise<UpstreamBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  // The cancels are not awaited: while the inspector still reads its copy of the body, a cancel
  // here settles only once that copy is let go too.
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => undefined);
    return { kind: 'too-large' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          reader.cancel().catch(() => undefined);
          return { kind: 'too-large' };
        }
        chunks.push(value);
      }
    } catch {
      return { kind: 'cut' };
    }
  }
  if (total === 0) return { kind: 'empty' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return isJsonMediaType(response.headers.get('content-type')) && isJson(bytes)
    ? { kind: 'json', bytes }
    : { kind: 'not-json' };
}
