import type { MiddlewareHandler } from 'hono';

/** Titles remembered at most; the oldest goes first. Plenty for a test run, bounded for a long demo. */
const MAX_TITLES = 10_000;

/**
 * SANDBOX-ONLY: how many `POST /v1/leads` arrived for each title, counted as they come in, before
 * faults, authentication or validation answer them. A test asks "how many creates reached
 * Pipedrive?", which a browser cannot always see: a page being left can still send one.
 */
export class LeadPostLog {
  private readonly counts = new Map<string, number>();

  record(title: string): void {
    const count = (this.counts.get(title) ?? 0) + 1;
    this.counts.delete(title);
    this.counts.set(title, count);
    if (this.counts.size > MAX_TITLES) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
  }

  count(title: string): number {
    return this.counts.get(title) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }
}

const isLeadCreate = (method: string, path: string) =>
  method === 'POST' && (path === '/api/v1/leads' || path === '/v1/leads');

/** Counts each lead create by its title (`''` when the body has none); the request goes on unchanged. */
export function countLeadPosts(log: LeadPostLog): MiddlewareHandler {
  return async (c, next) => {
    if (isLeadCreate(c.req.method, c.req.path)) {
      // Hono keeps the text, so the route reads the same body after this.
      const text = await c.req.text().catch(() => '');
      let title = '';
      try {
        const body = JSON.parse(text) as { title?: unknown };
        if (typeof body?.title === 'string') title = body.title;
      } catch {
        // Not JSON: counted under '', the route answers it.
      }
      log.record(title);
    }
    await next();
  };
}
