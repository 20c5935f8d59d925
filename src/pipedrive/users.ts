import type { CurrentUser } from '@common/pipedrive/current-user-schema.ts';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApi, callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

// Only id and name are needed to show a user; a user whose state cannot be read owns no leads.
const userSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().catch(''),
  active_flag: z.boolean().catch(false),
  is_deleted: z.boolean().optional().catch(undefined),
  icon_url: z.string().nullable().optional().catch(undefined),
});

export type User = z.infer<typeof userSchema>;

export function getUsers(transport: Transport, signal?: AbortSignal): Promise<User[]> {
  return callApiList(transport, { method: 'GET', path: '/api/v1/users', signal }, 'users', userSchema);
}

/** Who can own a lead: active users that are not deleted. */
export function assignableUsers(users: readonly User[]): User[] {
  return users.filter((user) => user.active_flag && !user.is_deleted);
}

/** The signed-in rep as a user, from `users/me`: the one owner known before the user list is read. */
export function meAsUser(me: Pick<CurrentUser, 'id' | 'name' | 'email'>): User {
  return { id: me.id, name: me.name, email: me.email, active_flag: true };
}

/** `GET /api/v1/users/{id}` (2 tokens): one colleague, when the company's 20-token list is not read. */
export function getUser(transport: Transport, id: number, signal?: AbortSignal): Promise<User> {
  return callApi(transport, { method: 'GET', path: `/api/v1/users/${id}`, signal }, userSchema);
}

export const userQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['users', 'list'] as const,
      queryFn: ({ signal }) => getUsers(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  one: (transport: Transport, id: number) =>
    queryOptions({
      queryKey: ['users', 'one', id] as const,
      queryFn: ({ signal }) => getUser(transport, id, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
