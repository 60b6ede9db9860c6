/**
 * The city administrator's indicators, read from the counters a store keeps
 * (shared/indicators.counters.ts): shares settled by level, the overdue rate, the time to
 * confirm a handoff (mean, and the 90th percentile from the wait buckets), satisfaction by
 * level, bad reviews with their rectification state. Pure: the handler sums the cells.
 */
import * as z from 'zod/mini';
import { addChinaDays, weekdayOf, type ChinaDate } from './china.time';
import { LEVELS, LEVEL_FIELDS, WAIT_BOUNDS_HOURS, WAIT_FIELDS, type Counters, type Level } from './indicators.counters';
import { RatingLevelSchema, type RatingLevel } from './rating.levels';

const Count = z.int().check(z.gte(0));
const Share = z.number().check(z.gte(0)).check(z.lte(1));
const ByLevel = <T extends z.ZodMiniType>(t: T) => z.object({ village: t, township: t, city: t, zone: t });

/** The indicators of one scope and period, as the admin function answers them. */
export const IndicatorsSchema = z.object({
  /** matters submitted */
  requests: Count,
  accepted: Count,
  /** decided matters by the kind of the deciding center: 小事不出村、大事不出镇 in figures */
  settledBy: ByLevel(Count),
  settledShare: ByLevel(Share),
  /** accepted matters that ran late, over all accepted matters */
  overdue: Count,
  overdueRate: Share,
  handoffs: z.object({
    confirmed: Count,
    meanHoursToConfirm: z.number().check(z.gte(0)),
    /** the upper bound of the wait bucket holding the 90th percentile; null when none was confirmed */
    p90HoursToConfirm: z.nullable(z.number().check(z.gte(0))),
    /** the 90th percentile lies beyond the last bound (p90HoursToConfirm is then that bound) */
    p90Beyond: z.boolean(),
    unconfirmedOverdue: Count,
  }),
  ratings: z.record(RatingLevelSchema, Count),
  /** rated 非常满意, 满意 or 基本满意, over all rated */
  satisfactionRate: Share,
  satisfactionByLevel: ByLevel(Share),
  /** rated matters by the level settled (a share over none reads as no figure, not 0%) */
  ratedByLevel: ByLevel(Count),
  badReviews: z.object({
    total: Count,
    rectificationOpen: Count,
    rectificationClosed: Count,
    /** open cases past their deadline now (only where the answer is of the present: the totals and the breakdown) */
    rectificationLate: Count,
    returnCalls: Count,
    satisfiedAfterCall: Count,
  }),
});
export type Indicators = z.infer<typeof IndicatorsSchema>;

export const PeriodSchema = z.enum(['day', 'week', 'month']);
export type Period = z.infer<typeof PeriodSchema>;

const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 1000 : 0);
const byLevel = <T>(f: (l: Level) => T): Record<Level, T> => Object.fromEntries(LEVELS.map((l) => [l, f(l)])) as Record<Level, T>;

/** The wait bucket holding the 90th percentile of confirmed handoffs. */
const p90 = (c: Counters): { hours: number | null; beyond: boolean } => {
  if (!c.handoffsConfirmed) return { hours: null, beyond: false };
  const need = Math.ceil(c.handoffsConfirmed * 0.9);
  let seen = 0;
  for (const [i, h] of WAIT_BOUNDS_HOURS.entries()) {
    seen += c[WAIT_FIELDS[i]];
    if (seen >= need) return { hours: h, beyond: false };
  }
  return { hours: WAIT_BOUNDS_HOURS[WAIT_BOUNDS_HOURS.length - 1], beyond: true };
};

/** The indicators of summed counters; `late` is the number of open cases past their deadline now. */
export const indicatorsFrom = (c: Counters, late = 0): Indicators => {
  const settledBy = byLevel((l) => c[LEVEL_FIELDS[l].settled]);
  const decided = LEVELS.reduce((s, l) => s + settledBy[l], 0);
  const ratings = Object.fromEntries(RatingLevelSchema.options.map((l, i) => [l, c[`rated${i + 1}` as keyof Counters]])) as Record<RatingLevel, number>;
  const rated = c.rated1 + c.rated2 + c.rated3 + c.rated4 + c.rated5;
  const q = p90(c);
  return {
    requests: c.submitted,
    accepted: c.accepted,
    settledBy,
    settledShare: byLevel((l) => share(settledBy[l], decided)),
    overdue: c.overdue,
    overdueRate: share(c.overdue, c.accepted),
    handoffs: {
      confirmed: c.handoffsConfirmed,
      meanHoursToConfirm: c.handoffsConfirmed ? Math.round((c.handoffMinutes / 60 / c.handoffsConfirmed) * 10) / 10 : 0,
      p90HoursToConfirm: q.hours,
      p90Beyond: q.beyond,
      unconfirmedOverdue: c.handoffsLate,
    },
    ratings,
    satisfactionRate: share(rated - c.badReviews, rated),
    satisfactionByLevel: byLevel((l) => {
      const n = c[LEVEL_FIELDS[l].rated];
      return share(n - c[LEVEL_FIELDS[l].bad], n);
    }),
    ratedByLevel: byLevel((l) => c[LEVEL_FIELDS[l].rated]),
    badReviews: {
      total: c.badReviews,
      rectificationOpen: c.rectOpen,
      rectificationClosed: c.rectClosed,
      rectificationLate: late,
      returnCalls: c.returnCalls,
      satisfiedAfterCall: c.satisfiedAfterCall,
    },
  };
};

/** The period a China day falls in: the day itself, the Monday of its week, or its month (YYYY-MM). */
export const periodOf = (day: ChinaDate, period: Period): string => {
  if (period === 'day') return day;
  if (period === 'month') return day.slice(0, 7);
  return addChinaDays(day, -((weekdayOf(day) + 6) % 7));
};

/** Every period from `from` to `to` (China dates, inclusive), in order, so a chart shows empty periods too. */
export const periodsBetween = (from: ChinaDate, to: ChinaDate, period: Period): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addChinaDays(d, 1)) {
    const p = periodOf(d, period);
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
};

/** At most this many periods in one answer (a day chart of a year and a month is still allowed). */
export const MAX_PERIODS = 400;
