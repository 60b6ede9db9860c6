/**
 * 好差评 on a request (GB/T 39734): the window a rating is accepted in, the reasons a bad
 * review must give, the rectification case it opens, and the return call (回访) that closes
 * the case. The machine's `rate` and `returnCall` rows apply them.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, chinaDateOf, endOfChinaDay, msBetween } from './china.time';
import { DEFAULT_RECTIFICATION_DAYS, RATING_WINDOW_DAYS } from './lifecycle.limits';
import type { EventOf } from './request.events';
import { EVENT_NOTES_ZH_CN } from './request.notes.zh-CN';
import { isBadReview, type Rectification, type Request } from './request.schema';
import { applied, type Applied, type StepContext } from './request.step';

/**
 * What a bad review may say went wrong, as tags a resident taps (the comment adds detail).
 * Drawn from the 好差评 evaluation items (GB/T 39735): time taken, visits, attitude, clarity.
 */
export const BAD_REVIEW_REASONS = ['办理时间太长', '来回跑了多次', '材料要求讲不清', '工作人员态度不好', '结果不合理', '网上操作不方便', '其他'] as const;

/** The reason tags of a rating: a bad review needs one or more, each from the list. */
const reviewReasons = (e: EventOf<'rate'>): Result<string[]> => {
  const tags = [...new Set(e.reasons.map((t) => t.trim()).filter(Boolean))];
  const unknown = tags.find((t) => !(BAD_REVIEW_REASONS as readonly string[]).includes(t));
  if (unknown) return fail('VALIDATION_FAILED', { reasons: `没有“${unknown}”这个原因` });
  if (isBadReview(e.level) && !tags.length) return fail('RATING_REASON_REQUIRED', { reasons: 'RATING_REASON_REQUIRED' });
  return ok(tags);
};

/** The applicant's rating, with the window check and a rectification case for a bad review. */
export const rate = (r: Request, e: EventOf<'rate'>, c: StepContext): Result<Applied> => {
  const open = ratingWindowOpen(r, c);
  if (!open.ok) return open;
  if (!open.value) return fail('RATING_WINDOW_CLOSED');
  const reasons = reviewReasons(e);
  if (!reasons.ok) return reasons;
  const changes: Partial<Request> = {
    rating: { level: e.level, comment: e.comment.trim(), at: c.now, ...(reasons.value.length ? { reasons: reasons.value } : {}) },
  };
  if (r.state === 'delivered') changes.closedAt = c.now;
  if (!isBadReview(e.level)) return applied(changes, EVENT_NOTES_ZH_CN.rate({ level: e.level }));
  const days = e.rectificationDays ?? c.options.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS;
  const deadline = rectificationDeadline(c, days);
  if (!deadline.ok) return deadline;
  changes.rectification = { openedAt: c.now, state: 'open', ...deadline.value };
  return applied(changes, EVENT_NOTES_ZH_CN.rate({ level: e.level, rectificationDays: days }));
};

/**
 * Within 5 working days of delivery (or of the decision when not delivered). Where the calendar
 * lacks the year, a rating within 5 calendar days is surely in time; later ones cannot be judged.
 */
const ratingWindowOpen = (r: Request, c: StepContext): Result<boolean> => {
  const since = r.deliveredAt ?? r.decision?.at ?? r.updatedAt;
  const days = c.calendar.workingDaysBetween(since, c.now);
  if (days.ok) return ok(days.value <= RATING_WINDOW_DAYS);
  const calendarDays = msBetween(since, c.now) / 86_400_000;
  return days.error.code === 'CALENDAR_OUT_OF_RANGE' && calendarDays <= RATING_WINDOW_DAYS ? ok(true) : days;
};

/**
 * The rectification deadline. Where the calendar lacks the year, N calendar days is used and
 * marked pending: N working days never end earlier, so the bound is strict, never lax.
 */
const rectificationDeadline = (c: StepContext, days: number): Result<{ deadline: string; deadlinePending?: boolean }> => {
  const d = c.calendar.addWorkingDays(c.now, days);
  if (d.ok) return ok({ deadline: d.value });
  if (d.error.code !== 'CALENDAR_OUT_OF_RANGE') return d;
  const bound = addChinaDays(chinaDateOf(c.now)!, days);
  return ok({ deadline: endOfChinaDay(bound), deadlinePending: true });
};

/** Tells whether the request carries a rectification case still waiting for its return call. */
export const rectificationOpen = (r: Pick<Request, 'rectification'>): boolean => r.rectification?.state === 'open';

/**
 * The return call (回访) of the deciding center's clerk: who phoned, when, what was said and
 * whether the applicant is now satisfied. Recording it closes the case. The call cannot lie
 * in the future nor before the bad review that opened the case.
 */
export const returnCall = (r: Request, e: EventOf<'returnCall'>, c: StepContext): Result<Applied> => {
  const note = e.note.trim();
  if (!note) return fail('REASON_REQUIRED', { note: '请填写回访情况' });
  const opened = r.rectification as Rectification;
  const when = Date.parse(e.calledAt);
  if (when > Date.parse(c.now)) return fail('VALIDATION_FAILED', { calledAt: '回访时间不能晚于现在' });
  // a call time is written to the minute: a call in the minute of the bad review is not before it
  if (when < Math.floor(Date.parse(opened.openedAt) / 60_000) * 60_000) return fail('VALIDATION_FAILED', { calledAt: '回访时间不能早于差评时间' });
  const call = { by: c.actor.userId, caller: e.caller.trim(), at: e.calledAt, note, satisfied: e.satisfied, recordedAt: c.now };
  return applied(
    { rectification: { ...opened, state: 'closed', returnCall: call } },
    EVENT_NOTES_ZH_CN.returnCall({ caller: call.caller, satisfied: e.satisfied, note }),
  );
};
