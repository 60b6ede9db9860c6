/**
 * The rules of a booking, as pure functions: who may book what, cancelling up to an hour before,
 * checking in on the day, marking a no-show after the slot, and the no-show block. Capacity and
 * the one-active-booking-per-person-item-and-day rule are kept by the store, atomically.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, chinaDateOf, msBetween } from './china.time';
import type { Center } from './directory.schema';
import type { Item } from './catalogue.schema';
import { CANCEL_BEFORE_MS, type NoShowRule } from './booking.terms';
import type { Booking, Slot } from './booking.schema';

const DAY_MS = 86_400_000;

/** Whether a center takes an item: it is on the center's offers (the official offers list). */
export const centerTakesItem = (center: Pick<Center, 'offers'>, itemCode: string): boolean => center.offers.includes(itemCode);

/** Why a slot cannot be booked for an item at `now` (begun or past, a center that does not take the item), or null. */
export const bookingRefusal = (slot: Slot, center: Pick<Center, 'id' | 'offers'>, itemCode: string, now: string): Result<never> | null => {
  if (slot.centerId !== center.id) return fail('SLOT_NOT_FOUND', undefined, slot.id);
  if (!centerTakesItem(center, itemCode)) return fail('CENTER_NOT_TAKING_ITEM', undefined, `${center.id} ${itemCode}`);
  if (msBetween(now, slot.startAt) <= 0) return fail('SLOT_PAST', undefined, slot.id);
  return null;
};

/** What a new booking is made of besides the slot and the item. */
export type BookingParty = { id: string; code: string; userId: string; companyId?: string; nameMasked?: string; requestId?: string; now: string };

/** A new booking of a slot for an item. */
export const newBooking = (slot: Slot, item: Pick<Item, 'code' | 'name'>, p: BookingParty): Booking => ({
  id: p.id,
  version: 1,
  code: p.code,
  slotId: slot.id,
  centerId: slot.centerId,
  date: slot.date,
  start: slot.start,
  end: slot.end,
  startAt: slot.startAt,
  endAt: slot.endAt,
  itemCode: item.code,
  itemName: item.name,
  userId: p.userId,
  ...(p.companyId ? { companyId: p.companyId } : {}),
  ...(p.nameMasked ? { nameMasked: p.nameMasked } : {}),
  ...(p.requestId ? { requestId: p.requestId } : {}),
  state: 'booked',
  createdAt: p.now,
});

const active = (b: Booking): Result<never> | null => (b.state === 'booked' ? null : fail('BOOKING_NOT_ACTIVE', undefined, `${b.id} is ${b.state}`));

/** The booking cancelled by its holder: only while booked, and up to one hour before its start. */
export const cancelled = (b: Booking, now: string): Result<Booking> =>
  active(b) ??
  (msBetween(now, b.startAt) < CANCEL_BEFORE_MS ? fail('CANCEL_TOO_LATE') : ok({ ...b, version: b.version + 1, state: 'cancelled', cancelledAt: now }));

/** The booking checked in by a clerk of its center: only while booked and on the slot's own day. */
export const checkedIn = (b: Booking, clerkId: string, now: string): Result<Booking> =>
  active(b) ??
  (chinaDateOf(now) !== b.date ? fail('BOOKING_NOT_TODAY') : ok({ ...b, version: b.version + 1, state: 'checked_in', checkedInAt: now, checkedInBy: clerkId }));

/** The booking marked a no-show by a clerk of its center, once its slot has ended. */
export const markedNoShow = (b: Booking, clerkId: string, now: string): Result<Booking> =>
  active(b) ??
  (msBetween(b.endAt, now) < 0 ? fail('NO_SHOW_TOO_EARLY') : ok({ ...b, version: b.version + 1, state: 'no_show', noShowAt: now, noShowBy: clerkId }));

/**
 * Until when a person may not book online: `limit` no-shows within `windowDays` block booking for
 * `blockDays` from the no-show that completed them. Answers the latest such end still after `now`, or null.
 * `noShows` are the instants of the slots the person missed (their starts), in any order.
 */
export const blockedUntil = (noShows: readonly string[], now: string, rule: NoShowRule): string | null => {
  const times = noShows.map((t) => Date.parse(t)).sort((a, b) => a - b);
  const nowMs = Date.parse(now);
  let until: number | null = null;
  for (let i = rule.limit - 1; i < times.length; i++) {
    if (times[i] - times[i - rule.limit + 1] > rule.windowDays * DAY_MS) continue;
    const end = times[i] + rule.blockDays * DAY_MS;
    if (end > nowMs && (until === null || end > until)) until = end;
  }
  return until === null ? null : new Date(until).toISOString();
};

/** How far back the no-shows that can still block a person reach, as a China date. */
export const noShowLookbackFrom = (now: string, rule: NoShowRule): string =>
  addChinaDays(chinaDateOf(now) ?? '1970-01-01', -(rule.windowDays + rule.blockDays + 1));

/** The navigation link of a center: a 高德地图 marker (uri.amap.com), which opens the map app where installed. */
export const navigationLinkOf = (c: Pick<Center, 'name' | 'location'>): string =>
  `https://uri.amap.com/marker?position=${c.location.lng},${c.location.lat}&name=${encodeURIComponent(c.name)}&src=zoucheng-tongban&coordinate=wgs84&callnative=1`;

/** What to bring to the counter, from the item's materials: every paper original and copy, the required first. */
export const whatToBring = (item: Pick<Item, 'materials'>) =>
  [...item.materials]
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((m) => ({ name: m.name, paper: m.paper, copies: m.copies, required: m.required, ...(m.note ? { note: m.note } : {}) }));
