import { z } from 'zod';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import type { AddActivityRequest } from '@/pipedrive/add-activity.ts';
import type { ListState } from '@/pipedrive/reference-data.ts';
import { readDate } from '../form/parse-field-text.ts';
import { toPipedriveDue } from './follow-up-time.ts';

/** What the follow-up section holds, as typed. `assignee` '' is "the lead's owner", whoever that becomes. */
export interface FollowUpInput {
  schedule: boolean;
  type: string;
  subject: string;
  dueDate: string;
  dueTime: string;
  assignee: string;
}

/** A follow-up to schedule: local day and time, as the rep chose them. */
export interface FollowUpValues {
  type: string;
  subject: string;
  dueDate: string;
  dueTime?: string;
  /** Undefined: the lead's owner. */
  assignee?: number;
}

export function emptyFollowUp(): FollowUpInput {
  return { schedule: false, type: '', subject: '', dueDate: '', dueTime: '', assignee: '' };
}

/**
 * Pipedrive does not document how long an activity's subject may be; a lead's title may be 255
 * characters, and "Follow up: <title>" is suggested from it, so the subject gets room for both.
 */
export const SUBJECT_MAX = 300;

export const FOLLOW_UP_FIELD_IDS = {
  schedule: 'follow-up-schedule',
  type: 'follow-up-type',
  subject: 'follow-up-subject',
  dueDate: 'follow-up-due-date',
  dueTime: 'follow-up-due-time',
  assignee: 'follow-up-assignee',
} as const satisfies Record<keyof FollowUpInput, string>;

/** Fields in page order, for the error summary. */
export const FOLLOW_UP_FIELD_ORDER = ['type', 'subject', 'dueDate', 'dueTime', 'assignee'] as const;

/** "Follow up: <title>": what the subject says until the rep writes their own. */
export function suggestedSubject(title: string): string {
  const trimmed = title.trim();
  return trimmed === '' ? '' : `Follow up: ${trimmed}`;
}

export interface FollowUpContext {
  /** The account's active activity types, once read. */
  types: readonly ActivityType[];
  typesState: ListState;
  /** Who may be assigned: the ids the owner field offers. */
  assignees: readonly string[];
}

function missingTypesMessage(state: ListState): string {
  if (state === 'failed') {
    return 'QuickLead could not read your activity types from Pipedrive. Untick “Schedule this follow-up” to create the lead without it';
  }
  if (state !== 'read') return 'Your activity types are still loading from Pipedrive: try again in a moment';
  return 'Choose the type of the follow-up';
}

/**
 * The follow-up, checked only when the rep schedules one. A past day or time is allowed: Pipedrive
 * takes it and shows the activity as overdue, which is what a rep logging a call they already owe
 * wants; the field says so instead of refusing.
 */
export function followUpSchema(context: FollowUpContext) {
  const typeKeys = context.types.map((type) => type.key_string);
  return z
    .object({
      schedule: z.boolean(),
      type: z.string(),
      subject: z.string(),
      dueDate: z.string(),
      dueTime: z.string(),
      assignee: z.string(),
    })
    .transform((input, ctx): FollowUpValues | undefined => {
      if (!input.schedule) return undefined;
      const issue = (path: keyof FollowUpInput, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (!typeKeys.includes(input.type)) issue('type', missingTypesMessage(context.typesState));
      const subject = input.subject.trim();
      if (subject === '') issue('subject', 'Enter a subject for the follow-up');
      else if (subject.length > SUBJECT_MAX)
        issue('subject', `Subject must be ${SUBJECT_MAX} characters or fewer`);
      const dueDate = input.dueDate.trim();
      if (dueDate === '') issue('dueDate', 'Enter the day of the follow-up, or pick one');
      else if (readDate(dueDate) !== dueDate)
        issue('dueDate', 'Due date must be a real date, like 2026-12-31');
      const dueTime = input.dueTime.trim();
      if (dueTime !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(dueTime)) {
        issue('dueTime', 'Due time must be a time of day, like 09:30');
      }
      if (input.assignee !== '' && !context.assignees.includes(input.assignee)) {
        issue('assignee', 'Select who the follow-up is for from the list');
      }
      return {
        type: input.type,
        subject,
        dueDate,
        ...(dueTime ? { dueTime } : {}),
        ...(input.assignee ? { assignee: Number(input.assignee) } : {}),
      };
    });
}

/** The `POST /api/v2/activities` body without the lead, which exists only once the lead is created. */
export function toFollowUpRequest(
  values: FollowUpValues,
  leadOwnerId: number,
): Omit<AddActivityRequest, 'lead_id'> {
  return {
    subject: values.subject,
    type: values.type,
    owner_id: values.assignee ?? leadOwnerId,
    ...toPipedriveDue(values.dueDate, values.dueTime),
  };
}
