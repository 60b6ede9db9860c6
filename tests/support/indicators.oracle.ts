/**
 * An independent oracle of the indicators: the fold over raw requests that admin.stats used
 * before the counters (shared/indicators.counters.ts). The property tests compare the counters
 * a store keeps with it, so the counters mean what the dashboard says they mean.
 */
import { z } from 'zod';
import type { CenterKind } from '../../shared/directory.schema';
import type { RatingLevel, Request } from '../../shared/request.schema';
import { RatingLevelSchema, isBadReview } from '../../shared/request.schema';

const Count = z.number().int().min(0);
const Share = z.number().min(0).max(1);
const ByLevel = <T extends z.ZodTypeAny>(t: T) => z.object({ village: t, township: t, city: t, zone: t });

/** The indicators as the fold answers them. */
export const OracleSchema = z.object({
  requests: Count,
  /** decided matters by the kind of the deciding center: 小事不出村、大事不出镇 in figures */
  settledBy: ByLevel(Count),
  settledShare: ByLevel(Share),
  /** accepted matters that ran late, over all accepted matters */
  overdue: Count,
  overdueRate: Share,
  handoffs: z.object({ confirmed: Count, meanHoursToConfirm: z.number().min(0), unconfirmedOverdue: Count }),
  ratings: z.record(RatingLevelSchema, Count),
  /** rated 非常满意, 满意 or 基本满意, over all rated */
  satisfactionRate: Share,
  badReviews: z.object({ total: Count, rectificationOpen: Count, rectificationLate: Count, returnCalls: Count }),
});
export type OracleIndicators = z.infer<typeof OracleSchema>;

const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 1000 : 0);

/** Folds requests into the indicators. */
export const indicatorsOf = (requests: readonly Request[], kindOf: (centerId: string) => CenterKind | undefined, now: string): OracleIndicators => {
  const settledBy = { village: 0, township: 0, city: 0, zone: 0 };
  const ratings = Object.fromEntries(RatingLevelSchema.options.map((l) => [l, 0])) as Record<RatingLevel, number>;
  const bad = { total: 0, rectificationOpen: 0, rectificationLate: 0, returnCalls: 0 };
  let accepted = 0,
    overdue = 0,
    confirmed = 0,
    confirmHours = 0,
    unconfirmedOverdue = 0;
  for (const r of requests) {
    const kind = r.decision ? kindOf(r.deciderId) : undefined;
    if (kind && kind in settledBy) settledBy[kind as keyof typeof settledBy] += 1;
    if (r.acceptedAt) accepted += 1;
    if (r.acceptedAt && r.overdue) overdue += 1;
    for (const h of r.handoffs) {
      if (h.receivedAt) {
        confirmed += 1;
        confirmHours += (Date.parse(h.receivedAt) - Date.parse(h.sentAt)) / 3_600_000;
      } else if (h.state === 'in_transit' && h.overdue) unconfirmedOverdue += 1;
    }
    if (!r.rating) continue;
    ratings[r.rating.level] += 1;
    if (!isBadReview(r.rating.level)) continue;
    bad.total += 1;
    if (r.rectification?.state === 'open') bad.rectificationOpen += 1;
    if (r.rectification?.state === 'open' && r.rectification.deadline < now) bad.rectificationLate += 1;
    if (r.rectification?.returnCall) bad.returnCalls += 1;
  }
  const decided = Object.values(settledBy).reduce((a, b) => a + b, 0);
  const rated = Object.values(ratings).reduce((a, b) => a + b, 0);
  return {
    requests: requests.length,
    settledBy,
    settledShare: {
      village: share(settledBy.village, decided),
      township: share(settledBy.township, decided),
      city: share(settledBy.city, decided),
      zone: share(settledBy.zone, decided),
    },
    overdue,
    overdueRate: share(overdue, accepted),
    handoffs: { confirmed, meanHoursToConfirm: confirmed ? Math.round((confirmHours / confirmed) * 10) / 10 : 0, unconfirmedOverdue },
    ratings,
    satisfactionRate: share(rated - bad.total, rated),
    badReviews: bad,
  };
};
