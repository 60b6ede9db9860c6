/** Bookings (预约): a center's slots, booking and cancelling, the resident's list, and the counter's day. */
import type { BookingView, DayBooking } from '@shared/api.schema';
import { call } from '../services/api';
import { useQuery } from './useQuery';

/** The slots of a center for the next 14 days. */
export const useSlots = (centerId: string) => useQuery(() => (centerId ? call('bookings', 'slots', { centerId }, { toast: false }) : null), [centerId]);

/** One booking of the caller (or of the clerk's center). */
export const useBooking = (id: string) => useQuery(() => (id ? call('bookings', 'get', { id }, { toast: false }) : null), [id]);

/** The caller's bookings, latest first. */
export const useMyBookings = (signedIn: boolean) =>
  useQuery(() => (signedIn ? call('bookings', 'mine', { pageSize: 50 }, { toast: false }) : null), [signedIn]);

/** Books a slot for an item; the booking, or null (a toast has said why). */
export const bookSlot = async (slotId: string, itemCode: string, requestId?: string): Promise<BookingView | null> => {
  const a = await call('bookings', 'book', { slotId, itemCode, ...(requestId ? { requestId } : {}) }, { loading: '正在预约' });
  return a.ok ? a.data.booking : null;
};

/** Cancels a booking; the cancelled booking, or null. */
export const cancelBooking = async (b: Pick<BookingView, 'id' | 'version'>): Promise<BookingView | null> => {
  const a = await call('bookings', 'cancel', { id: b.id, version: b.version }, { loading: '正在取消' });
  return a.ok ? a.data.booking : null;
};

/** The day's bookings at the clerk's center. */
export const useDayBookings = (date?: string) =>
  useQuery(() => call('bookings', 'day', { pageSize: 100, ...(date ? { date } : {}) }, { toast: false }), [date]);

/** Checks a person in by the code they show; the booking, or null. */
export const checkInByCode = async (code: string): Promise<DayBooking | null> => {
  const a = await call('bookings', 'checkIn', { code }, { loading: '正在签到' });
  return a.ok ? a.data.booking : null;
};

/** Marks a booking a no-show after its slot; the booking, or null. */
export const markNoShow = async (b: Pick<DayBooking, 'id' | 'version'>): Promise<DayBooking | null> => {
  const a = await call('bookings', 'noShow', { id: b.id, version: b.version }, { loading: '正在记录' });
  return a.ok ? a.data.booking : null;
};

/** A center's booking schedule (the clerk's own; an administrator names the center). */
export const useSchedule = (centerId?: string, enabled = true) =>
  useQuery(() => (enabled ? call('bookings', 'getSchedule', centerId ? { centerId } : {}, { toast: false }) : null), [centerId, enabled]);
