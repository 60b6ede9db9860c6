/**
 * The official holiday schedule of years chinese-days does not cover yet, kept as data the
 * administrator fills in when the State Council publishes it (see docs/architecture.md).
 */
import { createCalendar, type WorkingCalendar } from '../../shared/calendar';
import { CalendarExtraSchema, type CalendarExtra } from '../../shared/calendar.extra';
import schedule from './schedule.extra.json';

/** The committed extra schedule, or undefined when it adds no year. */
export const loadCalendarExtra = (): CalendarExtra | undefined => {
  const extra = CalendarExtraSchema.parse(schedule);
  return extra.years.length ? extra : undefined;
};

/** The working calendar the backend counts with: the library's years plus the extra schedule. */
export const backendCalendar = (extra: CalendarExtra | undefined = loadCalendarExtra()): WorkingCalendar => createCalendar(extra);
