import { describe, expect, it } from 'vitest';
import { retryAfterSecondsOf } from './retry-after.ts';

describe('retryAfterSecondsOf', () => {
  it('reads seconds and HTTP dates, never less than a second', () => {
    expect(retryAfterSecondsOf('12')).toBe(12);
    expect(retryAfterSecondsOf('0')).toBe(1);
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(retryAfterSecondsOf('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30);
    expect(retryAfterSecondsOf('soon')).toBeUndefined();
    expect(retryAfterSecondsOf(null)).toBeUndefined();
  });
});
