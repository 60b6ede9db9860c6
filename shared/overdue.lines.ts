/**
 * The lines the overdue scan watches, so that a pass reads only what crossed one since the
 * last pass instead of every open request. A request's flags change only when
 * - its deadline passes (late): `deadline < now`;
 * - its deadline comes within one working day (due soon): `deadline < dueSoonBefore(now)`;
 * - a handoff has waited more than the limit: `sentAt < handoffSentBefore(now)`;
 * - someone writes it (a step may leave flags to set): `updatedAt` after the last pass;
 * - the calendar learns a year (a pending deadline can be counted): a full pass.
 * Each line moves forward with time, so the requests that crossed one between two passes are
 * a range on an indexed column: the stores page through those ranges (docs/stores.md).
 */
import type { WorkingCalendar } from './calendar';
import { addChinaDays, chinaDateOf, CHINA_OFFSET_MS, type ChinaDate } from './china.time';

/** How long a step may take from reading its `now` to committing; writes this late still get looked at. */
export const CHANGE_MARGIN_MS = 5 * 60_000;

/** Far more days than any run of holidays; the walks stop there rather than loop on bad data. */
const MAX_WALK_DAYS = 60;

/** Where the lines stood at one pass, with what they were drawn on. */
export type ScanMark = {
  at: string;
  /** an accepted request whose deadline is before this is due soon (or late) */
  dueSoonBefore: string;
  /** a handoff sent before this has waited more than the limit; null when the calendar cannot tell today */
  handoffSentBefore: string | null;
  /** the calendar's covered years and the handoff limit: when either changes, a full pass */
  years: readonly number[];
  handoffLimitDays: number;
};

/** An indexed column of open requests and a half-open range [from, to) on it; null is unbounded. */
export type ScanRange = { line: 'deadline' | 'handoffSentAt' | 'changedAt'; from: string | null; to: string | null };

type LineCalendar = Pick<WorkingCalendar, 'years' | 'isWorkingDay'>;

const startOf = (date: ChinaDate): string => new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS).toISOString();

/**
 * The start of the second working day after today. A deadline before it has at most one working
 * day left (workingDaysLeft <= 1); where the calendar runs out first, its end is the line, since
 * a deadline beyond it cannot be counted either.
 */
const dueSoonLine = (today: ChinaDate, calendar: LineCalendar): string => {
  let d = today;
  for (let seen = 0, i = 0; i < MAX_WALK_DAYS; i++) {
    d = addChinaDays(d, 1);
    const w = calendar.isWorkingDay(d);
    if (!w.ok || (w.value && ++seen === 2)) return startOf(d);
  }
  return startOf(d);
};

/**
 * The start of the day after the latest date S with more than `limit` working days in (S, today]:
 * a handoff sent before it has waited too long (workingDaysBetween > limit). Null when the
 * calendar cannot count back from today, as then no handoff can be judged late.
 */
const handoffLine = (today: ChinaDate, calendar: LineCalendar, limit: number): string | null => {
  let d = today;
  for (let seen = 0, i = 0; i < MAX_WALK_DAYS + limit * 2; i++) {
    const w = calendar.isWorkingDay(d);
    if (!w.ok) return null;
    if (w.value && ++seen > limit) return startOf(d);
    d = addChinaDays(d, -1);
  }
  return null;
};

/** Where the lines stand at `now` on a calendar, for a handoff limit in working days. */
export const scanMark = (now: string, calendar: LineCalendar, handoffLimitDays: number): ScanMark => {
  const today = chinaDateOf(now);
  if (!today) throw new Error(`scanMark: now is not an ISO instant: ${now}`);
  return {
    at: new Date(Date.parse(now)).toISOString(),
    dueSoonBefore: dueSoonLine(today, calendar),
    handoffSentBefore: handoffLine(today, calendar, handoffLimitDays),
    years: [...calendar.years],
    handoffLimitDays,
  };
};

const sameDrawing = (a: ScanMark, b: ScanMark): boolean =>
  a.handoffLimitDays === b.handoffLimitDays && a.years.length === b.years.length && a.years.every((y, i) => y === b.years[i]);

const range = (line: ScanRange['line'], from: string | null, to: string | null): ScanRange[] =>
  from !== null && to !== null && from >= to ? [] : [{ line, from, to }];

/**
 * The ranges a pass at `next` reads after a complete pass at `last`; null when it must read every
 * open request (no pass yet, the clock went back, the calendar or the limit changed).
 */
export const scanRanges = (last: ScanMark | null, next: ScanMark): ScanRange[] | null => {
  if (!last || next.at < last.at || !sameDrawing(last, next)) return null;
  const since = new Date(Date.parse(last.at) - CHANGE_MARGIN_MS).toISOString();
  return [
    ...range('deadline', last.at, next.at),
    ...range('deadline', last.dueSoonBefore, next.dueSoonBefore),
    ...(next.handoffSentBefore === null ? [] : range('handoffSentAt', last.handoffSentBefore, next.handoffSentBefore)),
    ...range('changedAt', since, null),
  ];
};
