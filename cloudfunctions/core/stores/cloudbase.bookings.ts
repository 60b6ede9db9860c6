/**
 * Bookings on CloudBase. A place is taken with one conditional update of the slot's counter,
 * `where({ _id: slotId, taken: _.lt(capacity) }).update({ taken: _.inc(1), touchedAt })`: the database
 * applies each update to the document atomically and evaluates the condition at the write, so the
 * count never passes the capacity however many book at once, and nobody waits on anybody (no
 * transaction conflicts on a busy slot). Then one transaction over documents read by `doc()` checks
 * and writes the person's claim on the item and day (`booking_claims/<user>~<item>~<date>`: an active
 * one is DOUBLE_BOOKING), the code (`booking_codes/<code>`) and the booking; its callback only reads
 * and writes through the transaction, so running it again on a conflict is safe. A refused or failed
 * transaction gives the place back with `_.inc(-1)`, as a cancellation does.
 *
 * A process that dies between taking the place and the transaction leaves that place taken with no
 * booking (and one dying between a cancellation and its give-back, a place not given back). Every
 * write that changes `taken` stamps `touchedAt` in the same update, and a cancellation stamps it
 * before its transaction, so a counter untouched for longer than a function can run has no booking
 * or cancellation in flight: the repair pass (scheduler/booking.repair.ts) counts its bookings and
 * sets `taken` with a write conditional on the `taken` and `touchedAt` it read (docs/bookings.md).
 */
import type tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import { ACTIVE_BOOKING_STATES, PLACE_HOLDING_STATES } from '../../../shared/booking.terms';
import type { Booking, BookingSchedule } from '../../../shared/booking.schema';
import { assertNextVersion, offsetOf } from './store.columns';
import type { BookingFilter, BookingStore, QuietWindow, SlotCount } from './booking.port';
import type { Page, PageOf } from './store.page';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Txn = { collection(name: string): ReturnType<Db['collection']> };
type Order = [field: string, direction: 'asc' | 'desc'][];
type Envelope<T> = { _id: string; doc: T } & Record<string, unknown>;

/** What the adapter lends this module: its readers and its copy for the SDK. */
export type BookingKit = {
  read: {
    one<T>(coll: string, id: string): Promise<T | null>;
    page<T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>>;
  };
  plain: <T>(v: T) => T;
};

/** Carries a refusal out of a transaction callback, which makes the SDK roll back. */
class Refused extends Error {
  constructor(readonly result: Result<never>) {
    super('refused');
  }
}

const codeOf = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');
/** The gateway reports a taken `_id` as DATABASE_DUPLICATE_WRITE, or wraps MongoDB's E11000. */
const isDuplicate = (e: unknown): boolean => codeOf(e) === 'DATABASE_DUPLICATE_WRITE' || /E11000 duplicate key/.test(String((e as Error)?.message ?? ''));
const isConflict = (e: unknown): boolean =>
  codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT' || /Transaction failed|write conflict/i.test(String((e as Error)?.message));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Counts of a page of counters asked at once. */
const COUNT_WIDTH = 16;
/** Attempts of a transaction before contention is answered as CONFLICT. */
const ATTEMPTS = 60;
/** The wait before attempt n: random (full jitter) below a ceiling that doubles from 10 ms up to 640 ms. */
const backoffMs = (attempt: number) => Math.floor(Math.random() * 10 * 2 ** Math.min(attempt, 6));

/** The claim of a person on an item and a day. */
export const claimIdOf = (b: Pick<Booking, 'userId' | 'itemCode' | 'date'>): string => `${encodeURIComponent(b.userId)}~${b.itemCode}~${b.date}`;

const bookingFields = (b: Booking) => ({
  version: b.version,
  code: b.code,
  slotId: b.slotId,
  centerId: b.centerId,
  date: b.date,
  startAt: b.startAt,
  userId: b.userId,
  itemCode: b.itemCode,
  state: b.state,
});

const filterOf = (f: BookingFilter, _: Db['command']) => ({
  ...(f.userId ? { userId: f.userId } : {}),
  ...(f.centerId ? { centerId: f.centerId } : {}),
  ...(f.date ? { date: f.date } : f.fromDate ? { date: _.gte(f.fromDate) } : {}),
  ...(f.state ? { state: f.state } : {}),
});

