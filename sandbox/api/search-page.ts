import type { Context } from 'hono';
import type { SearchHit } from '../search/search-index.ts';

/** What every v2 search endpoint shares: its query parameters, and its pages of hits with a cursor. */

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

export interface ParsedSearch {
  term: string;
  fields: string[];
  exactMatch: boolean;
  limit: number;
  offset: number;
}

export type ParseResult =
  | { ok: true; search: ParsedSearch }
  | { ok: false; parameter: string; reason: string };

/** The cursor is opaque to clients; inside it is just the offset of the next page. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const offset = (parsed as { offset?: unknown } | null)?.offset;
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 ? offset : null;
  } catch {
    return null;
  }
}

/** The query parameters every v2 search endpoint shares, checked; `fields` from `allowedFields`. */
export function parseSearch(c: Context, allowedFields: readonly string[]): ParseResult {
  const fail = (parameter: string, reason: string): ParseResult => ({ ok: false, parameter, reason });
  const exactRaw = c.req.query('exact_match');
  if (exactRaw !== undefined && !['true', 'false', '1', '0'].includes(exactRaw)) {
    return fail('exact_match', 'Must be a boolean');
  }
  const exactMatch = exactRaw === 'true' || exactRaw === '1';
  const term = (c.req.query('term') ?? '').trim();
  const minLength = exactMatch ? 1 : 2;
  if (term.length < minLength) {
    return fail(
      'term',
      `Search term must be at least ${minLength} character${minLength > 1 ? 's' : ''} long`,
    );
  }
  const fieldsRaw = c.req.query('fields');
  const fields = fieldsRaw ? fieldsRaw.split(',').map((field) => field.trim()) : [...allowedFields];
  const unknown = fields.find((field) => !allowedFields.includes(field));
  if (unknown !== undefined) return fail('fields', `Must be a list of: ${allowedFields.join(', ')}`);
  const limitRaw = c.req.query('limit');
  const limit = limitRaw === undefined ? DEFAULT_LIMIT : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return fail('limit', `Must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const cursor = c.req.query('cursor');
  const offset = cursor ? decodeCursor(cursor) : 0;
  if (offset === null) return fail('cursor', 'Invalid cursor');
  return { ok: true, search: { term, fields, exactMatch, limit, offset } };
}

export interface Found<R> {
  score: number;
  record: R;
}

/** The hits whose record is still there, with the record. */
export function resolve<R>(hits: readonly SearchHit[], find: (id: number) => R | undefined): Found<R>[] {
  return hits.flatMap((hit) => {
    const record = find(hit.id);
    return record ? [{ score: hit.score, record }] : [];
  });
}

/** One page of hits in the v2 search envelope, with the cursor of the next page. */
export function page<R>(
  c: Context,
  hits: readonly Found<R>[],
  search: ParsedSearch,
  toItem: (record: R) => unknown,
) {
  const slice = hits.slice(search.offset, search.offset + search.limit);
  const nextOffset = search.offset + search.limit;
  return c.json({
    success: true,
    data: {
      items: slice.map((hit) => ({
        result_score: Math.round(hit.score * 10000) / 10000,
        item: toItem(hit.record),
      })),
    },
    additional_data: { next_cursor: nextOffset < hits.length ? encodeCursor(nextOffset) : null },
  });
}
