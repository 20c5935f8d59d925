import type { HttpRequestRecord } from '@common/inspector/model.ts';
import { textOf } from '@common/inspector/model.ts';

/** Single-quoted for a POSIX shell: nothing inside is expanded, a quote is closed, escaped, reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl (or the shell) works out by itself, which would only clutter the command. */
const OMITTED = new Set(['content-length', 'host', 'connection']);

/**
 * The request as a curl command. Secrets stay masked unless `reveal`, and even then only those the
 * step holds (the server never sends its tokens, so a `bff` command always shows them masked).
 */
export function toCurl(request: HttpRequestRecord, reveal: boolean): string {
  const lines = [`curl -X ${request.method} ${shellQuote(textOf(request.url, reveal))}`];
  for (const [name, value] of request.headers) {
    if (OMITTED.has(name.toLowerCase())) continue;
    lines.push(`  -H ${shellQuote(`${name}: ${textOf(value, reveal)}`)}`);
  }
  if (request.body !== undefined) lines.push(`  --data-raw ${shellQuote(textOf(request.body, reveal))}`);
  return lines.join(' \\\n');
}
