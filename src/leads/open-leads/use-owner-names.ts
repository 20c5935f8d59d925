import { useQueries } from '@tanstack/react-query';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { type User, userQueries } from '@/pipedrive/users.ts';

/**
 * Names for the owners of the leads a warning names: the rep, a colleague from the company's users
 * when they are read, else that one user (`GET /v1/users/{id}`, 2 tokens, once per session per
 * owner) rather than the whole 20-token list. An owner that cannot be read is left unnamed.
 */
export function useOwnerNames(
  ownerIds: readonly number[],
  users: readonly User[],
  me: Pick<User, 'id' | 'name'>,
): (ownerId: number) => string | undefined {
  const transport = useTransport();
  const unknown = [...new Set(ownerIds)].filter(
    (id) => id !== me.id && !users.some((user) => user.id === id),
  );
  const read = useQueries({
    // A 403 (no users:read) or a gone user answers the same again: not retried.
    queries: unknown.map((id) => ({ ...userQueries.one(transport, id), retry: false })),
    combine: (results) => results.flatMap((result) => (result.data ? [result.data] : [])),
  });
  return (ownerId) => {
    if (ownerId === me.id) return `${me.name} (you)`;
    return (users.find((user) => user.id === ownerId) ?? read.find((user) => user.id === ownerId))?.name;
  };
}
