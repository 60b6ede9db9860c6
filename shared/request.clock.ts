/**
 * The request's clock: its deadline (acceptance + promised working days + pauses) and the
 * overdue flags the scheduled scan sets. Where the holiday calendar cannot answer, nothing
 * is guessed: the deadline stays pending and a flag stays as it was (unknown is not late).
 */
import { ok, type Result } from './errors';
import { COVERED_YEARS, addWorkingDays, isWorkingDay, workingDaysBetween, workingDaysLeft, type ClockPause, type WorkingCalendar } from './calendar';
import type { Handoff, Pause, Request } from './request.schema';
import { DEFAULT_HANDOFF_LIMIT_DAYS } from './lifecycle.limits';

/** The calendar operations the clock and the overdue scan need; the library calendar unless an extended one is passed. */
export type ClockCalendar = Pick<WorkingCalendar, 'years' | 'isWorkingDay' | 'addWorkingDays' | 'workingDaysBetween' | 'workingDaysLeft'>;
/** The clock on the bundled library calendar (2004–2026). */
export const LIBRARY_CLOCK: ClockCalendar = { years: COVERED_YEARS, isWorkingDay, addWorkingDays, workingDaysBetween, workingDaysLeft };

/** The pauses that have ended, as the calendar counts them. */
export const closedPauses = (pauses: readonly Pause[]): ClockPause[] =>
  pauses.filter((p): p is Pause & { to: string } => !!p.to).map((p) => ({ from: p.from, to: p.to }));

/** The deadline of a term started at `acceptedAt`; a year the calendar lacks makes it pending, not an error. */
export const termDeadline = (
  r: Pick<Request, 'promisedDays' | 'pauses'>,
  acceptedAt: string,
  calendar: ClockCalendar,
): Result<{ deadline: string | undefined; deadlinePending: boolean }> => {
  const d = calendar.addWorkingDays(acceptedAt, r.promisedDays, closedPauses(r.pauses));
  if (d.ok) return ok({ deadline: d.value, deadlinePending: false });
  if (d.error.code === 'CALENDAR_OUT_OF_RANGE') return ok({ deadline: undefined, deadlinePending: true });
  return d;
};

/** The flag fields the scan may change. */
export type ClockFlags = Pick<Request, 'dueSoon' | 'overdue' | 'handoffs' | 'deadline' | 'deadlinePending'>;

const after = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

/** A pending deadline, computed again in case an administrator has loaded the missing year. */
const resolvedDeadline = (r: Request, calendar: ClockCalendar): Pick<Request, 'deadline' | 'deadlinePending'> => {
  if (!(r.state === 'accepted' && r.deadlinePending && r.acceptedAt)) return { deadline: r.deadline, deadlinePending: r.deadlinePending };
  const d = termDeadline(r, r.acceptedAt, calendar);
  return d.ok && !d.value.deadlinePending ? d.value : { deadline: r.deadline, deadlinePending: r.deadlinePending };
};

/** A handoff still waiting past the limit is overdue; once flagged it stays flagged. */
const flagHandoff = (h: Handoff, now: string, limit: number, calendar: ClockCalendar): Handoff => {
  if (h.state !== 'in_transit' || h.overdue) return h;
  const waited = calendar.workingDaysBetween(h.sentAt, now);
  return waited.ok && waited.value > limit ? { ...h, overdue: true } : h;
};

/** The flags a request should carry at `now`. `overdue` is sticky: a matter that ran late stays counted late. */
export const clockFlags = (r: Request, now: string, calendar: ClockCalendar, handoffLimitDays = DEFAULT_HANDOFF_LIMIT_DAYS): ClockFlags => {
  const { deadline, deadlinePending } = resolvedDeadline(r, calendar);
  const handoffs = r.handoffs.map((h) => flagHandoff(h, now, handoffLimitDays, calendar));
  const running = r.state === 'accepted' && !!deadline;
  const late = running && after(now, deadline!);
  const left = running && !late ? calendar.workingDaysLeft(deadline!, now) : null;
  const dueSoon = !running || late ? false : left && left.ok ? left.value <= 1 : r.dueSoon;
  const overdue = r.overdue || late || handoffs.some((h) => h.overdue);
  return { deadline, deadlinePending, handoffs, dueSoon, overdue };
};

/** Tells whether the flags differ from what the request carries. */
export const flagsChanged = (r: Request, f: ClockFlags): boolean =>
  r.dueSoon !== f.dueSoon ||
  r.overdue !== f.overdue ||
  r.deadline !== f.deadline ||
  r.deadlinePending !== f.deadlinePending ||
  r.handoffs.some((h, i) => h.overdue !== f.handoffs[i].overdue);

/** The flags a scan newly raises: a handoff gone overdue, the request overdue, the request due soon. */
export type RaisedFlags = { handoffOverdue: boolean; overdue: boolean; dueSoon: boolean };

/** Which flags `f` raises that the request does not carry yet (what the scan's audit note tells). */
export const raisedFlags = (r: Request, f: ClockFlags): RaisedFlags => ({
  handoffOverdue: f.handoffs.some((h, i) => h.overdue && !r.handoffs[i].overdue),
  overdue: f.overdue && !r.overdue,
  dueSoon: f.dueSoon && !r.dueSoon,
});
