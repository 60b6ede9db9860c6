/**
 * The constants of bookings (预约) without their schemas: the states, the ones that hold a place,
 * the no-show rule and the time limits. The configuration, the dependencies and the stores read
 * these in every function's core; booking.schema.ts builds its enum from them and re-exports them.
 */

export const BOOKING_STATES = ['booked', 'cancelled', 'checked_in', 'no_show'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
/** A booking that still holds the person's place for that item and day. */
export const ACTIVE_BOOKING_STATES: readonly BookingState[] = ['booked', 'checked_in'];
/** A booking that holds a place of its slot: all but a cancelled one (a no-show keeps the place it wasted). */
export const PLACE_HOLDING_STATES: readonly BookingState[] = ['booked', 'checked_in', 'no_show'];

/** The no-show rule: `limit` no-shows within `windowDays` block online booking for `blockDays`. */
export type NoShowRule = { limit: number; windowDays: number; blockDays: number };
/** The common rule of Chinese halls: three no-shows in 90 days block booking for 30 days. */
export const DEFAULT_NO_SHOW_RULE: NoShowRule = { limit: 3, windowDays: 90, blockDays: 30 };

/**
 * How long a slot's counter must have been left alone before the repair pass recounts it, in
 * minutes: longer than a cloud function can run (60 s), so no booking or cancellation is in flight.
 */
export const DEFAULT_SLOT_QUIET_MINUTES = 5;

/** How far ahead slots are offered, in calendar days. */
export const BOOKING_HORIZON_DAYS = 14;
/** A booking can be cancelled until this long before its start. */
export const CANCEL_BEFORE_MS = 3_600_000;
