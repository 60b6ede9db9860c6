/**
 * The slot repair contract, over the booking port and the pass that uses it
 * (scheduler/booking.repair.ts): a place a crash left taken with no booking is given back once the
 * counter has been quiet for longer than a function can run; a counter touched within that time,
 * one whose count agrees, and one of a slot already over are left alone; a booking or a
 * cancellation between the pass's read and its write is never overwritten; and a pass stopped by
 * its budget resumes where it stopped.
 */
import type { Stores } from '../../cloudfunctions/core/stores/store.port';
import type { SlotCount } from '../../cloudfunctions/core/stores/booking.port';
import type { Booking, Slot } from '../../shared/booking.schema';
import { cancelled, markedNoShow, newBooking } from '../../shared/booking.rules';
import { chinaInstantOf, slotIdOf } from '../../shared/booking.slots';
import { readRepairState, repairSlotCounts, SLOT_REPAIR_ACTION, type RepairBudget } from '../../cloudfunctions/scheduler/booking.repair';
import type { Leak } from '../support/slot.leak';
import { PAGE, codeOf, value } from './contract.kit';

const NOW = '2026-10-08T00:00:00.000Z'; // 08:00 in China on Thursday 8 October
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
const slot = (date: string, start: string, capacity: number): Slot => ({
  id: slotIdOf('ts-001', date, start),
  centerId: 'ts-001',
  date,
  start,
  end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
  startAt: chinaInstantOf(date, start),
  endAt: chinaInstantOf(date, `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`),
  capacity,
});
let n = 0;
const booking = (s: Slot, userId: string, createdAt = NOW): Booking =>
  newBooking(
    s,
    { code: 'ZC-T-0001', name: '事项' },
    { id: `rp-${String(++n).padStart(6, '0')}`, code: `R${String(n).padStart(5, '0')}`, userId, now: createdAt },
  );

