/**
 * Slots follow the holiday calendar: none on a holiday (National Day, 1–7 October 2026, and the
 * Mid-Autumn Festival on 25 September, per chinese-days), none on an ordinary weekend, and a
 * make-up working day (Sunday 20 September and Saturday 10 October 2026) gets slots.
 */
import { createCalendar } from './calendar';
import { checkBookingSchedule, parseSlotId, slotById, slotIdOf, slotsBetween, periodsOn, chinaInstantOf } from './booking.slots';
import { mergeCalendarYears } from './calendar.entry';
import type { BookingSchedule } from './booking.schema';

const calendar = createCalendar();
const morning = { start: '09:00', end: '12:00', capacity: 20 };
const afternoon = { start: '13:30', end: '17:00', capacity: 20 };
const schedule = (over: Partial<BookingSchedule> = {}): BookingSchedule => ({
  id: 'ts-001',
  version: 1,
  centerId: 'ts-001',
  week: [[morning, afternoon], [morning, afternoon], [morning, afternoon], [morning, afternoon], [morning]],
  exceptions: [],
  updatedBy: 'clerk-ts-001',
  updatedAt: '2026-09-01T00:00:00.000Z',
  ...over,
});
const datesOf = (s: BookingSchedule, from: string, days: number) => [...new Set(slotsBetween(s, from, days, calendar).slots.map((x) => x.date))];

describe('slots over the working-day calendar', () => {
  it('National Day 2026: no slot from 1 to 7 October, slots again on the 8th, and on Saturday the 10th (调休上班)', () => {
    expect(datesOf(schedule(), '2026-09-28', 16)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]);
  });

  it('the make-up Sunday 20 September gets slots, the Mid-Autumn Friday 25 September none, an ordinary weekend none', () => {
    expect(datesOf(schedule(), '2026-09-19', 9)).toEqual(['2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']);
  });

  it('a make-up working day takes the make-up periods, or Monday’s when there are none', () => {
    expect(periodsOn(schedule(), '2026-10-10', calendar)).toEqual({ ok: true, value: [morning, afternoon] });
    expect(periodsOn(schedule({ makeUp: [morning] }), '2026-10-10', calendar)).toEqual({ ok: true, value: [morning] });
    expect(periodsOn(schedule(), '2026-10-09', calendar)).toEqual({ ok: true, value: [morning] });
  });

  it('an exception closes a working day or changes its periods', () => {
    const s = schedule({
      exceptions: [
        { date: '2026-09-29', periods: [] },
        { date: '2026-09-30', periods: [{ start: '08:30', end: '09:30', capacity: 5 }] },
      ],
    });
    const { slots } = slotsBetween(s, '2026-09-28', 3, calendar);
    expect(slots.map((x) => `${x.date} ${x.start}`)).toEqual(['2026-09-28 09:00', '2026-09-28 13:30', '2026-09-30 08:30']);
    expect(slots[2]).toEqual({
      id: 'ts-001~2026-09-30~0830',
      centerId: 'ts-001',
      date: '2026-09-30',
      start: '08:30',
      end: '09:30',
      startAt: '2026-09-30T00:30:00.000Z',
      endAt: '2026-09-30T01:30:00.000Z',
      capacity: 5,
    });
  });

  it('dates past the covered years have no slots and say where the calendar ends; an entered year opens them', () => {
    const { slots, coveredUntil } = slotsBetween(schedule(), '2026-12-28', 10, calendar);
    expect(coveredUntil).toBe('2026-12-31');
    expect([...new Set(slots.map((x) => x.date))]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
    const entered = createCalendar(mergeCalendarYears(undefined, [{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }]));
    expect(slotsBetween(schedule(), '2026-12-31', 6, entered).slots.map((x) => x.date)).toEqual([
      '2026-12-31',
      '2026-12-31',
      '2027-01-04',
      '2027-01-04',
      '2027-01-05',
      '2027-01-05',
    ]);
  });

  it('a slot id names one period of one day; a holiday, another time or a malformed id is not a slot', () => {
    expect(parseSlotId(slotIdOf('ts-001', '2026-10-08', '13:30'))).toEqual({ centerId: 'ts-001', date: '2026-10-08', start: '13:30' });
    expect(slotById(schedule(), 'ts-001~2026-10-08~1330', calendar)).toMatchObject({ ok: true, value: { end: '17:00', capacity: 20 } });
    for (const id of ['ts-001~2026-10-02~0900', 'ts-001~2026-10-08~1000', 'ts-002~2026-10-08~0900', 'ts-001~2026-02-30~0900', 'nonsense']) {
      expect(slotById(schedule(), id, calendar)).toMatchObject({ ok: false, error: { code: 'SLOT_NOT_FOUND' } });
    }
    expect(chinaInstantOf('2026-10-08', '09:00')).toBe('2026-10-08T01:00:00.000Z');
  });
});

describe('checking a schedule before it is stored', () => {
  it('refuses an exception that opens a holiday or an ordinary weekend as SLOT_ON_HOLIDAY, naming it', () => {
    const r = checkBookingSchedule({ week: schedule().week, exceptions: [{ date: '2026-10-03', periods: [morning] }] }, calendar);
    expect(r).toEqual({ ok: false, error: { code: 'SLOT_ON_HOLIDAY', fields: { 'exceptions.0': '2026-10-03 是节假日或休息日，不能安排预约' } } });
    expect(checkBookingSchedule({ week: schedule().week, exceptions: [{ date: '2026-10-03', periods: [] }] }, calendar).ok).toBe(true);
  });

  it('refuses periods that end before they start or overlap, and a date given twice', () => {
    const r = checkBookingSchedule(
      {
        week: [[{ start: '10:00', end: '09:00', capacity: 1 }], [morning, { start: '11:00', end: '12:30', capacity: 1 }], [], [], []],
        exceptions: [
          { date: '2026-10-08', periods: [] },
          { date: '2026-10-08', periods: [] },
        ],
      },
      calendar,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fields: { 'week.0': '10:00-09:00 结束时间应晚于开始时间', 'week.1': '09:00-12:00 与 11:00-12:30 重叠', 'exceptions.1': '2026-10-08 重复' },
      },
    });
  });

  it('keeps a good schedule with its exceptions in date order', () => {
    const r = checkBookingSchedule(
      {
        week: schedule().week,
        exceptions: [
          { date: '2026-10-13', periods: [] },
          { date: '2026-10-09', periods: [morning] },
        ],
      },
      calendar,
    );
    expect(r.ok && r.value.exceptions.map((e) => e.date)).toEqual(['2026-10-09', '2026-10-13']);
  });
});
