import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './api-error.ts';
import { ProviderBusyError } from './provider-unavailable.ts';
import {
  budgetSpentMessage,
  budgetSpentUntil,
  isShortWait,
  resetTimeText,
  shortWaitMs,
} from './rate-limit.ts';

/** Pipedrive's answer once the company's daily API budget is spent, as observed. */
const DAILY_BODY = { success: false, error: 'daily request budget exceeded', errorCode: 429 };

describe('a 429: a short wait or the spent daily budget', () => {
  it('a burst 429 of a few seconds is sat out', () => {
    const burst = apiErrorFrom(429, { success: false, error: 'Request over limit' }, '2');
    expect(isShortWait(burst)).toBe(true);
    expect(shortWaitMs(burst)).toBe(2000);
    expect(budgetSpentUntil(burst)).toBeUndefined();
    expect(isShortWait(new ProviderBusyError(30))).toBe(true);
  });

  it('the daily budget (Retry-After of about an hour) is not: it says when the budget is back', () => {
    const before = Date.now();
    const spent = apiErrorFrom(429, DAILY_BODY, '3939');
    expect(isShortWait(spent)).toBe(false);
    expect(shortWaitMs(spent)).toBe(0);
    const until = budgetSpentUntil(spent) ?? 0;
    expect(until).toBeGreaterThanOrEqual(before + 3939_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 3939_000);
  });

  it('any wait over 30 s counts as spent; the budget body without Retry-After resets at midnight UTC', () => {
    expect(budgetSpentUntil(apiErrorFrom(429, {}, '31'))).toBeDefined();
    const now = Date.UTC(2026, 10, 29, 21, 15);
    expect(budgetSpentUntil(apiErrorFrom(429, DAILY_BODY, null), now)).toBe(Date.UTC(2026, 10, 30));
    expect(isShortWait(apiErrorFrom(429, DAILY_BODY, '5'))).toBe(false);
  });

  it('anything else is neither', () => {
    for (const error of [apiErrorFrom(503, {}), new TypeError('Failed to fetch'), undefined]) {
      expect(isShortWait(error)).toBe(false);
      expect(budgetSpentUntil(error)).toBeUndefined();
    }
  });
});

describe('the spent budget in plain words', () => {
  it('gives the reset in local time, and says when it is tomorrow', () => {
    const now = new Date(2026, 10, 29, 23, 0).getTime();
    const soon = new Date(2026, 10, 29, 23, 45).getTime();
    const tomorrow = new Date(2026, 10, 30, 1, 5).getTime();
    expect(resetTimeText(soon, now, 'en-GB')).toBe('23:45');
    expect(resetTimeText(tomorrow, now, 'en-GB')).toBe('01:05 tomorrow');
    expect(budgetSpentMessage(tomorrow, now, 'en-GB')).toBe(
      'Your company’s Pipedrive API budget for today is used up. It resets at 01:05 tomorrow.',
    );
  });
});
