/**
 * The official holiday schedules an administrator entered, one record a year. Every function
 * builds its working calendar from chinese-days, the file seed and these (calendar.source.ts).
 */
import type { Result } from '../../../shared/errors';
import type { CalendarYear } from '../../../shared/calendar.entry';

export interface CalendarStore {
  /** Every entered year, ascending. */
  listCalendarYears(): Promise<CalendarYear[]>;
  /** Creates a year (`expectedVersion` undefined: DUPLICATE if entered) or replaces it from its version (CONFLICT if stale). */
  putCalendarYear(year: CalendarYear, expectedVersion?: number): Promise<Result<CalendarYear>>;
}
