/**
 * The administrator's entry of one year's official schedule (国务院办公厅 notice): every
 * holiday and every make-up working day (调休上班), typed in a form or pasted as a list.
 * Checked here, purely; nothing is filled in that the notice did not say.
 *
 * A pasted list has one entry a line, a date or a range and what the day is, e.g.
 *   2027-01-01 休 元旦
 *   2027-02-06~2027-02-12 休 春节
 *   2027-02-14 班
 * (休 / 放假 / 假 mean a holiday; 班 / 上班 mean a make-up working day; a name after it is ignored.)
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import * as z from 'zod/mini';
import { fail, ok, type FieldErrors, type Result } from './errors';
import type { ChinaDate } from './china.time';

dayjs.extend(utc);

/** One stored year of the official schedule, as the administrator entered it. */
export const CalendarYearSchema = z.object({
  id: z.string(),
  version: z.int().check(z.gte(1)),
  year: z.int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

/** The id of a stored year: one record a year, replaced only from its version. */
export const calendarYearId = (year: number): string => `cal-${year}`;

/** A year's holidays and make-up working days, checked and sorted. */
export type YearSchedule = { year: number; holidays: ChinaDate[]; workdays: ChinaDate[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (d: string) => DATE.test(d) && dayjs.utc(d).isValid() && dayjs.utc(d).format('YYYY-MM-DD') === d;
const weekdayOf = (d: string) => dayjs.utc(d).day();
/** A range longer than this is a typing mistake: the longest official holiday (春节) runs 8-9 days. */
const MAX_RANGE_DAYS = 15;

const HOLIDAY_WORDS = new Set(['休', '放假', '假', '休息']);
const WORKDAY_WORDS = new Set(['班', '上班', '补班']);
const LINE = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*[~～至-]\s*(\d{4}-\d{1,2}-\d{1,2}))?\s+(\S+)(?:\s+.*)?$/;

/** 2027-1-9 written loosely, as 2027-01-09. */
const padDate = (d: string) =>
  d
    .split('-')
    .map((p, i) => (i === 0 ? p : p.padStart(2, '0')))
    .join('-');

/** Every date from `from` to `to`, inclusive. */
const datesFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = dayjs.utc(from); d.format('YYYY-MM-DD') <= to && out.length <= MAX_RANGE_DAYS; d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
};

/** Reads a pasted list into holidays and make-up days; each bad line is an error keyed `text.<line>`. */
export const scheduleFromText = (year: number, text: string): Result<YearSchedule> => {
  const holidays: string[] = [];
  const workdays: string[] = [];
  const errors: FieldErrors = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!line || line.startsWith('#')) return;
    const m = LINE.exec(line);
    const kind = m && (HOLIDAY_WORDS.has(m[3]) ? 'holiday' : WORKDAY_WORDS.has(m[3]) ? 'workday' : null);
    if (!m || !kind) return void (errors[`text.${i + 1}`] = `第${i + 1}行看不懂：请写“日期 休”或“日期 班”，如 ${year}-01-01 休`);
    const from = padDate(m[1]);
    const to = m[2] ? padDate(m[2]) : from;
    if (!isRealDate(from) || !isRealDate(to)) return void (errors[`text.${i + 1}`] = `第${i + 1}行的日期不存在`);
    const days = datesFrom(from, to);
    if (to < from || days.length > MAX_RANGE_DAYS) return void (errors[`text.${i + 1}`] = `第${i + 1}行的起止日期不对（一段假期最长${MAX_RANGE_DAYS}天）`);
    (kind === 'holiday' ? holidays : workdays).push(...days);
  });
  if (Object.keys(errors).length) return fail('CALENDAR_INVALID', errors);
  return checkSchedule({ year, holidays, workdays });
};

/**
 * Checks a year's schedule: real dates, all in that year, none both a holiday and a working
 * day, every make-up working day on a weekend (a weekday is a working day anyway), at least
 * one holiday (every year has 元旦). Duplicates are folded; the lists come back sorted.
 */
export const checkSchedule = (s: YearSchedule): Result<YearSchedule> => {
  const errors: FieldErrors = {};
  const holidays = [...new Set(s.holidays)].sort();
  const workdays = [...new Set(s.workdays)].sort();
  const check = (field: 'holidays' | 'workdays', list: string[]) =>
    list.forEach((d, i) => {
      const key = `${field}.${i}`;
      if (!isRealDate(d)) errors[key] = `${d} 不是有效日期`;
      else if (Number(d.slice(0, 4)) !== s.year) errors[key] = `${d} 不在${s.year}年`;
      else if (field === 'workdays' && weekdayOf(d) >= 1 && weekdayOf(d) <= 5) errors[key] = `${d} 是工作日，调休上班日应是周六或周日`;
      else if (field === 'workdays' && holidays.includes(d)) errors[key] = `${d} 不能既放假又上班`;
    });
  check('holidays', holidays);
  check('workdays', workdays);
  if (!holidays.length) errors.holidays = `请填写${s.year}年的放假日期（至少有元旦）`;
  if (Object.keys(errors).length) return fail('CALENDAR_INVALID', errors);
  return ok({ year: s.year, holidays, workdays });
};

export { mergeCalendarYears } from './calendar';

/** From this many days before the covered years end, the administrator is warned. */
export const CALENDAR_WARNING_DAYS = 60;

/** Days from a China date to the last covered day (31 December of the last year), and whether to warn. */
export const coverageOf = (years: readonly number[], today: ChinaDate): { coveredUntil: ChinaDate; daysLeft: number; warn: boolean } => {
  const last = Math.max(...years);
  const coveredUntil = `${last}-12-31`;
  const daysLeft = dayjs.utc(coveredUntil).diff(dayjs.utc(today), 'day');
  return { coveredUntil, daysLeft, warn: daysLeft <= CALENDAR_WARNING_DAYS };
};
