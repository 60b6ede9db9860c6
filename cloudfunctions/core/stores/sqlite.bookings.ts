/**
 * Bookings on SQLite. `book` is one IMMEDIATE transaction: make the slot's row, take a place with
 * `UPDATE ... SET taken = taken + 1 WHERE id = ? AND taken < capacity` (no row changed: SLOT_FULL),
 * then insert the booking, whose partial unique index on (user, item, day) over the active states
 * refuses a second active booking (DOUBLE_BOOKING). Any refusal rolls the place back with it.
 * So no place leaks here; the repair pass's methods still recount and set a counter right (one
 * conditional write on what was read), which mends a counter changed by hand.
 */
import { fail, ok, type Result } from '../../../shared/errors';
import type { Booking, BookingSchedule } from '../../../shared/booking.schema';
import { cond, getDoc, isUniqueViolation, pageQuery, prepared, allDocs, violates, where, type Db } from './sqlite.kit';
import { assertNextVersion } from './store.columns';
import type { BookingFilter, BookingStore, SlotCount } from './booking.port';
import { PLACE_HOLDING_STATES } from '../../../shared/booking.terms';

const HOLDING = PLACE_HOLDING_STATES.map((s) => `'${s}'`).join(', ');

/** Carries a refusal out of a better-sqlite3 transaction, which rolls it back. */
class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

const bookingWhere = (f: BookingFilter) =>
  where([
    cond(f.userId, 'user_id = ?'),
    cond(f.centerId, 'center_id = ?'),
    cond(f.date, 'date = ?'),
    cond(f.fromDate, 'date >= ?'),
    cond(f.state, 'state = ?'),
  ]);

