/**
 * The working calendar every function counts with: chinese-days, the file seed
 * (data/calendar/schedule.extra.json) and the years the administrator entered in the store.
 * Kept in memory and rebuilt after a short time or at once after an entry, so a new year
 * takes effect in every function without a redeploy.
 */
import { createCalendar, mergeCalendarYears, type CalendarExtra, type WorkingCalendar } from '../../../shared/calendar';
import type { ClockCalendar } from '../../../shared/request.clock';
import type { CalendarStore } from '../stores/calendar.port';

/** The calendar as Deps hold it: counted on synchronously, refreshed before each call. */
export type CalendarSource = {
  /** the calendar's counting operations, on the schedules loaded last */
  clock: ClockCalendar;
  /** the years whose official schedule is known, ascending */
  years(): readonly number[];
  /** reloads the entered years when the last load is older than the time-to-live */
  refresh(): Promise<void>;
  /** forgets the loaded years, so the next refresh reads the store */
  invalidate(): void;
};

/** Creates the calendar source over the store's entered years, the seed, and a time-to-live in ms. */
export const createCalendarSource = (
  store: Pick<CalendarStore, 'listCalendarYears'>,
  seed: CalendarExtra | undefined,
  nowMs: () => number,
  ttlMs = 60_000,
): CalendarSource => {
  let current: WorkingCalendar = createCalendar(seed);
  let loadedAt: number | null = null;
  let loading: Promise<void> | null = null;
  const load = async () => {
    const stored = await store.listCalendarYears();
    current = createCalendar(mergeCalendarYears(seed, stored));
    loadedAt = nowMs();
  };
  return {
    // delegates, so the object handed to the lifecycle stays the same while the calendar behind it changes
    clock: {
      get years() {
        return current.years;
      },
      isWorkingDay: (...a) => current.isWorkingDay(...a),
      addWorkingDays: (...a) => current.addWorkingDays(...a),
      workingDaysBetween: (...a) => current.workingDaysBetween(...a),
      workingDaysLeft: (...a) => current.workingDaysLeft(...a),
    },
    years: () => current.years,
    async refresh() {
      if (loadedAt !== null && nowMs() - loadedAt < ttlMs) return;
      loading ??= load().finally(() => (loading = null));
      await loading;
    },
    invalidate() {
      loadedAt = null;
    },
  };
};
