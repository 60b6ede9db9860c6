/**
 * The BookingStore contract: a schedule changes only from its version; a booking takes a place
 * of its slot and the person's claim on (item, day) together, or nothing; cancelling gives the
 * place back; and the count never passes the capacity, however many book at once.
 */
import type { BookingStore } from '../../cloudfunctions/core/stores/booking.port';
import type { Booking, BookingSchedule, Slot } from '../../shared/booking.schema';
import { newBooking, cancelled, markedNoShow, checkedIn } from '../../shared/booking.rules';
import { chinaInstantOf, slotIdOf } from '../../shared/booking.slots';
import { PAGE, codeOf, value } from './contract.kit';

const NOW = '2026-10-08T00:00:00.000Z';
const slot = (date = '2026-10-08', start = '09:00', end = '10:00', centerId = 'ts-001', capacity = 3): Slot => ({
  id: slotIdOf(centerId, date, start),
  centerId,
  date,
  start,
  end,
  startAt: chinaInstantOf(date, start),
  endAt: chinaInstantOf(date, end),
  capacity,
});
let n = 0;
const booking = (s: Slot, userId: string, itemCode = 'ZC-T-0001', extra: Partial<Booking> = {}): Booking => ({
  ...newBooking(s, { code: itemCode, name: '事项' }, { id: `bk-${String(++n).padStart(6, '0')}`, code: `C${String(n).padStart(5, '0')}`, userId, now: NOW }),
  ...extra,
});
const schedule = (version = 1): BookingSchedule => ({
  id: 'ts-001',
  version,
  centerId: 'ts-001',
  week: [[{ start: '09:00', end: '12:00', capacity: 10 }], [], [], [], []],
  exceptions: [{ date: '2026-10-09', periods: [] }],
  updatedBy: 'clerk-1',
  updatedAt: NOW,
});

