/**
 * China time: the one place that knows China is UTC+8. China has no daylight saving, so a
 * fixed offset is exact. Instants in and out are ISO UTC strings (2026-11-28T01:00:00.000Z);
 * dates are China dates (YYYY-MM-DD).
 *
 * `chinaDateOf` answers null for a malformed instant, because the calendar uses it to check
 * its input. The other readings are for instants the system made itself: a malformed one
 * there is a bug and throws.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** A China date, YYYY-MM-DD. */
export type ChinaDate = string;

/** China's offset from UTC, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant as China wall-clock time (a dayjs in UTC whose fields read as China time), or null. */
const wallClock = (instant: string): dayjs.Dayjs | null => {
  if (typeof instant !== 'string' || !ISO_INSTANT.test(instant)) return null;
  const t = dayjs.utc(instant);
  return t.isValid() ? t.add(CHINA_OFFSET_MS, 'millisecond') : null;
};

const wallClockOrThrow = (instant: string): dayjs.Dayjs => {
  const t = wallClock(instant);
  if (!t) throw new Error(`china time: not an ISO instant: ${instant}`);
  return t;
};

/** The China date of an instant, or null when the instant is malformed. */
export const chinaDateOf = (instant: string): ChinaDate | null => wallClock(instant)?.format('YYYY-MM-DD') ?? null;

/** An instant as China wall-clock time to the minute, e.g. 2026-03-02 09:30. */
export const chinaDateTimeOf = (instant: string): string => wallClockOrThrow(instant).format('YYYY-MM-DD HH:mm');

/** The China date of an instant without separators, e.g. 20260302 (tracking numbers carry it). */
export const chinaCompactDateOf = (instant: string): string => wallClockOrThrow(instant).format('YYYYMMDD');

/** The first millisecond (00:00 China time) of the China day an instant falls on, as an ISO UTC instant. */
export const startOfChinaDay = (instant: string): string =>
  dayjs.utc(`${wallClockOrThrow(instant).format('YYYY-MM-DD')}T00:00:00.000`).subtract(CHINA_OFFSET_MS, 'millisecond').toISOString();

/** The last millisecond (23:59:59.999 China time) of a China date, as an ISO UTC instant. */
export const endOfChinaDay = (date: ChinaDate): string =>
  dayjs.utc(`${date}T23:59:59.999`).subtract(CHINA_OFFSET_MS, 'millisecond').toISOString();

/** The instant of a China wall-clock date and time (YYYY-MM-DD, HH:mm), as an ISO UTC instant; null when malformed. */
export const instantOfChinaTime = (date: ChinaDate, time: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const d = dayjs.utc(`${date}T${time}:00.000`);
  return d.isValid() ? d.subtract(CHINA_OFFSET_MS, 'millisecond').toISOString() : null;
};
