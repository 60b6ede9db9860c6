/**
 * The working-day calendar: Chinese public holidays and 调休 make-up working days,
 * as published by the State Council and carried by `chinese-days`.
 *
 * Conventions (they decide what a resident sees as 办理期限):
 * - All dates are China dates (`china.time.ts`). Instants in and out are ISO UTC strings,
 *   e.g. 2026-11-28T01:00:00.000Z.
 * - The day of a start instant is not counted (期间开始之日不计算在内): the first working
 *   day counted is the first working day after the start's China date.
 * - A deadline is the end of its working day, 23:59:59.999 China time, so a clerk who
 *   finishes late on the last day is still on time.
 * - A date outside the covered years is CALENDAR_OUT_OF_RANGE, never a Monday-to-Friday guess:
 *   the schedule of a year is only known once the State Council publishes it.
 */
import holidayData from 'chinese-days/dist/chinese-days.json';
import { fail, ok, type Result } from './errors';
import { addChinaDays, chinaDateOf, endOfChinaDay, isChinaDate, msBetween, weekdayOf, type ChinaDate } from './china.time';
import type { CalendarExtra } from './calendar.extra';

// the extra schedule's schema lives in calendar.extra.ts: counting days needs no zod
export type { CalendarExtra } from './calendar.extra';

// the app's timeline still reads the China date here; china.time.ts is its home
/** A stretch of time the clock stood still (a 补正 pause), as ISO instants. */
export type ClockPause = { from: string; to: string };

/** The calendar's operations; the module's default functions use the library data only. */
export interface WorkingCalendar {
  /** the years whose official schedule is known, ascending */
  readonly years: readonly number[];
  isWorkingDay(date: ChinaDate): Result<boolean>;
  addWorkingDays(startInstant: string, n: number, pauses?: readonly ClockPause[]): Result<string>;
  workingDaysBetween(fromInstant: string, toInstant: string): Result<number>;
  workingDaysLeft(deadline: string, now: string): Result<number>;
}

/** Far more working days than any promised term plus pauses; guards against a runaway loop. */
const MAX_DAYS = 3660;

type Data = { holidays: Set<string>; workdays: Set<string>; years: Set<number> };

/** Years that appear in a set of dates: the library publishes every year it covers with its 元旦. */
const yearsOf = (dates: Iterable<string>): number[] => [...new Set([...dates].map((d) => Number(d.slice(0, 4))))];

const libraryData = (): Data => {
  const holidays = Object.keys(holidayData.holidays);
  const workdays = Object.keys(holidayData.workdays);
  return { holidays: new Set(holidays), workdays: new Set(workdays), years: new Set(yearsOf([...holidays, ...workdays])) };
};

const isValidDate = (date: string): boolean => typeof date === 'string' && isChinaDate(date);

const following = new Map<ChinaDate, ChinaDate>();
// remembered: counting walks the same days again and again
const nextDate = (date: ChinaDate): ChinaDate => {
  let next = following.get(date);
  if (!next) following.set(date, (next = addChinaDays(date, 1)));
  return next;
};

const outOfRange = <T>(date: string): Result<T> => fail('CALENDAR_OUT_OF_RANGE', { date }, `no official holiday schedule for ${date.slice(0, 4)}`);

const badInput = <T>(field: string, value: unknown): Result<T> => fail('VALIDATION_FAILED', { [field]: 'invalid' }, `not a valid ${field}: ${String(value)}`);

/** Builds a calendar on the library data plus an administrator's extra years. */
export const createCalendar = (extra?: CalendarExtra): WorkingCalendar => {
  const data = mergeExtra(libraryData(), extra);
  const isWorkingDay = (date: ChinaDate): Result<boolean> => {
    if (!isValidDate(date)) return badInput('date', date);
    if (!data.years.has(Number(date.slice(0, 4)))) return outOfRange(date);
    if (data.workdays.has(date)) return ok(true);
    if (data.holidays.has(date)) return ok(false);
    const weekday = weekdayOf(date);
    return ok(weekday >= 1 && weekday <= 5);
  };
  const ops = operations(memoDays(isWorkingDay));
  return { years: [...data.years].sort((a, b) => a - b), isWorkingDay, ...ops };
};

const mergeExtra = (base: Data, extra?: CalendarExtra): Data => {
  if (!extra) return base;
  const parsed = extra; // callers parse it with CalendarExtraSchema first (calendar.extra.ts); each date is checked here
  const years = new Set([...base.years, ...parsed.years]);
  for (const d of [...parsed.holidays, ...parsed.workdays]) {
    if (!isValidDate(d) || !years.has(Number(d.slice(0, 4)))) throw new Error(`calendar extra: ${d} is not in a declared year`);
  }
  return {
    holidays: new Set([...base.holidays, ...parsed.holidays]),
    workdays: new Set([...[...base.workdays].filter((d) => !parsed.holidays.includes(d)), ...parsed.workdays]),
    years,
  };
};

type DayTest = (date: ChinaDate) => Result<boolean>;

