/**
 * The contract of the bookings function (预约): slots of a center, booking, the person's own
 * bookings, and the clerk's day at the counter with check-in and no-shows, plus the schedule the
 * clerk or the administrator sets. Declared here so api.schema.ts stays readable; it re-exports them.
 */
import * as z from 'zod/mini';
import { Id, Page, Version, listOf } from './api.common';
import { text } from './text.bounds';
import { LocationSchema } from './directory.schema';
import { BookingDateSchema, BookingSchema, BookingScheduleSchema, PeriodSchema, ScheduleExceptionSchema, SlotSchema } from './booking.schema';

/** A slot as a resident picks it: how many places are left, and whether it can still be booked. */
export const SlotViewSchema = z.extend(SlotSchema, { left: z.int(), state: z.enum(['open', 'full', 'past']) });
export type SlotView = z.infer<typeof SlotViewSchema>;

/** What to bring, from the item's materials. */
export const BringSchema = z.object({
  name: text('name'),
  paper: z.boolean(),
  copies: z.int(),
  required: z.boolean(),
  note: z.optional(text('note')),
});

/** The center of a booking with where it is and how to get there. */
export const BookingCenterSchema = z.object({
  id: text('id'),
  name: text('line'),
  address: text('line'),
  phone: text('code'),
  hours: text('line'),
  location: LocationSchema,
  kind: text('code'),
  /** a 高德地图 marker link (uri.amap.com) that opens navigation */
  navigationUrl: text('text'),
});

/** A booking as its holder sees it: the code (and its QR), the center, and what to bring. */
export const BookingViewSchema = z.extend(BookingSchema, {
  center: BookingCenterSchema,
  bring: z.array(BringSchema),
  /** until when the holder may cancel (one hour before the start) */
  cancelUntil: text('code'),
});
export type BookingView = z.infer<typeof BookingViewSchema>;

/** A booking in the clerk's list of the day: the masked name, never more. */
export const DayBookingSchema = z.pick(BookingSchema, {
  id: true,
  version: true,
  code: true,
  date: true,
  start: true,
  end: true,
  startAt: true,
  endAt: true,
  itemCode: true,
  itemName: true,
  nameMasked: true,
  requestId: true,
  state: true,
  checkedInAt: true,
});
export type DayBooking = z.infer<typeof DayBookingSchema>;

const ScheduleFields = {
  week: z.array(z.array(PeriodSchema).check(z.maxLength(24))).check(z.length(5)),
  makeUp: z.optional(z.array(PeriodSchema).check(z.maxLength(24))),
  exceptions: z.array(ScheduleExceptionSchema).check(z.maxLength(366)),
};

export const BookingsInput = {
  /** the bookable slots of a center from a date (today by default) for up to 14 days */
  slots: z.object({ centerId: Id, from: z.optional(BookingDateSchema), days: z._default(z.int().check(z.gte(1)).check(z.lte(14)), 14) }),
  book: z.object({ slotId: Id, itemCode: text('code').check(z.minLength(1)), requestId: z.optional(Id) }),
  mine: z.object({ ...Page }),
  get: z.object({ id: Id }),
  cancel: z.object({ id: Id, version: Version }),
  /** a clerk's center (an administrator names one) on a day, today by default */
  day: z.object({ centerId: z.optional(Id), date: z.optional(BookingDateSchema), ...Page }),
  /** the code as typed or scanned; spaces, dashes and lower case are forgiven */
  checkIn: z.object({ code: z.string().check(z.minLength(1)).check(z.maxLength(40)) }),
  noShow: z.object({ id: Id, version: Version }),
  getSchedule: z.object({ centerId: z.optional(Id) }),
  /** `version` of the schedule replaced; absent for the first */
  setSchedule: z.object({ centerId: z.optional(Id), version: z.optional(Version), ...ScheduleFields }),
};

const ScheduleAnswer = z.object({
  centerId: text('id'),
  centerName: text('line'),
  schedule: z.nullable(BookingScheduleSchema),
  /** the next 14 days as they will be offered */
  preview: z.array(SlotSchema),
  /** the last date the holiday calendar covers among them; null when none */
  coveredUntil: z.nullable(BookingDateSchema),
});

export const BookingsOutput = {
  slots: z.object({
    center: BookingCenterSchema,
    slots: z.array(SlotViewSchema),
    coveredUntil: z.nullable(BookingDateSchema),
    /** the caller may not book online until then (no-shows), if so */
    blockedUntil: z.optional(text('code')),
  }),
  book: z.object({ booking: BookingViewSchema }),
  mine: listOf(BookingViewSchema),
  get: z.object({ booking: BookingViewSchema }),
  cancel: z.object({ booking: BookingViewSchema }),
  day: z.extend(listOf(DayBookingSchema), { centerId: text('id'), centerName: text('line'), date: BookingDateSchema }),
  checkIn: z.object({ booking: DayBookingSchema }),
  noShow: z.object({ booking: DayBookingSchema }),
  getSchedule: ScheduleAnswer,
  setSchedule: ScheduleAnswer,
};
