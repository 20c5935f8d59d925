import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

const userSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string(),
  active_flag: z.boolean(),
  is_deleted: z.boolean().optional(),
  icon_url: z.string().nullable().optional(),
});

export type User = z.infer<typeof userSchema>;

export function getUsers(transport: Transport, signal?: AbortSignal): Promise<User[]> {
  return callApi(transport, { method: 'GET', path: '/api/v1/users', signal }, z.array(userSchema));
}

/** Who can own a lead: active users that are not deleted. */
export function assignableUsers(users: readonly User[]): User[] {
  return users.filter((user) => user.active_flag && !user.is_deleted);
}

export const userQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['users', 'list'] as const,
      queryFn: ({ signal }) => getUsers(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