/** Defines the booking sentences over the fresh store `current()` answers. */
export function bookingsContract(current: () => BookingStore): void {
  describe('BookingStore: schedules, places and bookings', () => {
    let store: BookingStore;
    beforeEach(() => {
      store = current();
    });

    it('a center has one schedule, replaced only from its stored version', async () => {
      expect(await store.getBookingSchedule('ts-001')).toBeNull();
      value(await store.putBookingSchedule(schedule()));
      expect(codeOf(await store.putBookingSchedule(schedule()))).toBe('DUPLICATE');
      expect(await store.getBookingSchedule('ts-001')).toEqual(schedule());
      value(await store.putBookingSchedule(schedule(2), 1));
      expect(codeOf(await store.putBookingSchedule(schedule(2), 1))).toBe('CONFLICT');
      expect(codeOf(await store.putBookingSchedule({ ...schedule(2), id: 'ts-002', centerId: 'ts-002' }, 1))).toBe('NOT_FOUND');
      expect((await store.getBookingSchedule('ts-001'))?.version).toBe(2);
    });

    it('a booking is stored with its place taken, found by id and by code', async () => {
      const s = slot();
      const b = booking(s, 'u-1');
      expect(value(await store.book(b, s.capacity))).toEqual(b);
      expect(await store.getBooking(b.id)).toEqual(b);
      expect(await store.findBookingByCode(b.code)).toEqual(b);
      expect(await store.findBookingByCode('NOPE00')).toBeNull();
      expect(await store.slotsTaken('ts-001', '2026-10-08', '2026-10-08')).toEqual({ [s.id]: 1 });
      expect(await store.slotsTaken('ts-001', '2026-10-09', '2026-10-20')).toEqual({});
    });

    it('a full slot refuses the next booking and stores nothing of it', async () => {
      const s = slot(undefined, undefined, undefined, undefined, 2);
      value(await store.book(booking(s, 'u-1'), 2));
      value(await store.book(booking(s, 'u-2'), 2));
      const third = booking(s, 'u-3');
      expect(codeOf(await store.book(third, 2))).toBe('SLOT_FULL');
      expect(await store.getBooking(third.id)).toBeNull();
      expect(await store.findBookingByCode(third.code)).toBeNull();
      expect((await store.slotsTaken('ts-001', s.date, s.date))[s.id]).toBe(2);
    });

    it('one active booking per person, item and day: another slot that day is DOUBLE_BOOKING, another item or day is not', async () => {
      const morning = slot('2026-10-08', '09:00', '10:00');
      const afternoon = slot('2026-10-08', '14:00', '15:00');
      const first = value(await store.book(booking(morning, 'u-1'), 3));
      const again = booking(afternoon, 'u-1');
      expect(codeOf(await store.book(again, 3))).toBe('DOUBLE_BOOKING');
      expect(await store.getBooking(again.id)).toBeNull();
      expect(await store.slotsTaken('ts-001', '2026-10-08', '2026-10-08')).toEqual({ [morning.id]: 1 });
      value(await store.book(booking(afternoon, 'u-1', 'ZC-T-0002'), 3));
      value(await store.book(booking(slot('2026-10-12'), 'u-1'), 3));
      // checked in still counts as the day's booking
      const inside = value(checkedIn(first, 'clerk-1', '2026-10-08T01:10:00.000Z'));
      value(await store.updateBooking(inside, 1));
      expect(codeOf(await store.book(booking(afternoon, 'u-1'), 3))).toBe('DOUBLE_BOOKING');
    });

    it('cancelling gives the place back and frees the day; a no-show frees the day but keeps the place', async () => {
      const s = slot(undefined, undefined, undefined, undefined, 1);
      const b = value(await store.book(booking(s, 'u-1'), 1));
      expect(codeOf(await store.book(booking(s, 'u-2'), 1))).toBe('SLOT_FULL');
      const gone = value(cancelled(b, NOW));
      expect(value(await store.updateBooking(gone, 1))).toEqual(gone);
      expect(await store.slotsTaken('ts-001', s.date, s.date)).toEqual({});
      const other = value(await store.book(booking(s, 'u-2'), 1));
      value(await store.book(booking(slot('2026-10-08', '15:00', '16:00'), 'u-1'), 1));
      const missed = value(markedNoShow(other, 'clerk-1', '2026-10-08T03:00:00.000Z'));
      value(await store.updateBooking(missed, 1));
      expect((await store.slotsTaken('ts-001', s.date, s.date))[s.id]).toBe(1);
      value(await store.book(booking(slot('2026-10-08', '16:00', '17:00'), 'u-2'), 1));
    });

    it('a stale or missing booking is not written; a taken id or code is a DUPLICATE', async () => {
      const s = slot();
      const b = value(await store.book(booking(s, 'u-1'), 3));
      const gone = value(cancelled(b, NOW));
      value(await store.updateBooking(gone, 1));
      expect(codeOf(await store.updateBooking({ ...gone, version: 2 }, 1))).toBe('CONFLICT');
      expect(codeOf(await store.updateBooking({ ...gone, id: 'bk-none', version: 2 }, 1))).toBe('NOT_FOUND');
      expect(codeOf(await store.book(booking(s, 'u-2', 'ZC-T-0001', { code: b.code }), 3))).toBe('DUPLICATE');
      expect(await store.slotsTaken('ts-001', s.date, s.date)).toEqual({});
      await expect(store.updateBooking({ ...gone, version: 5 }, 2)).rejects.toThrow(/version/);
    });

    it('lists by person newest first, by center and day earliest first, and by state', async () => {
      const a = value(await store.book(booking(slot('2026-10-08', '10:00', '11:00'), 'u-1'), 3));
      const b = value(await store.book(booking(slot('2026-10-08', '09:00', '10:00'), 'u-2'), 3));
      const c = value(await store.book(booking(slot('2026-10-12', '09:00', '10:00'), 'u-1'), 3));
      const d = value(await store.book(booking(slot('2026-10-08', '09:00', '10:00', 'ts-002'), 'u-3'), 3));
      expect((await store.listBookings({ userId: 'u-1', newestFirst: true }, PAGE)).items.map((x) => x.id)).toEqual([c.id, a.id]);
      const day = await store.listBookings({ centerId: 'ts-001', date: '2026-10-08' }, PAGE);
      expect(day.items.map((x) => x.id)).toEqual([b.id, a.id]);
      expect(day.total).toBe(2);
      expect((await store.listBookings({ centerId: 'ts-002' }, PAGE)).items.map((x) => x.id)).toEqual([d.id]);
      value(await store.updateBooking(value(cancelled(a, NOW)), 1));
      expect((await store.listBookings({ userId: 'u-1', state: 'booked' }, PAGE)).items.map((x) => x.id)).toEqual([c.id]);
      expect((await store.listBookings({ userId: 'u-1', fromDate: '2026-10-10' }, PAGE)).items.map((x) => x.id)).toEqual([c.id]);
    });

    it('bookings starting in a window: booked ones only, by start, paged by cursor', async () => {
      const nine = slot('2026-10-08', '09:00', '10:00');
      const ten = slot('2026-10-08', '10:00', '11:00');
      const x1 = value(await store.book(booking(nine, 'u-1'), 3));
      const x2 = value(await store.book(booking(nine, 'u-2'), 3));
      const x3 = value(await store.book(booking(ten, 'u-3'), 3));
      const x4 = value(await store.book(booking(ten, 'u-4'), 3));
      value(await store.updateBooking(value(cancelled(x4, NOW)), 1));
      value(await store.book(booking(slot('2026-10-09', '09:00', '10:00'), 'u-5'), 3));
      const from = chinaInstantOf('2026-10-08', '08:00');
      const to = chinaInstantOf('2026-10-08', '23:00');
      const all = await store.bookingsStarting(from, to, 10);
      expect(all.map((b) => b.id)).toEqual([x1, x2, x3].map((b) => b.id).sort((p, q) => (p < q ? -1 : 1)));
      const first = await store.bookingsStarting(from, to, 2);
      const rest = await store.bookingsStarting(from, to, 2, { startAt: first[1].startAt, id: first[1].id });
      expect([...first, ...rest].map((b) => b.id)).toEqual(all.map((b) => b.id));
      expect(await store.bookingsStarting(nine.startAt, to, 10)).toEqual([x3]);
    });

    it('50 people booking the last 3 places at once: exactly 3 get one, the rest SLOT_FULL', async () => {
      const s = slot('2026-10-08', '09:00', '12:00', 'ts-001', 10);
      for (let i = 0; i < 7; i++) value(await store.book(booking(s, `early-${i}`), 10));
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => store.book(booking(s, `racer-${i}`), 10)));
      expect(answers.filter((a) => a.ok)).toHaveLength(3);
      expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(Array(47).fill('SLOT_FULL'));
      expect((await store.slotsTaken('ts-001', s.date, s.date))[s.id]).toBe(10);
      expect((await store.listBookings({ centerId: 'ts-001', date: s.date }, { page: 1, pageSize: 100 })).total).toBe(10);
    });

    it('one person booking one item in 8 slots of a day at once gets exactly one', async () => {
      const slots = Array.from({ length: 8 }, (_, i) => slot('2026-10-08', `${String(9 + i).padStart(2, '0')}:00`, `${String(10 + i).padStart(2, '0')}:00`));
      const answers = await Promise.all(slots.map((s) => store.book(booking(s, 'u-1'), 3)));
      expect(answers.filter((a) => a.ok)).toHaveLength(1);
      expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(Array(7).fill('DOUBLE_BOOKING'));
      expect(Object.values(await store.slotsTaken('ts-001', '2026-10-08', '2026-10-08'))).toEqual([1]);
    });
  });
}
