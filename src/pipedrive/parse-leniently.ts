import type { z } from 'zod';

/** An item of a Pipedrive list the app could not use, and why; the rest of the list still counts. */
export interface SkippedItem {
  /** Which list, e.g. `dealFields`. */
  list: string;
  /** What identifies the item (its key or id), as far as it could be read. */
  item: string;
  reason: string;
}

const reported = new Set<string>();

/**
 * In development, says once per item in the console what was skipped, so a developer sees a new
 * Pipedrive shape without a rep ever seeing an error. Silent in production and in tests.
 */
export function reportSkipped(skipped: readonly SkippedItem[], log = defaultLog): void {
  for (const entry of skipped) {
    const id = `${entry.list}:${entry.item}:${entry.reason}`;
    if (reported.has(id)) continue;
    reported.add(id);
    log(`QuickLead skipped ${entry.list} item ${entry.item}: ${entry.reason}`);
  }
}

function defaultLog(message: string): void {
  if (import.meta.env?.DEV && import.meta.env.MODE !== 'test') console.info(message);
}

function identify(item: unknown): string {
  if (typeof item !== 'object' || item === null) return JSON.stringify(item) ?? String(item);
  const record = item as Record<string, unknown>;
  for (const name of ['key', 'id', 'code', 'name', 'label']) {
    const id = record[name];
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return '(unnamed)';
}

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not understood';
  const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${path}${issue.message}`;
}

/**
 * Parses each item of a list on its own: an item the schema refuses is skipped and listed, never
 * fatal for the list. A long-lived client must outlive the fields and options Pipedrive adds.
 */
export function parseEach<T>(
  list: string,
  items: readonly unknown[],
  schema: z.ZodType<T>,
): { items: T[]; skipped: SkippedItem[] } {
  const parsed: T[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else skipped.push({ list, item: identify(item), reason: reasonOf(result.error) });
  }
  return { items: parsed, skipped };
}