/** The booking port over a SQLite connection. */
export const bookingStore = (db: Db): BookingStore => {
  const insertBooking = prepared(
    db,
    `INSERT INTO bookings (id, version, code, slot_id, center_id, date, start_at, user_id, item_code, state, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const makeSlot = prepared(db, 'INSERT INTO booking_slots (id, center_id, date, taken, touched_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING');
  const takePlace = prepared(db, 'UPDATE booking_slots SET taken = taken + 1, touched_at = ? WHERE id = ? AND taken < ?');
  const givePlace = prepared(db, 'UPDATE booking_slots SET taken = MAX(taken - 1, 0), touched_at = ? WHERE id = ?');
  const updateRow = prepared(db, 'UPDATE bookings SET version = ?, state = ?, doc = ? WHERE id = ? AND version = ?');
  const stateOf = prepared(db, 'SELECT state FROM bookings WHERE id = ?');

  const bookTx = db.transaction((b: Booking, capacity: number): Result<Booking> => {
    makeSlot.run(b.slotId, b.centerId, b.date, b.createdAt);
    if (takePlace.run(b.createdAt, b.slotId, capacity).changes !== 1) throw new Refused(fail('SLOT_FULL', undefined, b.slotId));
    try {
      insertBooking.run(b.id, b.version, b.code, b.slotId, b.centerId, b.date, b.startAt, b.userId, b.itemCode, b.state, JSON.stringify(b));
    } catch (e) {
      if (violates(e, 'bookings.user_id')) throw new Refused(fail('DOUBLE_BOOKING', undefined, `${b.userId} ${b.itemCode} ${b.date}`));
      if (isUniqueViolation(e)) throw new Refused(fail('DUPLICATE', undefined, `booking ${b.id}`));
      throw e;
    }
    return ok(b);
  });

  const updateTx = db.transaction((next: Booking, expected: number): Result<Booking> => {
    const before = stateOf.get(next.id) as { state: string } | undefined;
    if (!before) return fail('NOT_FOUND', undefined, `booking ${next.id}`);
    if (updateRow.run(next.version, next.state, JSON.stringify(next), next.id, expected).changes !== 1)
      return fail('CONFLICT', undefined, `booking ${next.id}`);
    if (next.state === 'cancelled' && before.state !== 'cancelled') givePlace.run(next.cancelledAt ?? new Date().toISOString(), next.slotId);
    return ok(next);
  });

  const quietCounts = prepared(
    db,
    `SELECT s.id AS slotId, s.center_id AS centerId, s.date, s.taken, s.touched_at AS touchedAt,
       (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = s.id AND b.state IN (${HOLDING})) AS held
     FROM booking_slots s
     WHERE (s.date > ? OR (s.date = ? AND s.id > ?)) AND (s.touched_at < ? OR (? IS NULL AND s.touched_at IS NULL)) AND (? IS NULL OR s.touched_at >= ?)
     ORDER BY s.date, s.id LIMIT ?`,
  );
  const setTaken = prepared(db, 'UPDATE booking_slots SET taken = ?, touched_at = ? WHERE id = ? AND taken = ? AND touched_at IS ?');

  const schedulePut = (s: BookingSchedule, expected?: number): Result<BookingSchedule> => {
    const doc = JSON.stringify(s);
    if (expected === undefined) {
      assertNextVersion('booking_schedules', s.version, 0);
      const created = prepared(db, 'INSERT INTO booking_schedules (id, version, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING').run(
        s.centerId,
        s.version,
        doc,
      );
      return created.changes === 1 ? ok(s) : fail('DUPLICATE', undefined, `schedule ${s.centerId}`);
    }
    assertNextVersion('booking_schedules', s.version, expected);
    const changed = prepared(db, 'UPDATE booking_schedules SET version = ?, doc = ? WHERE id = ? AND version = ?').run(
      s.version,
      doc,
      s.centerId,
      expected,
    ).changes;
    if (changed === 1) return ok(s);
    return prepared(db, 'SELECT 1 FROM booking_schedules WHERE id = ?').get(s.centerId)
      ? fail('CONFLICT', undefined, `schedule ${s.centerId}`)
      : fail('NOT_FOUND', undefined, `schedule ${s.centerId}`);
  };

  return {
    getBookingSchedule: async (centerId) => getDoc<BookingSchedule>(db, 'SELECT doc FROM booking_schedules WHERE id = ?', centerId),
    putBookingSchedule: async (s, expected) => schedulePut(s, expected),
    slotsTaken: async (centerId, fromDate, toDate) => {
      const rows = prepared(db, 'SELECT id, taken FROM booking_slots WHERE center_id = ? AND date >= ? AND date <= ? AND taken > 0').all(
        centerId,
        fromDate,
        toDate,
      ) as {
        id: string;
        taken: number;
      }[];
      return Object.fromEntries(rows.map((r) => [r.id, r.taken]));
    },
    book: async (booking, capacity) => {
      try {
        // IMMEDIATE: a second connection to the same file waits (busy_timeout) instead of failing on the upgrade to a write lock
        return bookTx.immediate(booking, capacity);
      } catch (e) {
        if (e instanceof Refused) return e.result;
        throw e;
      }
    },
    getBooking: async (id) => getDoc<Booking>(db, 'SELECT doc FROM bookings WHERE id = ?', id),
    findBookingByCode: async (code) => getDoc<Booking>(db, 'SELECT doc FROM bookings WHERE code = ?', code),
    updateBooking: async (next, expected) => {
      assertNextVersion('bookings', next.version, expected);
      return updateTx.immediate(next, expected);
    },
    quietSlotCounts: async (fromDate, window, limit, after) => {
      // after the cursor, or from the first counter of fromDate (every id sorts after '')
      const [date, id] = after && after.date >= fromDate ? [after.date, after.slotId] : [fromDate, ''];
      const { since, before } = window;
      return quietCounts.all(date, date, id, before, since, since, since, limit) as SlotCount[];
    },
    setSlotTaken: async (seen, at) => setTaken.run(seen.held, at, seen.slotId, seen.taken, seen.touchedAt).changes === 1,
    listBookings: async (f, page) => pageQuery<Booking>(db, 'bookings', bookingWhere(f), f.newestFirst ? 'start_at DESC, id DESC' : 'start_at, id', page),
    bookingsStarting: async (fromIso, toIso, limit, after) =>
      after
        ? allDocs<Booking>(
            db,
            `SELECT doc FROM bookings WHERE state = 'booked' AND start_at <= ? AND ((start_at > ? AND start_at > ?) OR (start_at = ? AND id > ?))
             ORDER BY start_at, id LIMIT ?`,
            toIso,
            fromIso,
            after.startAt,
            after.startAt,
            after.id,
            limit,
          )
        : allDocs<Booking>(
            db,
            `SELECT doc FROM bookings WHERE state = 'booked' AND start_at > ? AND start_at <= ? ORDER BY start_at, id LIMIT ?`,
            fromIso,
            toIso,
            limit,
          ),
  };
};
