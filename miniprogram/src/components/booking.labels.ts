/** Words and times of bookings as the pages show them. */
import type { BookingState } from '@shared/booking.schema';

export const BOOKING_STATE_ZH_CN: Record<BookingState, string> = {
  booked: '已预约',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到',
};

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 10月8日 周四 */
export const dayLabel = (date: string): string => {
  const d = new Date(`${date}T00:00:00.000Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`;
};

/** The China wall-clock time of an instant, 10月8日 08:00. */
export const chinaClock = (iso: string): string => {
  const t = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
};

/** A booking code in two groups of three, easier to read out: ABC 234. */
export const spacedCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;
