/**
 * A schedule as people type it, one period a line: `09:00-12:00 20` (start, end, places), and
 * exceptions as `2026-10-09 休` (closed) or `2026-10-09 09:00-10:00 5` (other periods that day, one a
 * line each). Read back into periods with every problem named by its line, and written out the same way.
 */
import { fail, ok, type Result } from './errors';
import type { Period, ScheduleException } from './booking.schema';
import { isChinaDate } from './china.time';

const PERIOD = /^([01]?\d|2[0-3])[:：]([0-5]\d)\s*[-~－—至到]\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s+(\d{1,3})\s*(人|个)?$/;
const CLOSED = /^(\d{4}-\d{2}-\d{2})\s+(休|不开放|关闭)$/;
const DATED = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

const pad = (h: string) => h.padStart(2, '0');
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l, i) => ({ line: l.trim(), n: i + 1 }))
    .filter((l) => l.line !== '');

/** One period from a line, or the reason it is not one. */
const periodOf = (line: string): Period | string => {
  const m = PERIOD.exec(line);
  if (!m) return '应写成“09:00-12:00 20”（开始-结束 名额）';
  const capacity = Number(m[5]);
  if (capacity < 1 || capacity > 500) return '名额应在1到500之间';
  return { start: `${pad(m[1])}:${m[2]}`, end: `${pad(m[3])}:${m[4]}`, capacity };
};

/** The periods of a day as typed; problems by line (第2行：...). */
export const periodsFromText = (text: string): Result<Period[]> => {
  const out: Period[] = [];
  const problems: string[] = [];
  for (const { line, n } of lines(text)) {
    const p = periodOf(line);
    if (typeof p === 'string') problems.push(`第${n}行：${p}`);
    else out.push(p);
  }
  return problems.length ? fail('VALIDATION_FAILED', { text: problems.join('；') }) : ok(out);
};

/** The exceptions as typed: a closed date, or a date with one period a line. */
export const exceptionsFromText = (text: string): Result<ScheduleException[]> => {
  const byDate = new Map<string, Period[]>();
  const problems: string[] = [];
  for (const { line, n } of lines(text)) {
    const closed = CLOSED.exec(line);
    const dated = closed ? null : DATED.exec(line);
    const date = closed?.[1] ?? dated?.[1];
    if (!date || !isChinaDate(date)) {
      problems.push(`第${n}行：应写成“2026-10-09 休”或“2026-10-09 09:00-10:00 5”`);
      continue;
    }
    const periods = byDate.get(date) ?? [];
    byDate.set(date, periods);
    if (dated) {
      const p = periodOf(dated[2].trim());
      if (typeof p === 'string') problems.push(`第${n}行：${p}`);
      else periods.push(p);
    }
  }
  if (problems.length) return fail('VALIDATION_FAILED', { text: problems.join('；') });
  return ok([...byDate].map(([date, periods]) => ({ date, periods })).sort((a, b) => a.date.localeCompare(b.date)));
};

/** A day's periods as lines. */
export const periodsToText = (periods: readonly Period[]): string => periods.map((p) => `${p.start}-${p.end} ${p.capacity}`).join('\n');

/** Exceptions as lines. */
export const exceptionsToText = (exceptions: readonly ScheduleException[]): string =>
  exceptions.flatMap((e) => (e.periods.length ? e.periods.map((p) => `${e.date} ${p.start}-${p.end} ${p.capacity}`) : [`${e.date} 休`])).join('\n');
