import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_WINDOW_MS, SEARCHES_PER_WINDOW, searchPacer } from './search-pace.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** The most starts in any window of `windowMs`, from a sorted list of start times. */
function busiestWindow(starts: number[], windowMs: number): number {
  return Math.max(
    0,
    ...starts.map((start) => starts.filter((t) => t >= start && t < start + windowMs).length),
  );
}

describe('searchPacer', () => {
  it('lets 8 searches start in any 2 s, however many are asked for at once, and the rest in turn', async () => {
    vi.useFakeTimers();
    const take = searchPacer();
    const starts: number[] = [];
    const all = Array.from({ length: 20 }, () => take().then(() => starts.push(Date.now())));
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toHaveLength(SEARCHES_PER_WINDOW);
    await vi.advanceTimersByTimeAsync(SEARCH_WINDOW_MS * 3);
    await Promise.all(all);
    expect(starts).toHaveLength(20);
    expect(busiestWindow(starts, SEARCH_WINDOW_MS)).toBe(SEARCHES_PER_WINDOW);
    // Pipedrive's limit is 10 per 2 s per token: under it with room to spare.
    expect(SEARCHES_PER_WINDOW).toBeLessThan(10);
  });

  it('a search superseded while it waits gives its turn up and is never sent', async () => {
    vi.useFakeTimers();
    const take = searchPacer();
    for (let i = 0; i < SEARCHES_PER_WINDOW; i++) await take();
    const superseded = new AbortController();
    const waiting = take(superseded.signal);
    const next = take();
    superseded.abort(new DOMException('typed past', 'AbortError'));
    await expect(waiting).rejects.toThrow('typed past');
    await vi.advanceTimersByTimeAsync(SEARCH_WINDOW_MS);
    await expect(next).resolves.toBeUndefined();
  });
});
