import { describe, expect, it } from 'vitest';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ProviderBusyError, ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { createQueryClient, isWorthRetrying } from './query-client.ts';

describe('query retries', () => {
  it('retries reads after network trouble, 5xx and 429, never after other 4xx', () => {
    expect(isWorthRetrying(new TypeError('Failed to fetch'))).toBe(true);
    expect(isWorthRetrying(new ApiError(503, 'down', undefined))).toBe(true);
    expect(isWorthRetrying(new ApiError(429, 'busy', undefined, 3))).toBe(true);
    expect(isWorthRetrying(new ApiError(401, 'unauthorized', undefined))).toBe(false);
    expect(isWorthRetrying(new ApiError(400, 'bad', undefined))).toBe(false);
  });

  it('does not retry a 429 that is the spent daily budget: nothing changes before it resets', () => {
    const spent = new ApiError(429, 'daily request budget exceeded', undefined, 3939);
    expect(isWorthRetrying(spent)).toBe(false);
    expect(isWorthRetrying(new ApiError(429, 'Request over limit', undefined, 31))).toBe(false);
    expect(isWorthRetrying(new ApiError(429, 'Request over limit', undefined, 30))).toBe(true);
  });

  it('does not repeat a read whose token refresh Pipedrive did not answer, after its own retries; a busy one waits', () => {
    expect(isWorthRetrying(new ProviderUnavailableError())).toBe(false);
    expect(isWorthRetrying(new ProviderBusyError(12))).toBe(true);
  });

  it('waits what a 429 asks, and backs off otherwise', () => {
    const delay = createQueryClient().getDefaultOptions().queries?.retryDelay;
    if (typeof delay !== 'function') throw new Error('no retry delay function');
    expect(delay(1, new ApiError(429, 'busy', undefined, 3))).toBe(3000);
    expect(delay(1, new ApiError(503, 'down', undefined))).toBe(2000);
    expect(delay(10, new TypeError('x'))).toBe(30_000);
  });
});
