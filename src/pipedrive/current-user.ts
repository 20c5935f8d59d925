import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

export const currentUserSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().catch(''),
  default_currency: z.string().optional().catch(undefined),
  locale: z.string().optional().catch(undefined),
  company_id: z.number().optional().catch(undefined),
  company_name: z.string().optional().catch(undefined),
  company_domain: z.string().optional().catch(undefined),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;

export function getCurrentUser(transport: Transport, signal?: AbortSignal): Promise<CurrentUser> {
  return callApi(transport, { method: 'GET', path: '/api/v1/users/me', signal }, currentUserSchema);
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
