/**
 * Bookings and the centers' booking schedules. Capacity and the one-active-booking rule are the
 * store's: `book` takes a place of the slot and the person's claim on (item, day) together with the
 * booking, or nothing, so 50 parallel bookings of the last 3 places give exactly 3.
 *
 * A slot's counter holds the places taken and `touchedAt`, the instant of the last write that
 * changed (or was about to change) them. The repair pass (scheduler/booking.repair.ts) reads the
 * counters left alone for a quiet period with the bookings that hold a place (`quietSlotCounts`)
 * and sets a wrong count right only if the counter is still as it read it (`setSlotTaken`).
 */
import type { Result } from '../../../shared/errors';
import type { Booking, BookingSchedule, BookingState } from '../../../shared/booking.schema';
import type { Page, PageOf } from './store.page';

export type BookingFilter = {
  userId?: string;
  centerId?: string;
  /** one China date */
  date?: string;
  /** China dates from (inclusive) */
  fromDate?: string;
  state?: BookingState;
  /** latest start first (a person's own list); else earliest first (a center's day) */
  newestFirst?: boolean;
};

/** Where a walk over slot counters stands: the last counter read, by date then id. */
export type SlotCursor = { date: string; slotId: string };

/** Which counters a repair pass reads: stamped from `since` (inclusive; null: any time, and unstamped ones too) to before `before`. */
export type QuietWindow = { since: string | null; before: string };

/** A slot's counter as read, with the bookings that hold a place of it (PLACE_HOLDING_STATES) counted after it. */
export type SlotCount = {
  slotId: string;
  centerId: string;
  /** the slot's China date */
  date: string;
  taken: number;
  /** the last write that changed `taken`; null for a counter no write has stamped yet */
  touchedAt: string | null;
  held: number;
};

export interface BookingStore {
  getBookingSchedule(centerId: string): Promise<BookingSchedule | null>;
  /** Creates a center's schedule (`expectedVersion` undefined: DUPLICATE if one exists) or replaces it from its version (CONFLICT if stale). */
  putBookingSchedule(schedule: BookingSchedule, expectedVersion?: number): Promise<Result<BookingSchedule>>;
  /** Places taken per slot id of a center on the dates from `fromDate` to `toDate` (inclusive); slots nobody booked are absent. */
  slotsTaken(centerId: string, fromDate: string, toDate: string): Promise<Record<string, number>>;
  /**
   * Stores a new booking if its slot has a place left under `capacity` and the person holds no
   * active booking of the item that day, atomically: SLOT_FULL, DOUBLE_BOOKING, or DUPLICATE
   * (its id or code taken) write nothing. The counter's `touchedAt` becomes the booking's `createdAt`.
   */
  book(booking: Booking, capacity: number): Promise<Result<Booking>>;
  getBooking(id: string): Promise<Booking | null>;
  /** The booking with a code (codes are unique), or null. */
  findBookingByCode(code: string): Promise<Booking | null>;
  /**
   * Writes a changed booking if the stored version is `expectedVersion` (CONFLICT if stale,
   * NOT_FOUND if absent). Cancelling gives the place back (the counter's `touchedAt` becomes `cancelledAt`,
   * set before the booking changes); leaving the active states frees the person's claim on the day.
   */
  updateBooking(next: Booking, expectedVersion: number): Promise<Result<Booking>>;
  /** Bookings by filter, by start time (see `newestFirst`) then id. */
  listBookings(filter: BookingFilter, page: Page): Promise<PageOf<Booking>>;
  /** Booked (not cancelled, not checked in) bookings starting in (fromIso, toIso], by start then id, after a cursor id at the same start. */
  bookingsStarting(fromIso: string, toIso: string, limit: number, after?: { startAt: string; id: string }): Promise<Booking[]>;
  /**
   * The counters of slots dated `fromDate` or later whose `touchedAt` lies in the window, by date
   * then id after the cursor, at most `limit`, each with its place-holding bookings counted after
   * the counter was read.
   */
  quietSlotCounts(fromDate: string, window: QuietWindow, limit: number, after?: SlotCursor): Promise<SlotCount[]>;
  /**
   * Sets a counter's `taken` to `seen.held`, stamping `touchedAt` with `at`, only if it still holds
   * the `taken` and `touchedAt` that were read (one conditional write); false when anyone booked or
   * cancelled since, which leaves it to the next pass.
   */
  setSlotTaken(seen: SlotCount, at: string): Promise<boolean>;
}