/** Remembers each day's answer: the overdue scan asks about the same few hundred days for every request. */
const memoDays = (test: DayTest): DayTest => {
  const seen = new Map<ChinaDate, Result<boolean>>();
  return (date) => {
    let r = seen.get(date);
    if (!r) seen.set(date, (r = test(date)));
    return r;
  };
};

/** The counting operations, written once over any working-day test. */
const operations = (isWorkingDay: DayTest) => {
  /** Working days d with from < d <= to (China dates); 0 when to <= from. */
  const countAfter = (from: ChinaDate, to: ChinaDate): Result<number> => {
    let count = 0;
    for (let d = nextDate(from), i = 0; d <= to; d = nextDate(d), i++) {
      if (i > MAX_DAYS) throw new Error('calendar: range too long');
      const w = isWorkingDay(d);
      if (!w.ok) return w;
      if (w.value) count++;
    }
    return ok(count);
  };

  /** The n-th working day after `from` (n = 0: `from` itself if working, else the next working day). */
  const nthWorkingDay = (from: ChinaDate, n: number): Result<ChinaDate> => {
    const first = isWorkingDay(from);
    if (!first.ok) return first;
    if (n === 0 && first.value) return ok(from);
    let d = from;
    for (let seen = 0, i = 0; seen < Math.max(n, 1); i++) {
      if (i > MAX_DAYS) throw new Error('calendar: term too long');
      d = nextDate(d);
      const w = isWorkingDay(d);
      if (!w.ok) return w;
      if (w.value) seen++;
    }
    return ok(d);
  };

  /** Working days the pauses cover, each counted like a term: its start day excluded, its end day included. */
  const pausedDays = (pauses: readonly ClockPause[]): Result<number> => {
    let total = 0;
    for (const p of pauses) {
      const c = workingDaysBetween(p.from, p.to);
      if (!c.ok) return c;
      total += c.value;
    }
    return ok(total);
  };

  /** Deadline of a term of n working days from a start instant, with pauses added back. */
  const addWorkingDays = (startInstant: string, n: number, pauses: readonly ClockPause[] = []): Result<string> => {
    const start = chinaDateOf(startInstant);
    if (!start) return badInput('instant', startInstant);
    if (!Number.isInteger(n) || n < 0) return badInput('days', n);
    const paused = pausedDays(pauses);
    if (!paused.ok) return paused;
    const day = nthWorkingDay(start, n + paused.value);
    return day.ok ? ok(endOfChinaDay(day.value)) : day;
  };

  /** Working days after the China date of `from` up to and including that of `to`; negative when `to` is earlier. */
  const workingDaysBetween = (fromInstant: string, toInstant: string): Result<number> => {
    const from = chinaDateOf(fromInstant);
    const to = chinaDateOf(toInstant);
    if (!from) return badInput('instant', fromInstant);
    if (!to) return badInput('instant', toInstant);
    if (to < from) {
      const back = countAfter(to, from);
      return back.ok ? ok(-back.value) : back;
    }
    return countAfter(from, to);
  };

  /** Working days left until a deadline: 0 on its last day; negative (at least -1) once it has passed. */
  const workingDaysLeft = (deadline: string, now: string): Result<number> => {
    const between = workingDaysBetween(now, deadline);
    if (!between.ok) return between;
    if (msBetween(now, deadline) >= 0) return ok(Math.max(between.value, 0));
    return ok(Math.min(between.value, -1));
  };

  return { addWorkingDays, workingDaysBetween, workingDaysLeft };
};

/**
 * The extra schedule the calendar counts with: the file seed's years, with each year the
 * administrator entered taking the place of the seed's entry for that year (calendar.entry.ts
 * checks an entry; the merge is here, so a function that only counts days carries no date parser).
 */
export const mergeCalendarYears = (
  seed: CalendarExtra | undefined,
  stored: readonly { year: number; holidays: readonly string[]; workdays: readonly string[] }[],
): CalendarExtra | undefined => {
  const entered = new Set(stored.map((y) => y.year));
  const inSeed = (d: string) => !entered.has(Number(d.slice(0, 4)));
  const years = [...new Set([...(seed?.years ?? []).filter((y) => !entered.has(y)), ...entered])].sort((a, b) => a - b);
  if (!years.length) return undefined;
  return {
    years,
    holidays: [...(seed?.holidays ?? []).filter(inSeed), ...stored.flatMap((y) => y.holidays)],
    workdays: [...(seed?.workdays ?? []).filter(inSeed), ...stored.flatMap((y) => y.workdays)],
  };
};

const libraryCalendar = createCalendar();

/** The years the bundled library covers (2004–2026 in chinese-days 1.5.7). */
export const COVERED_YEARS: readonly number[] = libraryCalendar.years;
/** Tells whether a China date (YYYY-MM-DD) is a working day, honoring 调休 make-up days. */
export const isWorkingDay = libraryCalendar.isWorkingDay;
/** Deadline (end of the China day) of n working days after a start instant, with pauses added back. */
export const addWorkingDays = libraryCalendar.addWorkingDays;
/** Working days after the start's China date up to and including the end's. */
export const workingDaysBetween = libraryCalendar.workingDaysBetween;
/** Working days left until a deadline; negative when overdue. */
export const workingDaysLeft = libraryCalendar.workingDaysLeft;
