import type { ActivityType } from '../company/crm-types.ts';

const SEEDED = '2024-03-04 09:12:44';

function builtIn(id: number, name: string, key: string): ActivityType {
  // The OpenAPI examples of built-in types (Deadline, Call) use the key as the icon and color FFFFFF.
  return {
    id,
    name,
    keyString: key,
    iconKey: key,
    color: 'FFFFFF',
    orderNr: id,
    activeFlag: true,
    isCustomFlag: false,
    addTime: SEEDED,
    updateTime: SEEDED,
  };
}

/**
 * The activity types a new Pipedrive company starts with, in the order its own dialog lists them,
 * plus one custom type that was deleted: `GET /v1/activityTypes` still lists it, inactive, and an
 * activity may not use it. That one is the spec's own example of a deleted type ("Video call").
 */
export const SEED_ACTIVITY_TYPES: readonly ActivityType[] = [
  builtIn(1, 'Call', 'call'),
  builtIn(2, 'Meeting', 'meeting'),
  builtIn(3, 'Task', 'task'),
  builtIn(4, 'Deadline', 'deadline'),
  builtIn(5, 'Email', 'email'),
  builtIn(6, 'Lunch', 'lunch'),
  {
    id: 12,
    name: 'Video call',
    keyString: 'video_call',
    iconKey: 'camera',
    color: 'aeb31b',
    orderNr: 7,
    activeFlag: false,
    isCustomFlag: true,
    addTime: '2024-05-02 10:16:23',
    updateTime: '2024-09-01 19:59:59',
  },
];
