import { type CurrentUser, currentUserSchema } from '@common/pipedrive/current-user-schema.ts';
import { queryOptions } from '@tanstack/react-query';
import { callApi } from './call-api.ts';
import { CURRENT_USER_READ } from './settings-reads.ts';
import type { Transport } from './transport.ts';

export function getCurrentUser(transport: Transport, signal?: AbortSignal): Promise<CurrentUser> {
  return callApi(transport, { ...CURRENT_USER_READ, signal }, currentUserSchema);
}

export const currentUserQueries = {
  all: ['users', 'me'] as const,
  me: (transport: Transport) =>
    queryOptions({
      queryKey: currentUserQueries.all,
      queryFn: ({ signal }) => getCurrentUser(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

/** Pipedrive locales look like `en_US`; Intl wants `en-US`. */
export function intlLocaleOf(user: Pick<CurrentUser, 'locale'> | undefined): string | undefined {
  const tag = user?.locale?.replace('_', '-');
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
