import type { ActivityType } from '@/pipedrive/activity-types.ts';
import type { Activity } from '@/pipedrive/add-activity.ts';
import type { User } from '@/pipedrive/users.ts';
import { dueText, fromPipedriveDue } from './follow-up-time.ts';

const typeName = (types: readonly ActivityType[], key: string) =>
  types.find((type) => type.key_string === key)?.name ?? key;

/** "Call, tomorrow 09:00": the closed section's summary of the follow-up being scheduled. */
export function followUpSummary(
  input: { type: string; dueDate: string; dueTime: string },
  types: readonly ActivityType[],
  now: Date,
  locale: string | undefined,
): string {
  const what = input.type ? typeName(types, input.type) : 'Follow-up';
  if (!input.dueDate) return `${what}, no day yet`;
  return `${what}, ${dueText(input.dueDate, input.dueTime || undefined, now, locale)}`;
}

/** "Call – tomorrow 09:00, Ada Lovelace": a scheduled follow-up on the card, in the rep's time. */
export function followUpDescription(
  activity: Pick<Activity, 'type' | 'due_date' | 'due_time' | 'owner_id'>,
  context: { types: readonly ActivityType[]; users: readonly User[]; now: Date; locale: string | undefined },
): string {
  const due = fromPipedriveDue(activity.due_date, activity.due_time);
  const when = due ? dueText(due.date, due.time, context.now, context.locale) : undefined;
  const owner = activity.owner_id;
  const who =
    owner === null ? undefined : (context.users.find((user) => user.id === owner)?.name ?? `#${owner}`);
  const what = [typeName(context.types, activity.type), when].filter(Boolean).join(' – ');
  return who ? `${what}, ${who}` : what;
}
