/**
 * bookings: what the answers carry besides the stored booking: the center with its address and
 * navigation link, what to bring from the item's materials, and until when it can be cancelled;
 * and who may see a booking.
 */
import { AppError } from '../../shared/errors';
import type { Center } from '../../shared/directory.schema';
import type { Booking } from '../../shared/booking.schema';
import { CANCEL_BEFORE_MS } from '../../shared/booking.schema';
import { navigationLinkOf, whatToBring } from '../../shared/booking.rules';
import type { BookingView, DayBooking } from '../../shared/api.schema';
import type { CtxWith } from '../core/services/context';
import type { UserRecord } from '../core/stores/user.port';

type ViewCtx = CtxWith<'catalogue'>;

/** The center as a booking answer carries it. */
export const bookingCenterOf = (c: Center): BookingView['center'] => ({
  id: c.id,
  name: c.name,
  address: c.address,
  phone: c.phone,
  hours: c.hours,
  location: c.location,
  kind: c.kind,
  navigationUrl: navigationLinkOf(c),
});

/** The center of an id from the catalogue cache, or CENTER_NOT_FOUND. */
export const centerOf = async (ctx: ViewCtx, centerId: string): Promise<Center> => {
  const center = (await ctx.deps.catalogue.directory()).byId.get(centerId);
  if (!center) throw new AppError('CENTER_NOT_FOUND', undefined, centerId);
  return center;
};

/** A booking as its holder sees it. A center or item since removed from the lists still shows what is known. */
export const bookingView = async (ctx: ViewCtx, b: Booking): Promise<BookingView> => {
  const center = await centerOf(ctx, b.centerId);
  const item = await ctx.deps.catalogue.item(b.itemCode);
  return {
    ...b,
    center: bookingCenterOf(center),
    bring: item ? whatToBring(item) : [],
    cancelUntil: new Date(Date.parse(b.startAt) - CANCEL_BEFORE_MS).toISOString(),
  };
};

/** A booking in the clerk's list of the day. */
export const dayBookingOf = (b: Booking): DayBooking => ({
  id: b.id,
  version: b.version,
  code: b.code,
  date: b.date,
  start: b.start,
  end: b.end,
  startAt: b.startAt,
  endAt: b.endAt,
  itemCode: b.itemCode,
  itemName: b.itemName,
  ...(b.nameMasked ? { nameMasked: b.nameMasked } : {}),
  ...(b.requestId ? { requestId: b.requestId } : {}),
  state: b.state,
  ...(b.checkedInAt ? { checkedInAt: b.checkedInAt } : {}),
});

/** Whether a user may see a booking: its holder, a member of its company, a clerk of its center, an administrator. */
export const maySee = (user: UserRecord, b: Booking): boolean =>
  b.userId === user.id ||
  (user.role === 'company' && !!b.companyId && b.companyId === user.companyId) ||
  (user.role === 'clerk' && user.centerId === b.centerId) ||
  user.role === 'admin';

/** The center a clerk or an administrator works on: the clerk's own (another is FORBIDDEN), the one an administrator names. */
export const workCenterId = (user: UserRecord, asked?: string): string => {
  if (user.role === 'clerk') {
    if (!user.centerId || (asked && asked !== user.centerId)) throw new AppError('FORBIDDEN');
    return user.centerId;
  }
  if (!asked) throw new AppError('VALIDATION_FAILED', { centerId: '请选择服务中心' });
  return asked;
};

/** A code as typed or scanned, in the form codes are made: upper case, letters and digits only. */
export const normalizeCode = (raw: string): string => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
