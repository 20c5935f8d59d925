import { ApiError } from './api-error.ts';

/**
 * Pipedrive answers 429 for two reasons: a burst limit (10 searches or a few hundred
 * calls per 2 s per token), over in seconds, and the company's daily token budget, spent until
 * midnight (`Retry-After` of an hour or more, `"daily request budget exceeded"`). A wait up to
 * this long is worth sitting out and retrying; a longer one is the budget, and retrying is waste.
 */
export const SHORT_WAIT_MAX_SECONDS = 30;

const DAILY_BUDGET_TEXT = /daily request budget/i;

const isTooMany = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 429;

const waitIsShort = (error: ApiError) =>
  !DAILY_BUDGET_TEXT.test(error.message) && (error.retryAfterSeconds ?? 0) <= SHORT_WAIT_MAX_SECONDS;

/** A 429 whose wait is short enough to sit out: the call is simply sent again afterwards. */
export function isShortWait(error: unknown): error is ApiError {
  return isTooMany(error) && waitIsShort(error);
}

/** Milliseconds a short 429 asks to wait; 0 for anything else. */
export function shortWaitMs(error: unknown): number {
  return isShortWait(error) ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
}

/**
 * When the company's budget comes back, for a 429 that is the spent daily budget (or any wait too
 * long to sit out); undefined for anything else. Without `Retry-After`, Pipedrive's documented
 * reset: the next midnight (UTC, as far as the sandbox and observed answers tell).
 */
export function budgetSpentUntil(error: unknown, now = Date.now()): number | undefined {
  if (!isTooMany(error) || waitIsShort(error)) return undefined;
  if (error.retryAt !== undefined) return error.retryAt;
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  return midnight.getTime();
}

/** "01:00", or "01:00 tomorrow" when the reset falls on another day here. */
export function resetTimeText(until: number, now = Date.now(), locale?: string): string {
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(until);
  return new Date(until).toDateString() === new Date(now).toDateString() ? time : `${time} tomorrow`;
}

/** The company's budget in plain words, and when it resets in the rep's own time. */
export function budgetSpentMessage(until: number, now = Date.now(), locale?: string): string {
  return `Your company’s Pipedrive API budget for today is used up. It resets at ${resetTimeText(until, now, locale)}.`;
}
