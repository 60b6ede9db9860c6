/**
 * Booking reminders, once each: the day before (any run on the China day before the visit) and in
 * the hour before it. Each notice's id names the booking and the reminder, so a later run, or two
 * runs at once, find it queued already (a DUPLICATE), never a second message. Cancelled and
 * checked-in bookings get none; on WeChat the outbox entry goes out as a subscribe message.
 */
import { addChinaDays, chinaDateOf, endOfChinaDay } from '../../shared/china.time';
import type { Booking } from '../../shared/booking.schema';
import type { Deps } from '../core/services/context';

/** The outbox kind of a booking reminder (its subscribe template is ZC_TEMPLATE_BOOKING). */
export const BOOKING_NOTICE_KIND = 'booking';
const PAGE = 200;
const HOUR_MS = 3_600_000;

type ReminderDeps = Pick<Deps, 'bookings' | 'outbox' | 'now' | 'catalogue'>;
type Which = 'day' | 'hour';

/** The outbox id of a booking's reminder. */
export const reminderIdOf = (bookingId: string, which: Which): string => `notice-booking-${bookingId}-${which}`;

const bodyOf = async (deps: ReminderDeps, b: Booking, which: Which): Promise<string> => {
  const center = (await deps.catalogue.directory()).byId.get(b.centerId);
  const when = which === 'day' ? `明天（${b.date}）${b.start}` : `今天 ${b.start}`;
  return `您预约了${when}到${center?.name ?? '服务中心'}办理“${b.itemName}”，预约码 ${b.code}。请带齐材料按时到达；不能前往请提前1小时取消。`;
};

/** Queues the reminder of every booked booking starting in (from, to]; answers how many were new. */
const queueWindow = async (deps: ReminderDeps, from: string, to: string, which: Which): Promise<number> => {
  let queued = 0;
  let after: { startAt: string; id: string } | undefined;
  for (;;) {
    const page = await deps.bookings.bookingsStarting(from, to, PAGE, after);
    for (const b of page) {
      const added = await deps.outbox.addOutbox({
        id: reminderIdOf(b.id, which),
        version: 1,
        to: { userId: b.userId },
        kind: BOOKING_NOTICE_KIND,
        title: which === 'day' ? '明天有预约' : '预约即将开始',
        body: await bodyOf(deps, b, which),
        createdAt: deps.now().toISOString(),
        state: 'pending',
        attempts: 0,
      });
      if (added.ok) queued += 1;
      else if (added.error.code !== 'DUPLICATE') throw new Error(`booking reminder ${b.id}: ${added.error.code}`);
    }
    if (page.length < PAGE) return queued;
    after = { startAt: page[page.length - 1].startAt, id: page[page.length - 1].id };
  }
};

/** Queues the day-before reminders of tomorrow's bookings and the hour-before ones of the next hour. */
export const queueBookingReminders = async (deps: ReminderDeps): Promise<{ day: number; hour: number }> => {
  const now = deps.now().toISOString();
  const today = chinaDateOf(now)!;
  const day = await queueWindow(deps, endOfChinaDay(today), endOfChinaDay(addChinaDays(today, 1)), 'day');
  const hour = await queueWindow(deps, now, new Date(Date.parse(now) + HOUR_MS).toISOString(), 'hour');
  return { day, hour };
};
