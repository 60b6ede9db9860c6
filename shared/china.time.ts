/**
 * China time: the one place that knows China is UTC+8. China has no daylight saving, so a
 * fixed offset is exact. Instants in and out are ISO UTC strings (2026-11-28T01:00:00.000Z);
 * dates are China dates (YYYY-MM-DD). Plain millisecond arithmetic: the calendar and the
 * overdue scan read thousands of dates per pass, and a date library's parsing dominated that.
 *
 * `chinaDateOf` answers null for a malformed instant, because the calendar uses it to check
 * its input. The other readings are for instants the system made itself: a malformed one
 * there is a bug and throws.
 */

/** A China date, YYYY-MM-DD. */
export type ChinaDate = string;

/** China's offset from UTC, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant as an ISO string whose fields read as China wall-clock time, or null. */
const wallClock = (instant: string): string | null => {
  if (typeof instant !== 'string' || !ISO_INSTANT.test(instant)) return null;
  const t = Date.parse(instant);
  return Number.isNaN(t) ? null : new Date(t + CHINA_OFFSET_MS).toISOString();
};

const wallClockOrThrow = (instant: string): string => {
  const t = wallClock(instant);
  if (!t) throw new Error(`china time: not an ISO instant: ${instant}`);
  return t;
};

/** Midnight UTC of a date's calendar day, in ms; NaN for what is not a real date. */
const utcMidnight = (date: ChinaDate): number => {
  const t = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00.000Z`) : NaN;
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? NaN : t;
};

/** The China date of an instant, or null when the instant is malformed. */
export const chinaDateOf = (instant: string): ChinaDate | null => wallClock(instant)?.slice(0, 10) ?? null;

/** An instant in W3C date-time form with China's offset, e.g. 2026-03-02T09:30:00+08:00 (Open311 answers). */
export const chinaW3cOf = (instant: string): string => `${wallClockOrThrow(instant).slice(0, 19)}+08:00`;

/** An instant as China wall-clock time to the minute, e.g. 2026-03-02 09:30. */
export const chinaDateTimeOf = (instant: string): string => {
  const t = wallClockOrThrow(instant);
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
};

/** The China date of an instant without separators, e.g. 20260302 (tracking numbers carry it). */
export const chinaCompactDateOf = (instant: string): string => {
  const t = wallClockOrThrow(instant);
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}`;
};

/** The first millisecond (00:00 China time) of the China day an instant falls on, as an ISO UTC instant. */
export const startOfChinaDay = (instant: string): string =>
  new Date(Date.parse(`${wallClockOrThrow(instant).slice(0, 10)}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();

/** The last millisecond (23:59:59.999 China time) of a China date, as an ISO UTC instant. */
export const endOfChinaDay = (date: ChinaDate): string => new Date(utcMidnight(date) + DAY_MS - 1 - CHINA_OFFSET_MS).toISOString();

/** The instant of a China wall-clock date and time (YYYY-MM-DD, HH:mm), as an ISO UTC instant; null when malformed. */
export const instantOfChinaTime = (date: ChinaDate, time: string): string | null => {
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!ISO_DATE.test(date) || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const midnight = utcMidnight(date);
  return Number.isNaN(midnight) ? null : new Date(midnight + (Number(t[1]) * 60 + Number(t[2])) * 60_000 - CHINA_OFFSET_MS).toISOString();
};

/** Tells whether a string is a real calendar date, YYYY-MM-DD (2026-02-30 is not). */
export const isChinaDate = (date: string): boolean => !Number.isNaN(utcMidnight(date));

/** The date `days` calendar days after a date (before it when negative); a malformed date is a bug and throws. */
export const addChinaDays = (date: ChinaDate, days: number): ChinaDate => new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);

/** The day of the week of a date, 0 for Sunday to 6 for Saturday. */
export const weekdayOf = (date: ChinaDate): number => new Date(utcMidnight(date)).getUTCDay();

/** Milliseconds from one instant to another (negative when `to` is earlier); malformed instants are a bug and throw. */
export const msBetween = (from: string, to: string): number => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) throw new Error(`china time: not ISO instants: ${from}, ${to}`);
  return b - a;
};
