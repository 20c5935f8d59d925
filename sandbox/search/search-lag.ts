/**
 * How long a stored record takes to reach the search index. Pipedrive answers search from an
 * index that is fed after the write, so a lead, person or organization just created (or changed)
 * is not found by the search endpoints for a moment, while reads by id are current at once. How
 * long that moment is, is not documented (README, "What remains unverified"); the sandbox makes
 * it a setting so the app can be built against the worst case it chooses to handle.
 *
 * Times come from the sandbox clock, so tests step over the lag instead of sleeping.
 */
export class SearchLag {
  constructor(
    private readonly now: () => number,
    readonly lagMs: number,
  ) {
    if (!Number.isInteger(lagMs) || lagMs < 0) {
      throw new Error(`the search lag must be a whole number of milliseconds, got ${lagMs}`);
    }
  }

  /** When a record written now becomes searchable. */
  indexedAtForWriteNow(): number {
    return this.now() + this.lagMs;
  }

  /** Whether a record written with this `indexedAt` is in the index yet. */
  isIndexed(indexedAt: number): boolean {
    return indexedAt <= this.now();
  }
}

/** No lag: in-process sandboxes default to it so tests that create then search stay deterministic. */
export function noSearchLag(now: () => number): SearchLag {
  return new SearchLag(now, 0);
}
