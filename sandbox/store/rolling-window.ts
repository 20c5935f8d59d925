/** Where a key stands in its window: what the `x-ratelimit-*` headers and a 429's `Retry-After` say. */
export interface WindowState {
  limit: number;
  remaining: number;
  /**
   * Whole seconds until the oldest request still counted leaves the window, freeing a place: a
   * client that waits this long is let through. The window length when nothing is counted.
   */
  resetSeconds: number;
}

/** Windows of keys idle this long are dropped once there are more keys than this. */
const MAX_KEYS = 1000;

/**
 * Requests per key (an access token) in a rolling window, as Pipedrive's burst limits are
 * described: every request counts for exactly `windowMs` after it was let through. A fixed
 * window would let twice the limit through across its boundary.
 */
export class RollingWindow {
  /** Times of the requests counted, oldest first, per key. */
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** The state without counting anything: is there room for one more? */
  peek(key: string, limit: number): WindowState {
    return this.stateOf(this.current(key), limit);
  }

  /** Counts one request; the state after it. */
  record(key: string, limit: number): WindowState {
    let times = this.times.get(key);
    if (!times) {
      // Tokens come and go (hourly expiry); forget idle ones so a long dev session stays small.
      if (this.times.size >= MAX_KEYS) this.dropIdle();
      times = [];
      this.times.set(key, times);
    }
    this.prune(times);
    times.push(this.now());
    return this.stateOf(times, limit);
  }

  clear(): void {
    this.times.clear();
  }

  private current(key: string): number[] {
    const times = this.times.get(key) ?? [];
    this.prune(times);
    return times;
  }

  private stateOf(times: readonly number[], limit: number): WindowState {
    const oldest = times[0];
    const freeAt = oldest === undefined ? this.now() + this.windowMs : oldest + this.windowMs;
    return {
      limit,
      remaining: Math.max(0, limit - times.length),
      resetSeconds: Math.max(1, Math.ceil((freeAt - this.now()) / 1000)),
    };
  }

  private prune(times: number[]): void {
    const since = this.now() - this.windowMs;
    let expired = 0;
    while (expired < times.length && (times[expired] ?? 0) <= since) expired += 1;
    if (expired > 0) times.splice(0, expired);
  }

  private dropIdle(): void {
    for (const [key, times] of this.times) {
      this.prune(times);
      if (times.length === 0) this.times.delete(key);
    }
  }
}
