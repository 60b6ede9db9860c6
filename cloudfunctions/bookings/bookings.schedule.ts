/**
 * bookings: the weekly schedule of a center and its exceptions, set by the center's clerk or the
 * administrator, checked against the holiday calendar (no exception opens a holiday), with the next
 * 14 days as they will be offered.
 */
import { AppError } from '../../shared/errors';
import { chinaDateOf } from '../../shared/china.time';
import { BOOKING_HORIZON_DAYS, type BookingSchedule } from '../../shared/booking.schema';
import { checkBookingSchedule, emptySchedule, slotsBetween } from '../../shared/booking.slots';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type Ctx } from '../core/services/context';
import { centerOf, workCenterId } from './bookings.views';

/** The schedule answer: the stored schedule, and the next days as residents will see them. */
const answer = async (ctx: Ctx, centerId: string, schedule: BookingSchedule | null) => {
  const center = await centerOf(ctx, centerId);
  const { slots, coveredUntil } = slotsBetween(
    schedule ?? emptySchedule(centerId, 'none', nowIso(ctx)),
    chinaDateOf(nowIso(ctx))!,
    BOOKING_HORIZON_DAYS,
    ctx.deps.calendar,
  );
  return { centerId, centerName: center.name, schedule, preview: slots, coveredUntil };
};

export const scheduleHandlers: Pick<Handlers<'bookings'>, 'getSchedule' | 'setSchedule'> = {
  async getSchedule(ctx, { centerId: asked }) {
    const user = requireRole(ctx, 'clerk', 'admin');
    const centerId = workCenterId(user, asked);
    return answer(ctx, centerId, await ctx.deps.bookings.getBookingSchedule(centerId));
  },

  async setSchedule(ctx, { centerId: asked, version, ...fields }) {
    const user = requireRole(ctx, 'clerk', 'admin');
    const centerId = workCenterId(user, asked);
    await centerOf(ctx, centerId);
    const checked = unwrap(checkBookingSchedule(fields, ctx.deps.calendar));
    const at = nowIso(ctx);
    const next: BookingSchedule = { id: centerId, version: (version ?? 0) + 1, centerId, ...checked, updatedBy: user.id, updatedAt: at };
    const written = await ctx.deps.bookings.putBookingSchedule(next, version);
    // a schedule someone else set meanwhile is a conflict to look at, not one to overwrite
    if (!written.ok && written.error.code === 'DUPLICATE') throw new AppError('CONFLICT');
    unwrap(written);
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(user),
      action: 'booking.schedule',
      centerId,
      note: `周一至周五 ${checked.week.map((d) => d.length).join('/')} 个时段，例外 ${checked.exceptions.length} 天`,
    });
    return answer(ctx, centerId, next);
  },
};
