import { isWorkday } from 'chinese-days';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { COVERED_YEARS, addWorkingDays, createCalendar, isWorkingDay, workingDaysBetween, workingDaysLeft } from './calendar';
import type { Result } from './errors';
import { cn } from '../tests/support/clock';

dayjs.extend(utc);

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};
const codeOf = <T>(r: Result<T>): string | undefined => (r.ok ? undefined : r.error.code);

describe('the covered years', () => {
  it('come from the library data and run from 2004 to 2026 without gaps', () => {
    expect(COVERED_YEARS[0]).toBe(2004);
    expect(COVERED_YEARS[COVERED_YEARS.length - 1]).toBe(2026);
    expect(COVERED_YEARS).toHaveLength(2026 - 2004 + 1);
  });

  it('give the same answer as chinese-days isWorkday for every covered day', () => {
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = dayjs.utc(d).add(1, 'day').format('YYYY-MM-DD')) {
      expect([d, value(isWorkingDay(d))]).toEqual([d, isWorkday(d)]);
    }
  });
});

describe('isWorkingDay', () => {
  it('knows National Day 2026 is a holiday and its 调休 weekends are working days', () => {
    expect(value(isWorkingDay('2026-10-01'))).toBe(false);
    expect(value(isWorkingDay('2026-10-07'))).toBe(false);
    expect(value(isWorkingDay('2026-09-20'))).toBe(true); // Sunday, made up
    expect(value(isWorkingDay('2026-10-10'))).toBe(true); // Saturday, made up
    expect(value(isWorkingDay('2026-10-11'))).toBe(false); // an ordinary Sunday
    expect(value(isWorkingDay('2026-10-08'))).toBe(true);
  });

  it('refuses a year the calendar does not cover instead of guessing Monday to Friday', () => {
    expect(codeOf(isWorkingDay('2003-05-06'))).toBe('CALENDAR_OUT_OF_RANGE');
    expect(codeOf(isWorkingDay('2027-01-04'))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('rejects a date that does not exist as a validation failure', () => {
    expect(codeOf(isWorkingDay('2026-02-30'))).toBe('VALIDATION_FAILED');
    expect(codeOf(isWorkingDay('20261001'))).toBe('VALIDATION_FAILED');
  });
});

describe('addWorkingDays', () => {
  it('skips National Day and counts the make-up Saturday after it', () => {
    // accepted Tue 29 Sep: 30 Sep (1), 1-7 Oct off, 8 Oct (2), 9 Oct (3), Sat 10 Oct make-up (4), 12 Oct (5)
    expect(value(addWorkingDays(cn('2026-09-29T10:00:00'), 5))).toBe('2026-10-12T15:59:59.999Z');
  });

  it('counts the make-up Sunday before National Day', () => {
    // accepted Fri 18 Sep: Sun 20 Sep is a working day
    expect(value(addWorkingDays(cn('2026-09-18T10:00:00'), 1))).toBe('2026-09-20T15:59:59.999Z');
  });

  it('skips the Spring Festival 2026 and counts its make-up Saturday', () => {
    // accepted Thu 12 Feb: 13 Feb (1), Sat 14 Feb make-up (2), 15-23 Feb off, 24 Feb (3)
    expect(value(addWorkingDays(cn('2026-02-12T09:00:00'), 3))).toBe('2026-02-24T15:59:59.999Z');
  });

  it('adds back the working days a pause covered', () => {
    const start = cn('2026-09-01T10:00:00'); // Tue
    expect(value(addWorkingDays(start, 5))).toBe('2026-09-08T15:59:59.999Z');
    // paused Thu 3 Sep to Mon 7 Sep: covers Fri 4 and Mon 7, so two days more
    const pause = { from: cn('2026-09-03T10:00:00'), to: cn('2026-09-07T10:00:00') };
    expect(value(addWorkingDays(start, 5, [pause]))).toBe('2026-09-10T15:59:59.999Z');
  });

  it('does not extend the term for a pause opened and closed on the same day', () => {
    const pause = { from: cn('2026-09-03T09:00:00'), to: cn('2026-09-03T16:00:00') };
    expect(value(addWorkingDays(cn('2026-09-01T10:00:00'), 5, [pause]))).toBe('2026-09-08T15:59:59.999Z');
  });

  it('gives an immediate item (即办件) the end of the same working day', () => {
    expect(value(addWorkingDays(cn('2026-11-27T10:00:00'), 0))).toBe('2026-11-27T15:59:59.999Z');
  });

  it('gives an immediate item taken in on a weekend the end of the next working day', () => {
    expect(value(addWorkingDays(cn('2026-11-28T10:00:00'), 0))).toBe('2026-11-30T15:59:59.999Z');
    expect(value(addWorkingDays(cn('2026-10-03T10:00:00'), 0))).toBe('2026-10-08T15:59:59.999Z');
  });

  it('starts counting at the next working day when the start is on a weekend', () => {
    // Sat 28 Nov: Mon 30 Nov (1), Tue 1 Dec (2)
    expect(value(addWorkingDays(cn('2026-11-28T10:00:00'), 2))).toBe('2026-12-01T15:59:59.999Z');
  });

  it('uses the China date of a start late in the UTC day', () => {
    // 2026-11-27T17:00Z is Sat 28 Nov 01:00 in China
    expect(value(addWorkingDays('2026-11-27T17:00:00.000Z', 1))).toBe('2026-11-30T15:59:59.999Z');
  });

  it('answers CALENDAR_OUT_OF_RANGE for a deadline that crosses into 2027', () => {
    expect(value(addWorkingDays(cn('2026-11-28T09:00:00'), 20))).toBe('2026-12-25T15:59:59.999Z');
    expect(codeOf(addWorkingDays(cn('2026-11-28T09:00:00'), 25))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('answers CALENDAR_OUT_OF_RANGE for a start in 2003', () => {
    expect(codeOf(addWorkingDays('2003-06-02T02:00:00.000Z', 3))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('rejects a negative term and a malformed start', () => {
    expect(codeOf(addWorkingDays(cn('2026-09-01T10:00:00'), -1))).toBe('VALIDATION_FAILED');
    expect(codeOf(addWorkingDays('2026-09-01', 1))).toBe('VALIDATION_FAILED');
  });
});

describe('workingDaysBetween and workingDaysLeft', () => {
  it('count no working days inside National Day', () => {
    expect(value(workingDaysBetween(cn('2026-09-30T10:00:00'), cn('2026-10-09T10:00:00')))).toBe(2);
    expect(value(workingDaysBetween(cn('2026-10-09T10:00:00'), cn('2026-09-30T10:00:00')))).toBe(-2);
  });

  it('say how many working days are left, 0 on the last day and negative once overdue', () => {
    const deadline = '2026-10-12T15:59:59.999Z';
    expect(value(workingDaysLeft(deadline, cn('2026-10-09T10:00:00')))).toBe(2);
    expect(value(workingDaysLeft(deadline, cn('2026-10-12T18:00:00')))).toBe(0);
    expect(value(workingDaysLeft(deadline, cn('2026-10-13T09:00:00')))).toBe(-1);
    expect(value(workingDaysLeft(deadline, cn('2026-10-17T09:00:00')))).toBe(-4);
  });

  it('count a deadline passed over a weekend as overdue', () => {
    expect(value(workingDaysLeft('2026-11-27T15:59:59.999Z', cn('2026-11-28T09:00:00')))).toBe(-1);
  });

  it('answer CALENDAR_OUT_OF_RANGE when the span reaches 2027', () => {
    expect(codeOf(workingDaysBetween(cn('2026-12-30T10:00:00'), cn('2027-01-05T10:00:00')))).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('createCalendar', () => {
  // Hypothetical 2027 entries, standing in for the schedule the State Council will publish.
  const extended = createCalendar({ holidays: ['2027-01-01'], workdays: ['2027-01-02'], years: [2027] });

  it('covers a year an administrator loaded', () => {
    expect(extended.years).toContain(2027);
    expect(value(extended.isWorkingDay('2027-01-01'))).toBe(false);
    expect(value(extended.isWorkingDay('2027-01-02'))).toBe(true);
    expect(value(extended.isWorkingDay('2027-01-04'))).toBe(true);
  });

  it('lets a deadline cross into the loaded year', () => {
    // Wed 30 Dec: 31 Dec (1), 1 Jan off, Sat 2 Jan working (2)
    expect(value(extended.addWorkingDays(cn('2026-12-30T10:00:00'), 2))).toBe('2027-01-02T15:59:59.999Z');
  });

  it('still refuses the years nobody loaded', () => {
    expect(codeOf(extended.isWorkingDay('2028-03-01'))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('leaves the library-only default untouched', () => {
    expect(codeOf(isWorkingDay('2027-01-04'))).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('refuses extra dates outside the declared years as a programming error', () => {
    expect(() => createCalendar({ holidays: ['2028-01-01'], workdays: [], years: [2027] })).toThrow();
  });
});
