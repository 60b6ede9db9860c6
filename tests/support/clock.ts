import { CHINA_OFFSET_MS } from '../../shared/china.time';

/** An instant at a China wall-clock time, e.g. cn('2026-09-28T09:00:00') is 01:00 UTC that day. */
export const cn = (dateTime: string): string => new Date(Date.parse(`${dateTime}Z`) - CHINA_OFFSET_MS).toISOString();

/** A clock tests can set and move, passed to the handlers as their only source of time. */
export type TestClock = { now: () => Date; set(iso: string): void; advanceHours(h: number): void };

/** Creates a settable clock starting at `iso`. */
export const testClock = (iso: string): TestClock => {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s) => void (t = new Date(s).getTime()),
    advanceHours: (h) => void (t += h * 3600_000),
  };
};