/** The booking port over a CloudBase database. */
export const cloudbaseBookings = (db: Db, kit: BookingKit): BookingStore => {
  const _ = db.command;
  const data = async (ref: { get(): Promise<{ data: unknown }> }) => (await ref.get()).data as Record<string, unknown> | null;
  /**
   * Runs a transaction, trying again on contention after a random, growing wait (the SDK's own
   * immediate re-runs are turned off: under contention they only collide again); a refusal thrown
   * inside it is its answer.
   */
  const transact = async <T>(what: string, work: (t: Txn) => Promise<Result<T>>): Promise<Result<T>> => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return (await (db.runTransaction as (w: typeof work, times: number) => Promise<unknown>)(work, 0)) as Result<T>;
      } catch (e) {
        if (e instanceof Refused) return e.result;
        if (!isConflict(e)) throw e;
        await sleep(backoffMs(attempt));
      }
    }
    return fail('CONFLICT', undefined, `${what}: contention did not end`);
  };

  const slots = db.collection('booking_slots');
  /** Takes a place of a slot in one conditional update (`taken < capacity`, then `taken + 1`, stamped); false when full. */
  const takePlace = async (b: Booking, capacity: number): Promise<boolean> => {
    const take = () => slots.where({ _id: b.slotId, taken: _.lt(capacity) }).update({ taken: _.inc(1), touchedAt: b.createdAt });
    if ((await take()).updated === 1) return true;
    if ((await slots.doc(b.slotId).get()).data.length) return false;
    try {
      // the slot's first booking makes its counter; a second first booking finds it made
      await slots.add({ _id: b.slotId, centerId: b.centerId, date: b.date, taken: 0, touchedAt: b.createdAt });
    } catch (e) {
      if (!isDuplicate(e)) throw e;
    }
    return (await take()).updated === 1;
  };
  /** Gives a place back (a cancelled booking, or a booking refused after its place was taken), stamped. */
  const givePlace = (slotId: string, at: string) => slots.where({ _id: slotId, taken: _.gt(0) }).update({ taken: _.inc(-1), touchedAt: at });

  const book = async (b: Booking, capacity: number): Promise<Result<Booking>> => {
    if (!(await takePlace(b, capacity))) return fail('SLOT_FULL', undefined, b.slotId);
    let stored: Result<Booking>;
    try {
      stored = await transact<Booking>(`book ${b.slotId}`, async (t) => {
        const claimRef = t.collection('booking_claims').doc(claimIdOf(b));
        const codeRef = t.collection('booking_codes').doc(b.code);
        const bookingRef = t.collection('bookings').doc(b.id);
        if ((await data(claimRef))?.active) throw new Refused(fail('DOUBLE_BOOKING', undefined, claimIdOf(b)));
        if ((await data(codeRef)) || (await data(bookingRef))) throw new Refused(fail('DUPLICATE', undefined, `booking ${b.id}`));
        await claimRef.set({ bookingId: b.id, active: true });
        await codeRef.set({ bookingId: b.id });
        await bookingRef.set({ ...bookingFields(b), doc: kit.plain(b) });
        return ok(b);
      });
    } catch (e) {
      await givePlace(b.slotId, b.createdAt);
      throw e;
    }
    if (!stored.ok) await givePlace(b.slotId, b.createdAt);
    return stored;
  };

  const update = async (next: Booking, expected: number): Promise<Result<Booking>> => {
    let freed = false;
    const at = next.cancelledAt ?? new Date().toISOString();
    // a cancellation stamps the counter before the booking changes: a repair pass that counted
    // before this stamp finds the counter changed at its write, and one after it leaves it alone
    if (next.state === 'cancelled') await slots.where({ _id: next.slotId }).update({ touchedAt: at });
    const written = await transact<Booking>(`booking ${next.id}`, async (t) => {
      const ref = t.collection('bookings').doc(next.id);
      const stored = await data(ref);
      if (!stored) throw new Refused(fail('NOT_FOUND', undefined, `booking ${next.id}`));
      if (stored.version !== expected) throw new Refused(fail('CONFLICT', undefined, `booking ${next.id}`));
      const before = (stored.doc as Booking).state;
      freed = next.state === 'cancelled' && before !== 'cancelled';
      if (!ACTIVE_BOOKING_STATES.includes(next.state) && ACTIVE_BOOKING_STATES.includes(before)) {
        await t.collection('booking_claims').doc(claimIdOf(next)).set({ bookingId: next.id, active: false });
      }
      await ref.set({ ...bookingFields(next), doc: kit.plain(next) });
      return ok(next);
    });
    if (written.ok && freed) await givePlace(next.slotId, at);
    return written;
  };

  /** The place-holding bookings of a slot, counted by the database. */
  const heldOf = async (slotId: string): Promise<number> =>
    (
      await db
        .collection('bookings')
        .where({ slotId, state: _.in([...PLACE_HOLDING_STATES]) })
        .count()
    ).total;

  const quietSlotCounts = async (fromDate: string, window: QuietWindow, limit: number, after?: { date: string; slotId: string }): Promise<SlotCount[]> => {
    const from =
      after && after.date >= fromDate ? _.or([{ date: _.gt(after.date) }, { date: after.date, _id: _.gt(after.slotId) }]) : { date: _.gte(fromDate) };
    // stamped within the window; a window from any time also takes the counters no write stamped yet (made before touchedAt existed)
    const quiet =
      window.since === null
        ? _.or([{ touchedAt: _.lt(window.before) }, { touchedAt: _.exists(false) }])
        : { touchedAt: _.gte(window.since).and(_.lt(window.before)) };
    const { data } = await slots
      .where(_.and([from as object, quiet as object]))
      .orderBy('date', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit)
      .get();
    const rows = data as { _id: string; centerId: string; date: string; taken: number; touchedAt?: string }[];
    const out: SlotCount[] = [];
    for (let i = 0; i < rows.length; i += COUNT_WIDTH) {
      const chunk = rows.slice(i, i + COUNT_WIDTH);
      const held = await Promise.all(chunk.map((r) => heldOf(r._id)));
      chunk.forEach((r, j) => out.push({ slotId: r._id, centerId: r.centerId, date: r.date, taken: r.taken, touchedAt: r.touchedAt ?? null, held: held[j] }));
    }
    return out;
  };

  const setSlotTaken = async (seen: SlotCount, at: string): Promise<boolean> => {
    const res = await slots
      .where({ _id: seen.slotId, taken: seen.taken, touchedAt: seen.touchedAt ?? _.exists(false) })
      .update({ taken: seen.held, touchedAt: at });
    return res.updated === 1;
  };

  const putSchedule = async (s: BookingSchedule, expected?: number): Promise<Result<BookingSchedule>> => {
    const coll = db.collection('booking_schedules');
    if (expected === undefined) {
      assertNextVersion('booking_schedules', s.version, 0);
      try {
        await coll.add({ _id: s.centerId, version: s.version, doc: kit.plain(s) });
        return ok(s);
      } catch (e) {
        if (codeOf(e) === 'DATABASE_DUPLICATE_WRITE' || /E11000 duplicate key/.test(String((e as Error)?.message)))
          return fail('DUPLICATE', undefined, `schedule ${s.centerId}`);
        throw e;
      }
    }
    assertNextVersion('booking_schedules', s.version, expected);
    const res = await coll.where({ _id: s.centerId, version: expected }).update({ version: s.version, doc: _.set(kit.plain(s)) });
    if (res.updated === 1) return ok(s);
    return (await kit.read.one('booking_schedules', s.centerId))
      ? fail('CONFLICT', undefined, `schedule ${s.centerId}`)
      : fail('NOT_FOUND', undefined, `schedule ${s.centerId}`);
  };

  const byStart = (f: BookingFilter): Order =>
    f.newestFirst
      ? [
          ['startAt', 'desc'],
          ['_id', 'desc'],
        ]
      : [
          ['startAt', 'asc'],
          ['_id', 'asc'],
        ];

  return {
    getBookingSchedule: (centerId) => kit.read.one<BookingSchedule>('booking_schedules', centerId),
    putBookingSchedule: putSchedule,
    slotsTaken: async (centerId, fromDate, toDate) => {
      const out: Record<string, number> = {};
      for (let offset = 0; ; offset += 1000) {
        const { data: rows } = await db
          .collection('booking_slots')
          .where({ centerId, date: _.gte(fromDate).and(_.lte(toDate)), taken: _.gt(0) })
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(1000)
          .get();
        for (const r of rows as { _id: string; taken: number }[]) out[r._id] = r.taken;
        if ((rows as unknown[]).length < 1000) return out;
      }
    },
    book,
    getBooking: (id) => kit.read.one<Booking>('bookings', id),
    findBookingByCode: async (code) => {
      const { data: rows } = await db.collection('bookings').where({ code }).limit(1).get();
      return ((rows as Envelope<Booking>[])[0]?.doc ?? null) as Booking | null;
    },
    updateBooking: async (next, expected) => {
      assertNextVersion('bookings', next.version, expected);
      return update(next, expected);
    },
    listBookings: (f, page) => kit.read.page<Booking>('bookings', filterOf(f, _), byStart(f), page),
    quietSlotCounts,
    setSlotTaken,
    bookingsStarting: async (fromIso, toIso, limit, after) => {
      const range = after
        ? _.or([{ startAt: _.gt(after.startAt).and(_.lte(toIso)) }, { startAt: after.startAt, _id: _.gt(after.id) }])
        : { startAt: _.gt(fromIso).and(_.lte(toIso)) };
      const { data: rows } = await db
        .collection('bookings')
        .where(after ? _.and([{ state: 'booked' }, range as object]) : { state: 'booked', ...(range as object) })
        .orderBy('startAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(offsetOf({ page: 1, pageSize: limit }))
        .limit(limit)
        .get();
      return (rows as Envelope<Booking>[]).map((r) => r.doc);
    },
  };
};
