/**
 * Bookings on CloudBase. `book` is one transaction over three documents read by `doc()`: the slot's
 * counter (`booking_slots/<slotId>`: taken < capacity, else SLOT_FULL), the person's claim on the item
 * and day (`booking_claims/<user>~<item>~<date>`: an active one is DOUBLE_BOOKING) and the code
 * (`booking_codes/<code>`); then all three and the booking are `set`. Two bookings of one slot both
 * write its counter, so the second gets the write conflict and, run again, reads the new count: the
 * count can never pass the capacity. The callback only reads and writes through the transaction, so
 * the SDK may run it again safely; past the SDK's own 3 runs this adapter tries again after a short,
 * random wait, and answers CONFLICT only if contention never ends.
 */
import type tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import { ACTIVE_BOOKING_STATES, type Booking, type BookingSchedule } from '../../../shared/booking.schema';
import { assertNextVersion, offsetOf } from './store.columns';
import type { BookingFilter, BookingStore } from './booking.port';
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
const isConflict = (e: unknown): boolean => codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT' || /Transaction failed|write conflict/i.test(String((e as Error)?.message));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Rounds of the SDK's runTransaction (itself 3 runs each) before contention is answered as CONFLICT. */
const ROUNDS = 40;

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
  /** Runs a transaction, trying again on contention; a refusal thrown inside it is its answer. */
  const transact = async <T>(what: string, work: (t: Txn) => Promise<Result<T>>): Promise<Result<T>> => {
    for (let round = 0; round < ROUNDS; round++) {
      try {
        return (await db.runTransaction(work)) as Result<T>;
      } catch (e) {
        if (e instanceof Refused) return e.result;
        if (!isConflict(e)) throw e;
        await sleep(5 + Math.floor(Math.random() * 20 * Math.min(round + 1, 5)));
      }
    }
    return fail('CONFLICT', undefined, `${what}: contention did not end`);
  };

  const book = (b: Booking, capacity: number) =>
    transact<Booking>(`book ${b.slotId}`, async (t) => {
      const slotRef = t.collection('booking_slots').doc(b.slotId);
      const claimRef = t.collection('booking_claims').doc(claimIdOf(b));
      const codeRef = t.collection('booking_codes').doc(b.code);
      const bookingRef = t.collection('bookings').doc(b.id);
      const slot = await data(slotRef);
      const taken = Number(slot?.taken ?? 0);
      if (taken >= capacity) throw new Refused(fail('SLOT_FULL', undefined, b.slotId));
      const claim = await data(claimRef);
      if (claim?.active) throw new Refused(fail('DOUBLE_BOOKING', undefined, claimIdOf(b)));
      if ((await data(codeRef)) || (await data(bookingRef))) throw new Refused(fail('DUPLICATE', undefined, `booking ${b.id}`));
      await slotRef.set({ centerId: b.centerId, date: b.date, taken: taken + 1 });
      await claimRef.set({ bookingId: b.id, active: true });
      await codeRef.set({ bookingId: b.id });
      await bookingRef.set({ ...bookingFields(b), doc: kit.plain(b) });
      return ok(b);
    });

  const update = (next: Booking, expected: number) =>
    transact<Booking>(`booking ${next.id}`, async (t) => {
      const ref = t.collection('bookings').doc(next.id);
      const stored = await data(ref);
      if (!stored) throw new Refused(fail('NOT_FOUND', undefined, `booking ${next.id}`));
      if (stored.version !== expected) throw new Refused(fail('CONFLICT', undefined, `booking ${next.id}`));
      const before = (stored.doc as Booking).state;
      if (next.state === 'cancelled' && before !== 'cancelled') {
        const slotRef = t.collection('booking_slots').doc(next.slotId);
        const slot = await data(slotRef);
        if (slot) await slotRef.set({ centerId: next.centerId, date: next.date, taken: Math.max(0, Number(slot.taken ?? 0) - 1) });
      }
      if (!ACTIVE_BOOKING_STATES.includes(next.state) && ACTIVE_BOOKING_STATES.includes(before)) {
        await t.collection('booking_claims').doc(claimIdOf(next)).set({ bookingId: next.id, active: false });
      }
      await ref.set({ ...bookingFields(next), doc: kit.plain(next) });
      return ok(next);
    });

  const putSchedule = async (s: BookingSchedule, expected?: number): Promise<Result<BookingSchedule>> => {
    const coll = db.collection('booking_schedules');
    if (expected === undefined) {
      assertNextVersion('booking_schedules', s.version, 0);
      try {
        await coll.add({ _id: s.centerId, version: s.version, doc: kit.plain(s) });
        return ok(s);
      } catch (e) {
        if (codeOf(e) === 'DATABASE_DUPLICATE_WRITE' || /E11000 duplicate key/.test(String((e as Error)?.message))) return fail('DUPLICATE', undefined, `schedule ${s.centerId}`);
        throw e;
      }
    }
    assertNextVersion('booking_schedules', s.version, expected);
    const res = await coll.where({ _id: s.centerId, version: expected }).update({ version: s.version, doc: _.set(kit.plain(s)) });
    if (res.updated === 1) return ok(s);
    return (await kit.read.one('booking_schedules', s.centerId)) ? fail('CONFLICT', undefined, `schedule ${s.centerId}`) : fail('NOT_FOUND', undefined, `schedule ${s.centerId}`);
  };

  const byStart = (f: BookingFilter): Order => (f.newestFirst ? [['startAt', 'desc'], ['_id', 'desc']] : [['startAt', 'asc'], ['_id', 'asc']]);

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
