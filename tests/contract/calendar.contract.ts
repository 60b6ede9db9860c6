/**
 * The CalendarStore contract: one record a year, created once and replaced only from its version.
 * The dates are made up for the test (测试数据), not an official schedule.
 */
import type { CalendarStore } from '../../cloudfunctions/core/stores/calendar.port';
import { calendarYearId, type CalendarYear } from '../../shared/calendar.entry';
import { codeOf, value } from './contract.kit';

const yearOf = (year: number, holidays: string[], version = 1): CalendarYear => ({
  id: calendarYearId(year),
  version,
  year,
  holidays,
  workdays: [],
  enteredBy: 'admin',
  enteredAt: '2026-12-01T01:00:00.000Z',
});

/** Defines the calendar sentences over the fresh store `current()` answers. */
export function calendarContract(current: () => CalendarStore): void {
  describe('CalendarStore: entered holiday schedules', () => {
    let store: CalendarStore;
    beforeEach(() => {
      store = current();
    });

    it('years list in order; a second create of a year is a DUPLICATE and a stale replace a CONFLICT', async () => {
      expect(await store.listCalendarYears()).toEqual([]);
      value(await store.putCalendarYear(yearOf(2091, ['2091-01-01'])));
      value(await store.putCalendarYear(yearOf(2090, ['2090-01-01'])));
      expect(codeOf(await store.putCalendarYear(yearOf(2090, ['2090-01-02'])))).toBe('DUPLICATE');
      const fixed = yearOf(2090, ['2090-01-01', '2090-01-02'], 2);
      expect(value(await store.putCalendarYear(fixed, 1))).toEqual(fixed);
      expect(codeOf(await store.putCalendarYear(yearOf(2090, ['2090-01-03'], 2), 1))).toBe('CONFLICT');
      expect((await store.listCalendarYears()).map((y) => [y.year, y.holidays.length])).toEqual([
        [2090, 2],
        [2091, 1],
      ]);
    });
  });
}
