/**
 * bookings (预约): a center's slots on working days, booking one for an item (residents and company
 * members), the holder's list and cancelling, and the counter: the day's bookings, check-in by code,
 * no-shows. Capacity and one booking per person, item and day are kept by the store atomically.
 */
import { BookingsInput, BookingsOutput } from '../../shared/api.booking.schema';
import { AppError, type Result } from '../../shared/errors';
import { addChinaDays, chinaDateOf, msBetween } from '../../shared/china.time';
import { BOOKING_HORIZON_DAYS, type Booking } from '../../shared/booking.schema';
import { blockedUntil, bookingRefusal, cancelled, checkedIn, markedNoShow, newBooking, noShowLookbackFrom } from '../../shared/booking.rules';
import { emptySchedule, parseSlotId, slotById, slotsBetween } from '../../shared/booking.slots';
import { OPEN_STATES } from '../../shared/queue';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import { auditListRead } from '../core/services/read.audit';
import type { UserRecord } from '../core/stores/user.port';
import { bookingCenterOf, bookingView, centerOf, dayBookingOf, maySee, normalizeCode, workCenterId } from './bookings.views';
import { scheduleHandlers } from './bookings.schedule';

const today = (ctx: Ctx) => chinaDateOf(nowIso(ctx))!;

/** Until when the user may not book online for their no-shows, or null. */
const blockOf = async (ctx: CtxWith<'bookings' | 'now' | 'noShowRule'>, userId: string): Promise<string | null> => {
  const now = nowIso(ctx);
  const missed = await ctx.deps.bookings.listBookings(
    { userId, state: 'no_show', fromDate: noShowLookbackFrom(now, ctx.deps.noShowRule) },
    { page: 1, pageSize: 100 },
  );
  return blockedUntil(
    missed.items.map((b) => b.startAt),
    now,
    ctx.deps.noShowRule,
  );
};

/** The open request a visit is for: the caller's own (or their company's), of the same item. */
const requestFor = async (ctx: Ctx, user: UserRecord, requestId: string, itemCode: string) => {
  const r = await ctx.deps.requests.getRequest(requestId);
  const own = r && (r.applicant.userId === user.id || (!!r.applicant.companyId && r.applicant.companyId === user.companyId));
  if (!r || !own) throw new AppError('NOT_FOUND', undefined, `request ${requestId}`);
  if (r.itemCode !== itemCode) throw new AppError('VALIDATION_FAILED', { requestId: '这件办件不是这个事项的' });
  if (!OPEN_STATES.includes(r.state)) throw new AppError('ILLEGAL_TRANSITION', undefined, `request ${requestId} is ${r.state}`);
  return r;
};

/** The booking of an id the caller may see, or NOT_FOUND (a booking of someone else does not exist for them). */
const visibleBooking = async (ctx: Ctx, user: UserRecord, id: string): Promise<Booking> => {
  const b = await ctx.deps.bookings.getBooking(id);
  if (!b || !maySee(user, b)) throw new AppError('NOT_FOUND', undefined, `booking ${id}`);
  return b;
};

/** A booking the clerk's center holds, else NOT_FOUND; a stale version is a CONFLICT before any rule. */
const counterBooking = async (ctx: Ctx, clerk: UserRecord, b: Booking | null, version?: number): Promise<Booking> => {
  if (!b || b.centerId !== clerk.centerId) throw new AppError('NOT_FOUND', undefined, 'booking');
  if (version !== undefined && b.version !== version) throw new AppError('CONFLICT');
  return b;
};

const saved = async (ctx: Ctx, user: UserRecord, next: Result<Booking>, expected: number, action: string): Promise<Booking> => {
  const b = unwrap(next);
  unwrap(await ctx.deps.bookings.updateBooking(b, expected));
  await ctx.deps.audit.appendAudit({
    at: nowIso(ctx),
    actor: actorOf(user),
    action,
    centerId: b.centerId,
    ids: [b.id],
    note: `${b.date} ${b.start} ${b.itemCode}`,
  });
  return b;
};

