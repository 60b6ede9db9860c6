/**
 * Bookings (预约): a center's weekly schedule of bookable periods with its exceptions, the slots
 * made from it on working days, and a person's booking of one slot for one item.
 */
import * as z from 'zod/mini';
import { text } from './text.bounds';
import { isChinaDate } from './china.time';
import { BOOKING_STATES } from './booking.terms';

/** A China wall-clock time of day, HH:MM (24 hours). */
export const TimeOfDaySchema = z
  .string()
  .check(z.maxLength(5))
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** A China date, YYYY-MM-DD. */
export const BookingDateSchema = z
  .string()
  .check(z.maxLength(10))
  .check(z.regex(/^\d{4}-\d{2}-\d{2}$/))
  .check(z.refine(isChinaDate));

/** One bookable period of a day: a half-day or an hour, with the places it has. */
export const PeriodSchema = z.object({
  start: TimeOfDaySchema,
  end: TimeOfDaySchema,
  capacity: z.int().check(z.gte(1)).check(z.lte(500)),
});
export type Period = z.infer<typeof PeriodSchema>;

/** A day that differs from the week: closed, or other periods. */
export const ScheduleExceptionSchema = z.object({
  date: BookingDateSchema,
  /** empty: the center takes no bookings that day */
  periods: z.array(PeriodSchema).check(z.maxLength(24)),
  note: z.optional(text('line')),
});
export type ScheduleException = z.infer<typeof ScheduleExceptionSchema>;

/**
 * A center's booking schedule. `week` holds Monday to Friday (index 0 is Monday); a make-up
 * working day (调休上班, a Saturday or Sunday) takes `makeUp`, or Monday's periods when it is absent.
 * Holidays and ordinary weekends have no slots.
 */
export const BookingScheduleSchema = z.object({
  id: text('id'),
  version: z.int().check(z.gte(1)),
  centerId: text('id'),
  week: z.array(z.array(PeriodSchema).check(z.maxLength(24))).check(z.length(5)),
  makeUp: z.optional(z.array(PeriodSchema).check(z.maxLength(24))),
  exceptions: z.array(ScheduleExceptionSchema).check(z.maxLength(366)),
  updatedBy: text('id'),
  updatedAt: text('code'),
});
export type BookingSchedule = z.infer<typeof BookingScheduleSchema>;

/** One bookable slot of a center, as generated from its schedule. */
export const SlotSchema = z.object({
  /** `<centerId>~<date>~<HHMM>`: the same slot always has the same id */
  id: text('id'),
  centerId: text('id'),
  date: BookingDateSchema,
  start: TimeOfDaySchema,
  end: TimeOfDaySchema,
  startAt: text('code'),
  endAt: text('code'),
  capacity: z.int().check(z.gte(1)),
});
export type Slot = z.infer<typeof SlotSchema>;

/** The states, and the ones that hold a place (ACTIVE_BOOKING_STATES): booking.terms.ts. */
export const BookingStateSchema = z.enum(BOOKING_STATES);
export { ACTIVE_BOOKING_STATES, type BookingState } from './booking.terms';

/** A person's booking of one slot for one item; `code` is what the clerk scans or types. */
export const BookingSchema = z.object({
  id: text('id'),
  version: z.int().check(z.gte(1)),
  code: text('code'),
  slotId: text('id'),
  centerId: text('id'),
  date: BookingDateSchema,
  start: TimeOfDaySchema,
  end: TimeOfDaySchema,
  startAt: text('code'),
  endAt: text('code'),
  itemCode: text('code'),
  itemName: text('line'),
  userId: text('id'),
  companyId: z.optional(text('id')),
  nameMasked: z.optional(text('masked')),
  /** the open request the visit is for (handing in paper originals), if any */
  requestId: z.optional(text('id')),
  state: BookingStateSchema,
  createdAt: text('code'),
  cancelledAt: z.optional(text('code')),
  checkedInAt: z.optional(text('code')),
  checkedInBy: z.optional(text('id')),
  noShowAt: z.optional(text('code')),
  noShowBy: z.optional(text('id')),
});
export type Booking = z.infer<typeof BookingSchema>;

export { BOOKING_HORIZON_DAYS, CANCEL_BEFORE_MS, DEFAULT_NO_SHOW_RULE, type NoShowRule } from './booking.terms';
