import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed body saves less than its header and the work cost. */
const MIN_BYTES = 1024;
/**
 * Brotli's quality 5: most of the gain of 11 at a small part of its work, which matters because
 * these answers are compressed on every request (the build's own files are compressed once, at 11).
 */
const BROTLI_QUALITY = 5;

export interface EncodedBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** The `Content-Encoding` to send; none when the body goes as it is. */
  encoding?: 'br' | 'gzip';
}

/** The codings the request's `Accept-Encoding` allows (a `q=0` refuses one). */
function acceptedCodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

/**
 * A dynamic answer (the API proxy's JSON) compressed for the browser that asked, brotli before
 * gzip. A phone on a slow network waits for every byte of the account's deal fields before the form
 * can show; compressed they are a tenth of the size. Nothing secret is ever in these bodies (the
 * tokens stay on the server), so compressing them beside what a page sent gives nothing away.
 */
export async function encodeForClient(
  bytes: Uint8Array<ArrayBuffer>,
  acceptEncoding: string | undefined,
): Promise<EncodedBody> {
  if (bytes.byteLength < MIN_BYTES) return { bytes };
  const accepted = acceptedCodings(acceptEncoding);
  if (accepted.has('br')) {
    const compressed = await brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    });
    return { bytes: new Uint8Array(compressed), encoding: 'br' };
  }
  if (accepted.has('gzip')) return { bytes: new Uint8Array(await gzipped(bytes)), encoding: 'gzip' };
  return { bytes };
}
