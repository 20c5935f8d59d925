import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import { parseAccept } from 'hono/utils/accept';

const gzipAsync = promisify(gzip);

/** Below this, gzip's own framing and the CPU it costs outweigh the bytes saved. */
export const GZIP_ABOVE_BYTES = 1024;

/** gzip named with a weight above zero, or not named and allowed by `*`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const offers = parseAccept(acceptEncoding);
  const offer =
    offers.find((candidate) => candidate.type.toLowerCase() === 'gzip') ??
    offers.find((candidate) => candidate.type === '*');
  return (offer?.q ?? 0) > 0;
}

/**
 * The bytes of a JSON answer as they go to this browser: gzipped when it takes gzip and they are
 * worth it, as they are otherwise, with their length either way. The proxy holds the whole body
 * (it checked it parses), so it is compressed once, here, and never streamed through twice.
 */
export async function encodeJsonAnswer(
  c: Context,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  c.header('vary', 'Accept-Encoding', { append: true });
  const sent =
    bytes.byteLength > GZIP_ABOVE_BYTES && acceptsGzip(c.req.header('accept-encoding'))
      ? new Uint8Array(await gzipAsync(bytes))
      : bytes;
  if (sent !== bytes) c.header('content-encoding', 'gzip');
  c.header('content-length', String(sent.byteLength));
  return sent;
}
