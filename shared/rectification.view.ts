/**
 * A rectification case as the administrator's list shows it: the matter, the bad review that
 * opened it, the center that answers for it (the deciding one), its deadline and whether that
 * has passed; the return call once recorded.
 */
import * as z from 'zod/mini';
import type { Center } from './directory.schema';
import type { Request } from './request.schema';

const Text = (n: number) => z.string().check(z.maxLength(n));

export const RectificationCaseSchema = z.object({
  id: Text(80),
  version: z.int().check(z.gte(1)),
  trackingNo: Text(40),
  itemName: Text(200),
  deciderId: Text(80),
  deciderName: Text(200),
  intakeName: Text(200),
  level: Text(10),
  comment: Text(500),
  reasons: z.array(Text(20)).check(z.maxLength(10)),
  ratedAt: Text(40),
  deadline: Text(40),
  /** the calendar did not cover the term: the deadline is a calendar-day bound, to be confirmed */
  deadlinePending: z.boolean(),
  state: z.enum(['open', 'closed']),
  /** open and past its deadline */
  late: z.boolean(),
  returnCall: z.nullable(z.object({ caller: Text(40), at: Text(40), note: Text(2000), satisfied: z.nullable(z.boolean()) })),
});
export type RectificationCase = z.infer<typeof RectificationCaseSchema>;

/** The case of a request carrying a rectification, with center names from the directory. */
export const rectificationCase = (r: Request, now: string, centerName: (id: string) => Center['name'] | undefined): RectificationCase => {
  const rect = r.rectification!;
  const call = rect.returnCall as (NonNullable<typeof rect.returnCall> & { caller?: string; satisfied?: boolean }) | undefined;
  return {
    id: r.id,
    version: r.version,
    trackingNo: r.trackingNo,
    itemName: r.itemName,
    deciderId: r.deciderId,
    deciderName: centerName(r.deciderId) ?? r.deciderId,
    intakeName: centerName(r.intakeCenterId) ?? r.intakeCenterId,
    level: r.rating?.level ?? '',
    comment: r.rating?.comment ?? '',
    reasons: ((r.rating as { reasons?: string[] } | undefined)?.reasons ?? []).slice(0, 10),
    ratedAt: r.rating?.at ?? rect.openedAt,
    deadline: rect.deadline,
    deadlinePending: !!rect.deadlinePending,
    state: rect.state,
    late: rect.state === 'open' && Date.parse(rect.deadline) < Date.parse(now),
    returnCall: call ? { caller: call.caller ?? '', at: call.at, note: call.note, satisfied: call.satisfied ?? null } : null,
  };
};