export const bookings = defineFunction(
  'bookings',
  { input: BookingsInput, output: BookingsOutput },
  {
    async slots(ctx, { centerId, from, days }) {
      const center = await centerOf(ctx, centerId);
      const first = today(ctx);
      const start = from && from > first ? from : first;
      const last = addChinaDays(first, BOOKING_HORIZON_DAYS - 1);
      const span = Math.max(0, Math.min(days, Math.round(msBetween(`${start}T00:00:00.000Z`, `${last}T00:00:00.000Z`) / 86_400_000) + 1));
      const schedule = (await ctx.deps.bookings.getBookingSchedule(centerId)) ?? emptySchedule(centerId, 'none', nowIso(ctx));
      const { slots, coveredUntil } = slotsBetween(schedule, start, span, ctx.deps.calendar);
      const taken = slots.length ? await ctx.deps.bookings.slotsTaken(centerId, start, addChinaDays(start, span - 1)) : {};
      const now = nowIso(ctx);
      const user = ctx.caller.user;
      const blocked = user && (user.role === 'resident' || user.role === 'company') ? await blockOf(ctx, user.id) : null;
      return {
        center: bookingCenterOf(center),
        slots: slots.map((s) => {
          const left = Math.max(0, s.capacity - (taken[s.id] ?? 0));
          return { ...s, left, state: msBetween(now, s.startAt) <= 0 ? ('past' as const) : left === 0 ? ('full' as const) : ('open' as const) };
        }),
        coveredUntil,
        ...(blocked ? { blockedUntil: blocked } : {}),
      };
    },

    async book(ctx, { slotId, itemCode, requestId }) {
      const user = requireRole(ctx, 'resident', 'company');
      const parts = parseSlotId(slotId);
      if (!parts) throw new AppError('SLOT_NOT_FOUND', undefined, slotId);
      const center = await centerOf(ctx, parts.centerId);
      const item = await ctx.deps.catalogue.item(itemCode);
      if (!item) throw new AppError('ITEM_NOT_FOUND', undefined, itemCode);
      const schedule = await ctx.deps.bookings.getBookingSchedule(center.id);
      if (!schedule || parts.date > addChinaDays(today(ctx), BOOKING_HORIZON_DAYS - 1)) throw new AppError('SLOT_NOT_FOUND', undefined, slotId);
      const slot = unwrap(slotById(schedule, slotId, ctx.deps.calendar));
      const refusal = bookingRefusal(slot, center, item.code, nowIso(ctx));
      if (refusal) unwrap(refusal);
      const blocked = await blockOf(ctx, user.id);
      if (blocked) throw new AppError('BOOKING_BLOCKED', undefined, `until ${blocked}`);
      if (requestId) await requestFor(ctx, user, requestId, item.code);
      const party = { userId: user.id, companyId: user.companyId, nameMasked: user.nameMasked, requestId, now: nowIso(ctx) };
      // a code already taken (one in a billion) is made again
      let stored: Result<Booking> | null = null;
      for (let attempt = 0; attempt < 3 && (!stored || (!stored.ok && stored.error.code === 'DUPLICATE')); attempt++) {
        stored = await ctx.deps.bookings.book(newBooking(slot, item, { ...party, id: ctx.deps.newId('bk'), code: ctx.deps.newCode() }), slot.capacity);
      }
      const booking = unwrap(stored!);
      await ctx.deps.audit.appendAudit({
        at: nowIso(ctx),
        actor: actorOf(user),
        action: 'booking.book',
        centerId: center.id,
        ids: [booking.id],
        ...(requestId ? { requestId } : {}),
        note: `${booking.date} ${booking.start} ${booking.itemCode}`,
      });
      return { booking: await bookingView(ctx, booking) };
    },

    async mine(ctx, { page, pageSize }) {
      const user = requireRole(ctx, 'resident', 'company');
      const res = await ctx.deps.bookings.listBookings({ userId: user.id, newestFirst: true }, { page, pageSize });
      return { ...res, items: await Promise.all(res.items.map((b) => bookingView(ctx, b))) };
    },

    async get(ctx, { id }) {
      const user = requireRole(ctx, 'resident', 'company', 'clerk', 'admin');
      return { booking: await bookingView(ctx, await visibleBooking(ctx, user, id)) };
    },

    async cancel(ctx, { id, version }) {
      const user = requireRole(ctx, 'resident', 'company');
      const b = await ctx.deps.bookings.getBooking(id);
      if (!b || b.userId !== user.id) throw new AppError('NOT_FOUND', undefined, `booking ${id}`);
      if (b.version !== version) throw new AppError('CONFLICT');
      return { booking: await bookingView(ctx, await saved(ctx, user, cancelled(b, nowIso(ctx)), b.version, 'booking.cancel')) };
    },

    async day(ctx, { centerId: asked, date, page, pageSize }) {
      const user = requireRole(ctx, 'clerk', 'admin');
      const centerId = workCenterId(user, asked);
      const center = await centerOf(ctx, centerId);
      const day = date ?? today(ctx);
      const res = await ctx.deps.bookings.listBookings({ centerId, date: day }, { page, pageSize });
      await auditListRead(
        ctx,
        user,
        'list.bookings.day',
        { centerId, date: day, page, pageSize },
        res.items.map((b) => b.id),
      );
      return { ...res, items: res.items.map(dayBookingOf), centerId, centerName: center.name, date: day };
    },

    async checkIn(ctx, { code }) {
      const clerk = requireRole(ctx, 'clerk');
      const b = await counterBooking(ctx, clerk, await ctx.deps.bookings.findBookingByCode(normalizeCode(code)));
      return { booking: dayBookingOf(await saved(ctx, clerk, checkedIn(b, clerk.id, nowIso(ctx)), b.version, 'booking.checkIn')) };
    },

    async noShow(ctx, { id, version }) {
      const clerk = requireRole(ctx, 'clerk');
      const b = await counterBooking(ctx, clerk, await ctx.deps.bookings.getBooking(id), version);
      return { booking: dayBookingOf(await saved(ctx, clerk, markedNoShow(b, clerk.id, nowIso(ctx)), b.version, 'booking.noShow')) };
    },

    ...scheduleHandlers,
  },
);
