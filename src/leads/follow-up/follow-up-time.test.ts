import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueText,
  fromPipedriveDue,
  isPast,
  localDateText,
  quickPickDays,
  toPipedriveDue,
} from './follow-up-time.ts';

describe('the quick picks', () => {
  it('tomorrow, in three days and next Monday, counted in local days, never today', () => {
    // Wednesday 2026-11-25, late in the evening.
    expect(quickPickDays(new Date(2026, 10, 25, 23, 30))).toEqual({
      tomorrow: '2026-11-26',
      inThreeDays: '2026-11-28',
      nextMonday: '2026-11-30',
    });
    // On a Monday, next Monday is a week away; across a month and a year end.
    expect(quickPickDays(new Date(2026, 10, 30, 8, 0)).nextMonday).toBe('2026-12-07');
    expect(quickPickDays(new Date(2026, 11, 31, 12, 0))).toEqual({
      tomorrow: '2027-01-01',
      inThreeDays: '2027-01-03',
      nextMonday: '2027-01-04',
    });
  });

  it('next Monday is always a Monday within the coming week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }),
        (now) => {
          const [year, month, day] = quickPickDays(now).nextMonday.split('-').map(Number);
          const monday = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1);
          expect(monday.getDay()).toBe(1);
          const days = Math.round(
            (monday.getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) /
              86_400_000,
          );
          expect(days).toBeGreaterThanOrEqual(1);
          expect(days).toBeLessThanOrEqual(7);
        },
      ),
    );
  });
});

describe('due day and time to and from Pipedrive (UTC)', () => {
  it('sends a local moment as its UTC day and time, and a whole day as typed', () => {
    const moment = new Date(2026, 11, 1, 9, 0).toISOString();
    expect(toPipedriveDue('2026-12-01', '09:00')).toEqual({
      due_date: moment.slice(0, 10),
      due_time: moment.slice(11, 16),
    });
    expect(toPipedriveDue('2026-12-01', undefined)).toEqual({ due_date: '2026-12-01' });
  });

  it('reads back what it sent, whatever the local time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(2001, 0, 1), max: new Date(2099, 0, 1), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (day, hours, minutes) => {
          const date = localDateText(day);
          const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
          const sent = toPipedriveDue(date, time);
          const local = new Date(`${date}T${time}`);
          // A local time skipped by a daylight-saving jump reads back as the moment it became.
          const expected = {
            date: localDateText(local),
            time: `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`,
          };
          expect(fromPipedriveDue(sent.due_date, `${sent.due_time}:00`)).toEqual(expected);
        },
      ),
    );
  });

  it('reads a day without a time, and nothing from nothing', () => {
    expect(fromPipedriveDue('2026-12-01', null)).toEqual({ date: '2026-12-01' });
    expect(fromPipedriveDue(null, '10:00')).toBeUndefined();
    expect(fromPipedriveDue('soon', undefined)).toBeUndefined();
  });
});

describe('dueText', () => {
  const now = new Date(2026, 10, 25, 15, 0); // a Wednesday
  it('says the day relative to today within the week, with the time in the locale', () => {
    expect(dueText('2026-11-25', undefined, now, 'en-US')).toBe('today');
    expect(dueText('2026-11-26', '09:00', now, 'en-US')).toBe('tomorrow 09:00 AM');
    expect(dueText('2026-11-24', undefined, now, 'en-US')).toBe('yesterday');
    expect(dueText('2026-11-30', '14:30', now, 'en-GB')).toBe('Monday 14:30');
    expect(dueText('2026-12-24', undefined, now, 'en-US')).toBe('Dec 24, 2026');
  });
});

describe('isPast', () => {
  const now = new Date(2026, 10, 25, 15, 0);
  it('a day is past once it is over; a time once it has gone', () => {
    expect(isPast('2026-11-25', undefined, now)).toBe(false);
    expect(isPast('2026-11-24', undefined, now)).toBe(true);
    expect(isPast('2026-11-25', '14:59', now)).toBe(true);
    expect(isPast('2026-11-25', '15:01', now)).toBe(false);
  });
});
