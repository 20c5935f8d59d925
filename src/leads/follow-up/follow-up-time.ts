import { formatCalendarDate } from '@/pipedrive/format-values.ts';

/**
 * The follow-up's day and time as the rep sees them (local, from native date and time inputs), and
 * as Pipedrive stores them: "The due time of the activity in UTC". A follow-up with a time is sent
 * as the UTC day and time of that moment; one without a time is a whole day and is sent as typed.
 */

const pad = (part: number) => String(part).padStart(2, '0');

/** YYYY-MM-DD of the local calendar day of `date`. */
export function localDateText(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function localMidnight(dateText: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The quick picks: tomorrow, in three days and next Monday (never today), as local calendar days. */
export function quickPickDays(now: Date): { tomorrow: string; inThreeDays: string; nextMonday: string } {
  // getDay: 0 is Sunday, 1 Monday. On a Monday, "next Monday" is a week away.
  const toMonday = (8 - now.getDay()) % 7 || 7;
  return {
    tomorrow: localDateText(addDays(now, 1)),
    inThreeDays: localDateText(addDays(now, 3)),
    nextMonday: localDateText(addDays(now, toMonday)),
  };
}

/** `due_date` and `due_time` for Pipedrive: the UTC day and time of a local moment, or a whole day as typed. */
export function toPipedriveDue(
  dueDate: string,
  dueTime: string | undefined,
): { due_date: string; due_time?: string } {
  const day = localMidnight(dueDate);
  const time = dueTime ? /^(\d{2}):(\d{2})$/.exec(dueTime) : null;
  if (!day || !time) return { due_date: dueDate };
  day.setHours(Number(time[1]), Number(time[2]));
  const iso = day.toISOString();
  return { due_date: iso.slice(0, 10), due_time: iso.slice(11, 16) };
}

/** The local day and time of Pipedrive's `due_date` and `due_time` (UTC; HH:MM or HH:MM:SS). */
export function fromPipedriveDue(
  dueDate: string | null | undefined,
  dueTime: string | null | undefined,
): { date: string; time?: string } | undefined {
  if (!dueDate || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return undefined;
  const time = dueTime ? /^(\d{2}):(\d{2})/.exec(dueTime) : null;
  if (!time) return { date: dueDate };
  const moment = new Date(`${dueDate}T${time[1]}:${time[2]}:00Z`);
  if (Number.isNaN(moment.getTime())) return { date: dueDate };
  return { date: localDateText(moment), time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}` };
}

/**
 * "tomorrow 09:00", "Friday 14:30", "Dec 24, 2026": a local day said relative to today when it is
 * within the week, with the time in the rep's locale.
 */
export function dueText(
  date: string,
  time: string | undefined,
  now: Date,
  locale: string | undefined,
): string {
  const day = localMidnight(date);
  if (!day) return date;
  const today = localMidnight(localDateText(now)) ?? now;
  const days = Math.round(
    (Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()) -
      Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) /
      86_400_000,
  );
  let dayText: string;
  if (days >= -1 && days <= 1) {
    dayText = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
  } else if (days > 1 && days < 7) {
    dayText = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(day);
  } else {
    dayText = formatCalendarDate(date, locale);
  }
  if (!time) return dayText;
  const [hours, minutes] = time.split(':').map(Number);
  const clock = new Date(2000, 0, 1, hours ?? 0, minutes ?? 0);
  return `${dayText} ${new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(clock)}`;
}

/** Whether a local day and time (the whole day, without a time) is already over. */
export function isPast(date: string, time: string | undefined, now: Date): boolean {
  const day = localMidnight(date);
  if (!day) return false;
  if (!time) return addDays(day, 1).getTime() <= now.getTime();
  const [hours, minutes] = time.split(':').map(Number);
  day.setHours(hours ?? 0, minutes ?? 0);
  return day.getTime() < now.getTime();
}
