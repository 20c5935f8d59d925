import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { budgetSpentUntil, SHORT_WAIT_MAX_SECONDS } from '@/pipedrive/rate-limit.ts';

const MAX_RETRY_AFTER_MS = SHORT_WAIT_MAX_SECONDS * 1000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && isWorthRetrying(error),
        // A 429 says how long to wait; anything else backs off exponentially (1 s, 2 s, …).
        retryDelay: (attempt, error) =>
          error instanceof ApiError && error.retryAfterSeconds !== undefined
            ? Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS)
            : Math.min(1000 * 2 ** attempt, MAX_RETRY_AFTER_MS),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Reads are safe to repeat after network trouble, a 5xx or a short 429; any other 4xx fails the
 * same way again. A 429 that asks to wait longer than 30 s is the company's spent daily budget:
 * retrying cannot help before it resets, so the rep is told at once when that is. A refresh
 * Pipedrive did not answer has already been tried several times (either session mode retries
 * it), so the rep is told at once rather than after the same wait twice more.
 */
export function isWorthRetrying(error: unknown): boolean {
  if (error instanceof ProviderUnavailableError) return false;
  if (budgetSpentUntil(error) !== undefined) return false;
  if (!(error instanceof ApiError)) return true;
  return error.status === 429 || error.status >= 500;
}
