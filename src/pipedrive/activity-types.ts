import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

/** An activity type; activities name theirs by `key_string`. A type whose state cannot be read is not offered. */
const activityTypeSchema = z.object({
  id: z.number(),
  name: z.string(),
  key_string: z.string().min(1),
  icon_key: z.string().optional().catch(undefined),
  active_flag: z.boolean().catch(false),
  order_nr: z.number().catch(0),
});

export type ActivityType = z.infer<typeof activityTypeSchema>;

export function getActivityTypes(transport: Transport, signal?: AbortSignal): Promise<ActivityType[]> {
  return callApiList(
    transport,
    { method: 'GET', path: '/api/v1/activityTypes', signal },
    'activityTypes',
    activityTypeSchema,
  );
}

/** The types an activity may have, in the order Pipedrive says to present them (`order_nr`). */
export function activeActivityTypes(types: readonly ActivityType[]): ActivityType[] {
  return types.filter((type) => type.active_flag).sort((a, b) => a.order_nr - b.order_nr);
}

export const activityTypeQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['activityTypes', 'list'] as const,
      queryFn: ({ signal }) => getActivityTypes(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
