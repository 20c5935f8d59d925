import { type ActivityType, activityTypeQueries } from '@/pipedrive/activity-types.ts';
import { type ListOnDemand, useListOnDemand } from '@/pipedrive/reference-data.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';

/**
 * The account's activity types, read when the rep opens "Schedule a follow-up" and not before: a
 * lead without a follow-up costs no more than it did (20 documented tokens, once a session).
 * `neededNow`: something on screen names a type already (a card kept from before a reload, with
 * its follow-up), so they are read without waiting to be asked.
 */
export function useActivityTypes(neededNow = false): ListOnDemand<ActivityType> {
  return useListOnDemand(activityTypeQueries.list(useTransport()), neededNow).list;
}
