/**
 * 好差评 on a request (GB/T 39734): the window a rating is accepted in, and the
 * rectification case a bad review opens. The machine's `rate` row applies it.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, chinaDateOf, endOfChinaDay, msBetween } from './china.time';
import { DEFAULT_RECTIFICATION_DAYS, RATING_WINDOW_DAYS } from './lifecycle.limits';
import type { EventOf } from './request.events';
import { EVENT_NOTES_ZH_CN } from './request.notes.zh-CN';
import { isBadReview, type Request } from './request.schema';
import { applied, type Applied, type StepContext } from './request.step';

/** The applicant's rating, with the window check and a rectification case for a bad review. */
export const rate = (r: Request, e: EventOf<'rate'>, c: StepContext): Result<Applied> => {
  const open = ratingWindowOpen(r, c);
  if (!open.ok) return open;
  if (!open.value) return fail('RATING_WINDOW_CLOSED');
  const changes: Partial<Request> = { rating: { level: e.level, comment: e.comment, at: c.now } };
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
