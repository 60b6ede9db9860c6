/**
 * admin: the holiday calendar. The administrator enters a year's official schedule; it is
 * checked (shared/calendar.entry.ts), stored, and counted with by every function from its next
 * refresh (calendar.source.ts); the next overdue scan fills in the deadlines left pending.
 */
import { AppError, type Result } from '../../shared/errors';
import { COVERED_YEARS } from '../../shared/calendar';
import { calendarYearId, checkSchedule, coverageOf, scheduleFromText, type YearSchedule } from '../../shared/calendar.entry';
import { chinaDateOf } from '../../shared/china.time';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type Ctx } from '../core/services/context';
import { loadCalendarExtra } from '../../data/calendar';

/** How far the calendar now reaches, seen from today's China date. */
const coverage = (ctx: Ctx) => coverageOf(ctx.deps.calendarSource.years(), chinaDateOf(nowIso(ctx))!);

/** The schedule the administrator sent: the pasted text wins when both are given, since it is what they last saw. */
const scheduleOf = (input: { year: number; text?: string; holidays?: string[]; workdays?: string[] }): Result<YearSchedule> =>
  input.text?.trim()
    ? scheduleFromText(input.year, input.text)
    : checkSchedule({ year: input.year, holidays: input.holidays ?? [], workdays: input.workdays ?? [] });

export const calendarHandlers: Pick<Handlers<'admin'>, 'calendar' | 'setCalendarYear'> = {
  async calendar(ctx) {
    requireRole(ctx, 'admin');
    const stored = await ctx.deps.calendarYears.listCalendarYears();
    const entered = new Map(stored.map((y) => [y.year, y]));
    const seeded = new Set(loadCalendarExtra()?.years ?? []);
    const years = ctx.deps.calendarSource.years().map((year) => {
      const e = entered.get(year);
      if (e) return { year, source: 'entered' as const, holidays: e.holidays, workdays: e.workdays, version: e.version, enteredAt: e.enteredAt };
      return { year, source: seeded.has(year) ? ('seed' as const) : ('library' as const) };
    });
    return { years, coverage: coverage(ctx) };
  },

  async setCalendarYear(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    // the library's years are the State Council's published schedules; they are not typed in again
    if (COVERED_YEARS.includes(input.year)) throw new AppError('CALENDAR_YEAR_BUILT_IN', { year: 'CALENDAR_YEAR_BUILT_IN' });
    const schedule = unwrap(scheduleOf(input));
    if (input.dryRun) return { schedule, saved: false, coverage: coverage(ctx) };
    const at = nowIso(ctx);
    const record = { id: calendarYearId(input.year), version: (input.version ?? 0) + 1, ...schedule, enteredBy: admin.id, enteredAt: at };
    const written = await ctx.deps.calendarYears.putCalendarYear(record, input.version);
    // a year someone else entered meanwhile is a conflict to look at, not a duplicate to overwrite
    if (!written.ok && written.error.code === 'DUPLICATE') throw new AppError('CONFLICT');
    unwrap(written);
    ctx.deps.calendarSource.invalidate();
    await ctx.deps.calendarSource.refresh();
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(admin),
      action: 'calendar.set',
      note: `${input.year}: ${schedule.holidays.length} 休 ${schedule.workdays.length} 班`,
    });
    return { schedule, saved: true, coverage: coverage(ctx) };
  },
};
