import { describe, expect, it } from 'vitest';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import {
  type FollowUpContext,
  type FollowUpInput,
  followUpSchema,
  SUBJECT_MAX,
  suggestedSubject,
  toFollowUpRequest,
} from './follow-up-schema.ts';

const TYPES: ActivityType[] = [
  { id: 1, name: 'Call', key_string: 'call', icon_key: 'call', active_flag: true, order_nr: 1 },
  { id: 2, name: 'Meeting', key_string: 'meeting', icon_key: 'meeting', active_flag: true, order_nr: 2 },
];
const CONTEXT: FollowUpContext = { types: TYPES, typesState: 'read', assignees: ['21000001', '21000002'] };

const scheduled: FollowUpInput = {
  schedule: true,
  type: 'call',
  subject: 'Follow up: Chairs',
  dueDate: '2026-12-01',
  dueTime: '09:00',
  assignee: '',
};

function issuesOf(input: FollowUpInput, context = CONTEXT): string[][] {
  const result = followUpSchema(context).safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('follow-up schema', () => {
  it('a follow-up not scheduled is nothing, whatever its fields hold', () => {
    expect(
      followUpSchema(CONTEXT).parse({ ...scheduled, schedule: false, type: 'nap', dueDate: 'x' }),
    ).toBeUndefined();
  });

  it('reads a scheduled one: the lead’s owner unless someone is chosen, the time optional', () => {
    expect(followUpSchema(CONTEXT).parse(scheduled)).toEqual({
      type: 'call',
      subject: 'Follow up: Chairs',
      dueDate: '2026-12-01',
      dueTime: '09:00',
    });
    expect(
      followUpSchema(CONTEXT).parse({
        ...scheduled,
        dueTime: '',
        assignee: '21000002',
        subject: '  Call Ada ',
      }),
    ).toEqual({
      type: 'call',
      subject: 'Call Ada',
      dueDate: '2026-12-01',
      assignee: 21000002,
    });
  });

  it('puts each problem on its own field', () => {
    expect(
      issuesOf({
        ...scheduled,
        type: 'video_call',
        subject: ' ',
        dueDate: '',
        dueTime: '9am',
        assignee: '42',
      }),
    ).toEqual([
      ['type', 'Choose the type of the follow-up'],
      ['subject', 'Enter a subject for the follow-up'],
      ['dueDate', 'Enter the day of the follow-up, or pick one'],
      ['dueTime', 'Due time must be a time of day, like 09:30'],
      ['assignee', 'Select who the follow-up is for from the list'],
    ]);
    expect(issuesOf({ ...scheduled, dueDate: '2026-02-30' })).toEqual([
      ['dueDate', 'Due date must be a real date, like 2026-12-31'],
    ]);
    expect(issuesOf({ ...scheduled, subject: 'x'.repeat(SUBJECT_MAX + 1) })).toEqual([
      ['subject', `Subject must be ${SUBJECT_MAX} characters or fewer`],
    ]);
  });

  it('allows a day already past: Pipedrive shows it as overdue', () => {
    expect(issuesOf({ ...scheduled, dueDate: '2020-01-01' })).toEqual([]);
  });

  it('says why a type cannot be chosen while the types are loading or could not be read', () => {
    expect(issuesOf(scheduled, { ...CONTEXT, types: [], typesState: 'reading' })).toEqual([
      ['type', 'Your activity types are still loading from Pipedrive: try again in a moment'],
    ]);
    expect(issuesOf(scheduled, { ...CONTEXT, types: [], typesState: 'failed' })[0]?.[1]).toMatch(
      /^QuickLead could not read your activity types from Pipedrive\. Untick/,
    );
  });
});

describe('the follow-up as sent', () => {
  it('assigns the lead’s owner unless someone else was chosen, and sends the time in UTC', () => {
    const moment = new Date(2026, 11, 1, 9, 0).toISOString();
    expect(
      toFollowUpRequest({ type: 'call', subject: 'S', dueDate: '2026-12-01', dueTime: '09:00' }, 21000003),
    ).toEqual({
      subject: 'S',
      type: 'call',
      owner_id: 21000003,
      due_date: moment.slice(0, 10),
      due_time: moment.slice(11, 16),
    });
    expect(
      toFollowUpRequest({ type: 'call', subject: 'S', dueDate: '2026-12-01', assignee: 21000002 }, 21000003),
    ).toEqual({
      subject: 'S',
      type: 'call',
      owner_id: 21000002,
      due_date: '2026-12-01',
    });
  });

  it('suggests the subject from the title', () => {
    expect(suggestedSubject('  Chairs for Globex ')).toBe('Follow up: Chairs for Globex');
    expect(suggestedSubject('   ')).toBe('');
  });
});