/** Defines the repair sentences over the fresh store `current()` answers and the way to leak a place of it. */
export function slotRepairContract(current: () => Stores, leak: Leak): void {
  describe('BookingStore: the repair pass of slot counters', () => {
    let store: Stores;
    beforeEach(() => {
      store = current();
    });
    /** Runs the pass at `minutes` after NOW with the quiet period of 5 minutes. */
    const pass = (minutes: number, budget: RepairBudget = {}, pageSize?: number) =>
      repairSlotCounts({ bookings: store, meta: store, audit: store, now: () => new Date(at(minutes)), slotQuietMinutes: 5 }, budget, pageSize);
    const taken = async (s: Slot) => (await store.slotsTaken('ts-001', s.date, s.date))[s.id] ?? 0;
    const seenOf = async (s: Slot, minutes: number): Promise<SlotCount> => {
      const seen = (await store.quietSlotCounts(s.date, { since: null, before: at(minutes - 5) }, 100)).find((c) => c.slotId === s.id);
      if (!seen) throw new Error(`${s.id} is not quiet at ${at(minutes)}`);
      return seen;
    };

    it('gives back a leaked place once the counter was quiet, and the slot that answered SLOT_FULL takes a booking again', async () => {
      const s = slot('2026-10-08', '14:00', 2);
      value(await store.book(booking(s, 'u-1'), 2));
      await leak(store, s, 2, at(1));
      expect(codeOf(await store.book(booking(s, 'u-2', at(2)), 2))).toBe('SLOT_FULL');
      // touched 3 minutes ago: a booking may still be in flight, so the pass leaves it
      expect(await pass(4)).toEqual({ scanned: 0, repaired: [], raced: 0, complete: true, full: true });
      expect(await taken(s)).toBe(2);
      const report = await pass(10);
      expect(report).toEqual({ scanned: 1, repaired: [{ slotId: s.id, from: 2, to: 1 }], raced: 0, complete: true, full: false });
      expect(await taken(s)).toBe(1);
      value(await store.book(booking(s, 'u-2', at(11)), 2));
      expect(await taken(s)).toBe(2);
      expect(codeOf(await store.book(booking(s, 'u-3', at(12)), 2))).toBe('SLOT_FULL');
      // the audit names the slot and the counts, nobody's person
      const trail = (await store.searchAudit({ centerId: 'ts-001' }, PAGE)).items.filter((e) => e.action === SLOT_REPAIR_ACTION);
      expect(trail).toEqual([
        { at: at(10), actor: { userId: 'system', role: 'system' }, action: SLOT_REPAIR_ACTION, centerId: 'ts-001', ids: [s.id], note: '预约名额计数 2 → 1' },
      ]);
    });

    it('gives back a leaked place of a counter made before counters were stamped', async () => {
      const s = slot('2026-10-09', '10:00', 1);
      await leak(store, s, 1, null);
      expect(codeOf(await store.book(booking(s, 'u-1'), 1))).toBe('SLOT_FULL');
      expect((await pass(0)).repaired).toEqual([{ slotId: s.id, from: 1, to: 0 }]);
      value(await store.book(booking(s, 'u-1', at(1)), 1));
    });

    it('writes nothing where the counts agree: booked, checked in or missed hold a place, cancelled does not', async () => {
      const s = slot('2026-10-08', '09:00', 5);
      const later = slot('2026-10-08', '15:00', 5);
      const a = value(await store.book(booking(s, 'u-1'), 5));
      value(await store.book(booking(s, 'u-2'), 5));
      value(await store.updateBooking(value(markedNoShow(a, 'clerk-1', '2026-10-08T02:30:00.000Z')), 1));
      const c = value(await store.book(booking(later, 'u-3'), 5));
      value(await store.updateBooking(value(cancelled(c, at(1))), 1));
      const before = await store.quietSlotCounts('2026-10-08', { since: null, before: at(100) }, 100);
      expect(before.map((x) => [x.slotId, x.taken, x.held])).toEqual([
        [s.id, 2, 2],
        [later.id, 0, 0],
      ]);
      expect(await pass(180)).toEqual({ scanned: 2, repaired: [], raced: 0, complete: true, full: true });
      // not even the stamp moved
      expect(await store.quietSlotCounts('2026-10-08', { since: null, before: at(100) }, 100)).toEqual(before);
    });

    it('a booking made between the read and the write is never overwritten; the next pass mends the leak', async () => {
      const s = slot('2026-10-08', '14:00', 3);
      value(await store.book(booking(s, 'u-1'), 3));
      await leak(store, s, 3, at(1));
      const seen = await seenOf(s, 10);
      expect([seen.taken, seen.held]).toEqual([2, 1]);
      value(await store.book(booking(s, 'u-2', at(10)), 3)); // between the pass's read and its write
      expect(await store.setSlotTaken(seen, at(10))).toBe(false);
      // the stale count (1) would have let two more in: the counter keeps 3, and the slot is full
      expect(await taken(s)).toBe(3);
      expect(codeOf(await store.book(booking(s, 'u-3', at(11)), 3))).toBe('SLOT_FULL');
      // too soon after that booking for the next pass; later it gives back the one leaked place
      expect((await pass(12)).repaired).toEqual([]);
      expect((await pass(16)).repaired).toEqual([{ slotId: s.id, from: 3, to: 2 }]);
      value(await store.book(booking(s, 'u-3', at(17)), 3));
    });

    it('a cancellation between the read and the write is never overwritten; the next pass mends the leak', async () => {
      const s = slot('2026-10-08', '16:00', 3);
      value(await store.book(booking(s, 'u-1'), 3));
      const b = value(await store.book(booking(s, 'u-2'), 3));
      await leak(store, s, 3, at(1));
      const seen = await seenOf(s, 10);
      expect([seen.taken, seen.held]).toEqual([3, 2]);
      value(await store.updateBooking(value(cancelled(b, at(10))), 1));
      expect(await store.setSlotTaken(seen, at(10))).toBe(false);
      expect(await taken(s)).toBe(2);
      expect((await pass(20)).repaired).toEqual([{ slotId: s.id, from: 2, to: 1 }]);
      expect(await taken(s)).toBe(1);
    });

    it('leaves the counters of slots already over (dated before today in China) alone', async () => {
      const yesterday = slot('2026-10-07', '09:00', 2);
      const today = slot('2026-10-08', '09:00', 2);
      await leak(store, yesterday, 2, at(-24 * 60));
      await leak(store, today, 2, at(-24 * 60));
      expect((await pass(10)).repaired).toEqual([{ slotId: today.id, from: 1, to: 0 }]);
      expect(await taken(yesterday)).toBe(1);
    });

    it('a pass stopped by its budget resumes where it stopped on the next run, and ends with nothing left stored', async () => {
      const slots = [
        slot('2026-10-08', '09:00', 2),
        slot('2026-10-08', '10:00', 2),
        slot('2026-10-09', '09:00', 2),
        slot('2026-10-12', '09:00', 2),
        slot('2026-10-12', '14:00', 2),
      ];
      for (const s of slots) await leak(store, s, 2, at(-60));
      const budget = { pages: 1 };
      const first = await pass(10, budget, 2);
      expect(first.complete).toBe(false);
      expect((await readRepairState({ meta: store })).running?.after).toEqual({ date: '2026-10-08', slotId: slots[1].id });
      const second = await pass(11, budget, 2);
      expect(second.complete).toBe(false);
      const third = await pass(12, budget, 2);
      expect(third.complete).toBe(true);
      expect([...first.repaired, ...second.repaired, ...third.repaired].map((r) => r.slotId)).toEqual(slots.map((s) => s.id));
      // the resumed runs kept the first run's window: the pass ends at its quiet line
      expect(await readRepairState({ meta: store })).toEqual({ done: { day: '2026-10-08', before: at(5) } });
      for (const s of slots) expect(await taken(s)).toBe(0);
    });

    it('a later pass reads only the counters stamped since the last one; the first pass of a China day reads them all', async () => {
      const s = slot('2026-10-09', '09:00', 2);
      value(await store.book(booking(s, 'u-1'), 2));
      expect(await pass(10)).toMatchObject({ scanned: 1, full: true, complete: true });
      expect(await pass(20)).toMatchObject({ scanned: 0, full: false, complete: true });
      value(await store.book(booking(s, 'u-2', at(21)), 2));
      expect(await pass(30)).toMatchObject({ scanned: 1, full: false, repaired: [] });
      expect(await pass(40)).toMatchObject({ scanned: 0, full: false });
      // Friday 9 October, 08:00 in China: the day's full pass reads it again, though nothing stamped it
      expect(await pass(24 * 60)).toMatchObject({ scanned: 1, full: true, repaired: [] });
    });
  });
}
