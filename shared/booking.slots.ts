/**
 * Slots from a center's schedule over the working-day calendar (chinese-days plus the years the
 * administrator entered): a working weekday takes its periods from the week, a make-up working day
 * (调休上班) the make-up periods, an exception its own; a holiday or an ordinary weekend has none.
 * A date the calendar does not cover yet has no slots either: no Monday-to-Friday guess.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, isChinaDate, weekdayOf, type ChinaDate } from './china.time';
import type { WorkingCalendar } from './calendar';
import type { BookingSchedule, Period, ScheduleException, Slot } from './booking.schema';

type DayCalendar = Pick<WorkingCalendar, 'isWorkingDay'>;

/** The id of the slot of a center starting at `start` on `date`: `<centerId>~<date>~<HHMM>`. */
export const slotIdOf = (centerId: string, date: ChinaDate, start: string): string => `${centerId}~${date}~${start.replace(':', '')}`;

/** The parts of a slot id, or null when it is not one. */
export const parseSlotId = (id: string): { centerId: string; date: ChinaDate; start: string } | null => {
  const m = /^([a-z0-9-]{2,40})~(\d{4}-\d{2}-\d{2})~([01]\d|2[0-3])([0-5]\d)$/.exec(id);
  return m && isChinaDate(m[2]) ? { centerId: m[1], date: m[2], start: `${m[3]}:${m[4]}` } : null;
};

/** The ISO UTC instant of a China wall-clock time on a China date. */
export const chinaInstantOf = (date: ChinaDate, time: string): string => new Date(Date.parse(`${date}T${time}:00.000+08:00`)).toISOString();

/** The periods of one date, or CALENDAR_OUT_OF_RANGE when the calendar does not cover it. */
export const periodsOn = (schedule: Pick<BookingSchedule, 'week' | 'makeUp' | 'exceptions'>, date: ChinaDate, calendar: DayCalendar): Result<Period[]> => {
  const working = calendar.isWorkingDay(date);
  if (!working.ok) return working;
  if (!working.value) return ok([]);
  const exception = schedule.exceptions.find((e) => e.date === date);
  if (exception) return ok(exception.periods);
  const weekday = weekdayOf(date);
  if (weekday >= 1 && weekday <= 5) return ok(schedule.week[weekday - 1]);
  return ok(schedule.makeUp ?? schedule.week[0]);
};

const slotOf = (centerId: string, date: ChinaDate, p: Period): Slot => ({
  id: slotIdOf(centerId, date, p.start),
  centerId,
  date,
  start: p.start,
  end: p.end,
  startAt: chinaInstantOf(date, p.start),
  endAt: chinaInstantOf(date, p.end),
  capacity: p.capacity,
});

/**
 * The slots of `days` dates from `from`, in time order, and the last date the calendar covers
 * among them (null when it covers none): the dates after it have no slots until their year is entered.
 */
export const slotsBetween = (
  schedule: BookingSchedule,
  from: ChinaDate,
  days: number,
  calendar: DayCalendar,
): { slots: Slot[]; coveredUntil: ChinaDate | null } => {
  const slots: Slot[] = [];
  let coveredUntil: ChinaDate | null = null;
  for (let i = 0; i < days; i++) {
    const date = addChinaDays(from, i);
    const periods = periodsOn(schedule, date, calendar);
    if (!periods.ok) break;
    coveredUntil = date;
    for (const p of [...periods.value].sort((a, b) => a.start.localeCompare(b.start))) slots.push(slotOf(schedule.centerId, date, p));
  }
  return { slots, coveredUntil };
};

/** The slot a slot id names under a schedule, or SLOT_NOT_FOUND (no such period that day, a holiday, an uncovered year). */
export const slotById = (schedule: BookingSchedule, slotId: string, calendar: DayCalendar): Result<Slot> => {
  const parts = parseSlotId(slotId);
  if (!parts || parts.centerId !== schedule.centerId) return fail('SLOT_NOT_FOUND', undefined, slotId);
  const periods = periodsOn(schedule, parts.date, calendar);
  const period = periods.ok ? periods.value.find((p) => p.start === parts.start) : undefined;
  return period ? ok(slotOf(schedule.centerId, parts.date, period)) : fail('SLOT_NOT_FOUND', undefined, slotId);
};

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Why a day's periods do not make sense (an end before its start, two that overlap), or null. */
const periodProblem = (periods: readonly Period[]): string | null => {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  for (const [i, p] of sorted.entries()) {
    if (minutes(p.end) <= minutes(p.start)) return `${p.start}-${p.end} 结束时间应晚于开始时间`;
    const next = sorted[i + 1];
    if (next && minutes(next.start) < minutes(p.end)) return `${p.start}-${p.end} 与 ${next.start}-${next.end} 重叠`;
  }
  return null;
};

/**
 * Checks a schedule before it is stored: sensible periods every day, one exception a date, and no
 * exception opening a holiday or a weekend that is not a make-up working day (SLOT_ON_HOLIDAY).
 */
export const checkBookingSchedule = (
  s: Pick<BookingSchedule, 'week' | 'makeUp' | 'exceptions'>,
  calendar: DayCalendar,
): Result<Pick<BookingSchedule, 'week' | 'makeUp' | 'exceptions'>> => {
  const fields: Record<string, string> = {};
  s.week.forEach((day, i) => {
    const problem = periodProblem(day);
    if (problem) fields[`week.${i}`] = problem;
  });
  const makeUpProblem = s.makeUp ? periodProblem(s.makeUp) : null;
  if (makeUpProblem) fields.makeUp = makeUpProblem;
  const seen = new Set<string>();
  let onHoliday = false;
  s.exceptions.forEach((e: ScheduleException, i) => {
    if (!isChinaDate(e.date)) fields[`exceptions.${i}`] = `${e.date} 不是有效日期`;
    else if (seen.has(e.date)) fields[`exceptions.${i}`] = `${e.date} 重复`;
    else if (e.periods.length && isHoliday(e.date, calendar)) {
      fields[`exceptions.${i}`] = `${e.date} 是节假日或休息日，不能安排预约`;
      onHoliday = true;
    } else {
      const problem = periodProblem(e.periods);
      if (problem) fields[`exceptions.${i}`] = problem;
    }
    seen.add(e.date);
  });
  if (Object.keys(fields).length) return fail(onHoliday ? 'SLOT_ON_HOLIDAY' : 'VALIDATION_FAILED', fields);
  return ok({ week: s.week, ...(s.makeUp ? { makeUp: s.makeUp } : {}), exceptions: [...s.exceptions].sort((a, b) => a.date.localeCompare(b.date)) });
};

/** A day without work by the calendar; a date it does not cover yet counts as not known to be one. */
const isHoliday = (date: ChinaDate, calendar: DayCalendar): boolean => {
  const w = calendar.isWorkingDay(date);
  return w.ok && !w.value;
};

/** A schedule of a center with nothing bookable yet, before its clerk or the administrator sets one. */
export const emptySchedule = (centerId: string, by: string, now: string): BookingSchedule => ({
  id: centerId,
  version: 0,
  centerId,
  week: [[], [], [], [], []],
  exceptions: [],
  updatedBy: by,
  updatedAt: now,
});
