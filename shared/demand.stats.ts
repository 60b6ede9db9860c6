/**
 * The administrator's indicators of demands, computed from the facts each demand keeps: counts
 * by category and by township, the median time to acknowledge and to answer, what is overdue
 * now, and the 好差评 of the answers.
 */
import { DEMAND_CATEGORIES } from './demand.terms';
import type { Demand } from './demand.schema';
import { demandOverdue } from './demand.machine';
import { BAD_REVIEW_LEVELS, RatingLevelSchema, type RatingLevel } from './rating.levels';
import { townshipByCode } from './townships';
import type { DemandStats } from './api.admin.schema';

/** The facts of one demand the indicators read. */
export type DemandFacts = Pick<Demand, 'category' | 'location' | 'state' | 'raisedAt' | 'ackDueAt' | 'answerDueAt' | 'acknowledgedAt' | 'answer' | 'rating'>;

const HOUR_MS = 3_600_000;

/** The median of a list (the mean of the middle two for an even length), rounded to a hundredth; null for none. */
export const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return Math.round(m * 100) / 100;
};

const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR_MS;
const placeOf = (d: DemandFacts) =>
  d.location === 'zone'
    ? { code: 'zone', name: '经济开发区' }
    : { code: d.location.townshipCode, name: townshipByCode(d.location.townshipCode)?.name ?? d.location.townshipCode };

/** Counts the demands' indicators at `now`. */
export const demandStats = (demands: Iterable<DemandFacts>, now: string): DemandStats => {
  const byCategory = new Map<string, number>(DEMAND_CATEGORIES.map((c) => [c, 0]));
  const byPlace = new Map<string, { code: string; name: string; count: number }>();
  const ack: number[] = [];
  const answer: number[] = [];
  const overdue = { ack: 0, answer: 0 };
  const byLevel = Object.fromEntries(RatingLevelSchema.options.map((l) => [l, 0])) as Record<RatingLevel, number>;
  let total = 0;
  for (const d of demands) {
    total += 1;
    byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    const place = placeOf(d);
    const row = byPlace.get(place.code) ?? { ...place, count: 0 };
    row.count += 1;
    byPlace.set(place.code, row);
    if (d.acknowledgedAt) ack.push(hoursBetween(d.raisedAt, d.acknowledgedAt));
    if (d.answer) answer.push(hoursBetween(d.raisedAt, d.answer.at));
    const late = demandOverdue(d as Demand, now);
    if (late.ack) overdue.ack += 1;
    if (late.answer) overdue.answer += 1;
    if (d.rating) byLevel[d.rating.level] += 1;
  }
  const rated = Object.values(byLevel).reduce((a, b) => a + b, 0);
  const good = rated - BAD_REVIEW_LEVELS.reduce((a, l) => a + byLevel[l], 0);
  return {
    total,
    byCategory: DEMAND_CATEGORIES.map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
    byTownship: [...byPlace.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    medianAckHours: median(ack),
    medianAnswerHours: median(answer),
    overdue,
    satisfaction: { rated, good, share: rated ? Math.round((good / rated) * 1000) / 1000 : null, byLevel },
  };
};
