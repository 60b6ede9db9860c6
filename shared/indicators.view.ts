/**
 * The dashboard's answer, assembled from summed cells: the periods of the range (every one,
 * empty ones at zero), and the breakdown of the scope: the city by township (the city center
 * and the development zone as their own rows), a township by its centers (villages, the
 * township center, bank outlets). Pure: the handler passes the sums and the directory's centers.
 */
import * as z from 'zod/mini';
import { addChinaDays, type ChinaDate } from './china.time';
import type { Center } from './directory.schema';
import { IndicatorsSchema, MAX_PERIODS, PeriodSchema, indicatorsFrom, periodOf, periodsBetween, type Period } from './indicators';
import { addCounters, sumCounters, zeroCounters, type Counters } from './indicators.counters';
import { TOWNSHIPS, townshipByCode } from './townships';

const Label = z.string().check(z.maxLength(100));

/** One row of the breakdown: a township (city scope) or a center (township scope). */
export const BreakdownRowSchema = z.object({
  /** the township's 3-digit code, or the center's id */
  id: z.string().check(z.maxLength(80)),
  name: Label,
  kind: z.enum(['township', 'city', 'zone', 'village', 'bank', 'other']),
  /** a township row can be opened to its centers */
  drill: z.boolean(),
  indicators: IndicatorsSchema,
});
export type BreakdownRow = z.infer<typeof BreakdownRowSchema>;

export const StatsAnswerSchema = z.object({
  at: z.string().check(z.maxLength(40)),
  period: PeriodSchema,
  from: z.string().check(z.maxLength(10)),
  to: z.string().check(z.maxLength(10)),
  scope: z.object({ townshipCode: z.nullable(z.string().check(z.maxLength(3))), name: Label }),
  /** the totals of the scope over the range; late cases are those open past their deadline now */
  indicators: IndicatorsSchema,
  series: z.array(z.object({ period: z.string().check(z.maxLength(10)), indicators: IndicatorsSchema })).check(z.maxLength(MAX_PERIODS)),
  breakdown: z.array(BreakdownRowSchema).check(z.maxLength(2000)),
});
export type StatsAnswer = z.infer<typeof StatsAnswerSchema>;

/** The range a period shows when none is asked: 30 days, 12 weeks, 12 months, ending today. */
export const defaultRange = (today: ChinaDate, period: Period): { from: ChinaDate; to: ChinaDate } => {
  if (period === 'day') return { from: addChinaDays(today, -29), to: today };
  if (period === 'week') return { from: addChinaDays(periodOf(today, 'week'), -7 * 11), to: today };
  const [y, m] = today.split('-').map(Number);
  const back = y * 12 + (m - 1) - 11;
  return { from: `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, '0')}-01`, to: today };
};

/** Why a range cannot be shown, in Chinese, or null. */
export const rangeProblem = (from: ChinaDate, to: ChinaDate, period: Period): string | null => {
  if (from > to) return '开始日期不能晚于结束日期';
  if (addChinaDays(from, 366 * 5) < to) return '一次最多查看5年';
  if (periodsBetween(from, to, period).length > MAX_PERIODS) return `按此周期最多显示${MAX_PERIODS}个时段，请缩短范围或改用更长的周期`;
  return null;
};

/** The centers a scope sums: those of one township (by its code), or every center (null). */
export const scopeCenters = (centers: readonly Center[], townshipCode: string | null): string[] | undefined =>
  townshipCode === null ? undefined : centers.filter((c) => c.townshipCode === townshipCode && c.kind !== 'city' && c.kind !== 'zone').map((c) => c.id);

type Sums = {
  byDay: readonly { day: string; counters: Counters }[];
  byCenter: readonly { centerId: string; counters: Counters }[];
  late: readonly { centerId: string; n: number }[];
};
type Ask = { at: string; period: Period; from: ChinaDate; to: ChinaDate; townshipCode: string | null };

/** The dashboard's answer for one scope and range. */
export const statsAnswer = (ask: Ask, sums: Sums, centers: readonly Center[]): StatsAnswer => {
  const byId = new Map(centers.map((c) => [c.id, c]));
  const inScope = (centerId: string) => ask.townshipCode === null || byId.get(centerId)?.townshipCode === ask.townshipCode;
  const lateOf = new Map<string, number>();
  for (const l of sums.late) if (inScope(l.centerId)) lateOf.set(l.centerId, l.n);

  const periods = new Map(periodsBetween(ask.from, ask.to, ask.period).map((p) => [p, zeroCounters()]));
  for (const d of sums.byDay) {
    const p = periodOf(d.day, ask.period);
    periods.set(p, addCounters(periods.get(p) ?? zeroCounters(), d.counters));
  }

  // a row per township (city scope) or per center (township scope); a center the directory no longer has keeps its id
  const rows = new Map<string, { name: string; kind: BreakdownRow['kind']; drill: boolean; counters: Counters; late: number }>();
  const rowOf = (centerId: string) => {
    const c = byId.get(centerId);
    if (ask.townshipCode === null && c?.townshipCode && c.kind !== 'city' && c.kind !== 'zone') {
      const t = townshipByCode(c.townshipCode);
      return { id: c.townshipCode, name: t?.name ?? c.townshipCode, kind: 'township' as const, drill: true };
    }
    return { id: centerId, name: c?.name ?? centerId, kind: c?.kind ?? ('other' as const), drill: false };
  };
  const touch = (centerId: string) => {
    const r = rowOf(centerId);
    const row = rows.get(r.id) ?? { name: r.name, kind: r.kind, drill: r.drill, counters: zeroCounters(), late: 0 };
    rows.set(r.id, row);
    return row;
  };
  if (ask.townshipCode === null)
    for (const t of TOWNSHIPS) rows.set(t.code, { name: t.name, kind: 'township', drill: true, counters: zeroCounters(), late: 0 });
  for (const c of sums.byCenter) {
    const row = touch(c.centerId);
    row.counters = addCounters(row.counters, c.counters);
  }
  for (const [centerId, n] of lateOf) touch(centerId).late += n;

  const late = [...lateOf.values()].reduce((a, b) => a + b, 0);
  const scopeName = ask.townshipCode === null ? '邹城市' : (townshipByCode(ask.townshipCode)?.name ?? ask.townshipCode);
  return {
    at: ask.at,
    period: ask.period,
    from: ask.from,
    to: ask.to,
    scope: { townshipCode: ask.townshipCode, name: scopeName },
    indicators: indicatorsFrom(sumCounters(sums.byCenter.map((c) => c.counters)), late),
    series: [...periods].map(([period, c]) => ({ period, indicators: indicatorsFrom(c) })),
    breakdown: [...rows].map(([id, r]) => ({ id, name: r.name, kind: r.kind, drill: r.drill, indicators: indicatorsFrom(r.counters, r.late) })),
  };
};
