import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_DIR } from './openapi-contract.ts';

/**
 * Test support: response bodies recorded from live Pipedrive accounts, kept beside the repository
 * in `shared/pipedrive/recorded/` (never copied in). One folder per request, named like
 * `get-v1-dealFields`; `SOURCES.md` there says where each file comes from. Where these disagree
 * with the OpenAPI documents or the sandbox, these are what Pipedrive really sends.
 */
export const RECORDED_DIR = process.env.PIPEDRIVE_RECORDED_DIR ?? join(OPENAPI_DIR, 'recorded');

export const RECORDED_AVAILABLE = existsSync(join(RECORDED_DIR, 'SOURCES.md'));

export interface RecordedResponse {
  /** The request, e.g. `get-v1-dealFields`. */
  folder: string;
  file: string;
  /** The HTTP status, where the file name records it (`status201`, `-403-`, `-400.json`); otherwise 200. */
  status: number;
  /**
   * The body. A `RECORDS-ONLY` file holds only the `data` items; it is given back inside the
   * `{ success, data }` envelope Pipedrive wraps them in, so it feeds the same parsers.
   */
  body: unknown;
  recordsOnly: boolean;
  /** Written by hand (a mock), not recorded: weaker evidence. */
  handWritten: boolean;
}

function statusOf(file: string): number {
  const match = /status(\d{3})/.exec(file) ?? /-(\d{3})(?:-|\.json$)/.exec(file);
  return match?.[1] ? Number(match[1]) : 200;
}

/** Every recorded body (not the `.headers.json` beside some), folder by folder, in name order. */
export function recordedResponses(): RecordedResponse[] {
  if (!RECORDED_AVAILABLE) return [];
  const responses: RecordedResponse[] = [];
  const folders = readdirSync(RECORDED_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const folder of folders) {
    const files = readdirSync(join(RECORDED_DIR, folder))
      .filter((file) => file.endsWith('.json') && !file.endsWith('.headers.json'))
      .sort();
    for (const file of files) {
      const raw: unknown = JSON.parse(readFileSync(join(RECORDED_DIR, folder, file), 'utf8'));
      const recordsOnly = file.includes('RECORDS-ONLY');
      responses.push({
        folder,
        file,
        status: statusOf(file),
        body: recordsOnly ? { success: true, data: raw } : raw,
        recordsOnly,
        handWritten: file.includes('HANDWRITTEN'),
      });
    }
  }
  return responses;
}

/** The recorded bodies of one request. */
export function recordedFor(folder: string): RecordedResponse[] {
  return recordedResponses().filter((response) => response.folder === folder);
}

/** The folders present, so a test can insist that each one is accounted for. */
export function recordedFolders(): string[] {
  return [...new Set(recordedResponses().map((response) => response.folder))];
}

/** The recorded response headers beside a body, where there are any. */
export function recordedHeaders(response: RecordedResponse): Record<string, string> | undefined {
  const path = join(RECORDED_DIR, response.folder, response.file.replace(/\.json$/, '.headers.json'));
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : undefined;
}
