/**
 * The booking rules: a center that does not take the item, a slot begun or past, cancelling up to
 * an hour before, checking in on the day only, no-shows after the slot, and the no-show block.
 */
import { blockedUntil, bookingRefusal, cancelled, checkedIn, markedNoShow, newBooking, whatToBring, navigationLinkOf } from './booking.rules';
import { DEFAULT_NO_SHOW_RULE, type Slot } from './booking.schema';

const slot: Slot = {
  id: 'ts-001~2026-10-08~0900',
  centerId: 'ts-001',
  date: '2026-10-08',
  start: '09:00',
  end: '10:00',
  startAt: '2026-10-08T01:00:00.000Z',
  endAt: '2026-10-08T02:00:00.000Z',
  capacity: 3,
};
const center = { id: 'ts-001', offers: ['ZC-T-0001'] };
const booked = newBooking(
  slot,
  { code: 'ZC-T-0001', name: '最低生活保障审核确认' },
  { id: 'bk-1', code: 'ABC234', userId: 'res-1', now: '2026-10-01T00:00:00.000Z' },
);
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const day = (d: string) => `${d}T01:00:00.000Z`;

describe('booking a slot', () => {
  it('refuses a center that does not take the item, a slot that has begun, and a slot of another center', () => {
    expect(bookingRefusal(slot, center, 'ZC-T-0001', '2026-10-07T12:00:00.000Z')).toBeNull();
    expect(codeOf(bookingRefusal(slot, center, 'ZC-C-0001', '2026-10-07T12:00:00.000Z')!)).toBe('CENTER_NOT_TAKING_ITEM');
    expect(codeOf(bookingRefusal(slot, center, 'ZC-T-0001', slot.startAt)!)).toBe('SLOT_PAST');
    expect(codeOf(bookingRefusal(slot, { ...center, id: 'ts-002' }, 'ZC-T-0001', '2026-10-07T12:00:00.000Z')!)).toBe('SLOT_NOT_FOUND');
  });

  it('a new booking carries the slot, the item and the code, booked', () => {
    expect(booked).toMatchObject({ version: 1, state: 'booked', slotId: slot.id, date: '2026-10-08', itemName: '最低生活保障审核确认', code: 'ABC234' });
  });
});

describe('after booking', () => {
  it('cancels up to one hour before the start, not later, and only once', () => {
    const gone = cancelled(booked, '2026-10-08T00:00:00.000Z');
    expect(gone).toMatchObject({ ok: true, value: { state: 'cancelled', version: 2, cancelledAt: '2026-10-08T00:00:00.000Z' } });
    expect(codeOf(cancelled(booked, '2026-10-08T00:00:00.001Z'))).toBe('CANCEL_TOO_LATE');
    expect(gone.ok && codeOf(cancelled(gone.value, '2026-10-01T00:00:00.000Z'))).toBe('BOOKING_NOT_ACTIVE');
  });

  it('checks in on the slot’s China day only', () => {
    expect(checkedIn(booked, 'clerk-1', '2026-10-08T00:30:00.000Z')).toMatchObject({ ok: true, value: { state: 'checked_in', checkedInBy: 'clerk-1' } });
    // 2026-10-07T16:30Z is 00:30 on the 8th in China
    expect(codeOf(checkedIn(booked, 'clerk-1', '2026-10-07T16:30:00.000Z'))).toBe('ok');
    expect(codeOf(checkedIn(booked, 'clerk-1', '2026-10-07T15:59:00.000Z'))).toBe('BOOKING_NOT_TODAY');
    expect(codeOf(checkedIn(booked, 'clerk-1', '2026-10-08T16:00:00.000Z'))).toBe('BOOKING_NOT_TODAY');
  });

  it('marks a no-show only once the slot has ended, and never after a check-in', () => {
    expect(codeOf(markedNoShow(booked, 'clerk-1', '2026-10-08T01:59:59.999Z'))).toBe('NO_SHOW_TOO_EARLY');
    expect(markedNoShow(booked, 'clerk-1', slot.endAt)).toMatchObject({ ok: true, value: { state: 'no_show', noShowBy: 'clerk-1' } });
    const inside = checkedIn(booked, 'clerk-1', '2026-10-08T01:10:00.000Z');
    expect(inside.ok && codeOf(markedNoShow(inside.value, 'clerk-1', '2026-10-08T03:00:00.000Z'))).toBe('BOOKING_NOT_ACTIVE');
  });
});

describe('the no-show rule: 3 in 90 days block online booking for 30 days', () => {
  const rule = DEFAULT_NO_SHOW_RULE;

  it('two no-shows never block; the third within 90 days blocks for 30 days from it', () => {
    expect(blockedUntil([day('2026-06-01'), day('2026-07-01')], day('2026-07-02'), rule)).toBeNull();
    const three = [day('2026-06-01'), day('2026-07-01'), day('2026-08-29')];
    expect(blockedUntil(three, day('2026-08-30'), rule)).toBe(day('2026-09-28'));
    expect(blockedUntil(three, day('2026-09-27'), rule)).toBe(day('2026-09-28'));
    expect(blockedUntil(three, day('2026-09-28'), rule)).toBeNull();
  });

  it('three spread over more than 90 days do not block; a fourth that completes a window does', () => {
    const spread = [day('2026-01-01'), day('2026-03-01'), day('2026-04-02')];
    expect(blockedUntil(spread, day('2026-04-03'), rule)).toBeNull();
    expect(blockedUntil([...spread, day('2026-04-10')], day('2026-04-11'), rule)).toBe(day('2026-05-10'));
  });

  it('the numbers are configurable', () => {
    const strict = { limit: 2, windowDays: 30, blockDays: 7 };
    expect(blockedUntil([day('2026-06-01'), day('2026-06-20')], day('2026-06-21'), strict)).toBe(day('2026-06-27'));
    expect(blockedUntil([day('2026-06-01'), day('2026-07-20')], day('2026-07-21'), strict)).toBeNull();
    expect(blockedUntil([day('2026-06-01')], '2026-06-01T12:00:00.000Z', { limit: 1, windowDays: 1, blockDays: 1 })).toBe(day('2026-06-02'));
  });
});

describe('what the answer carries', () => {
  it('what to bring lists the required materials first, with paper originals and copies', () => {
    const bring = whatToBring({
      materials: [
        { name: '户口簿', paper: true, copies: 1, required: false },
        { name: '身份证', paper: true, copies: 0, required: true, note: '原件' },
      ],
    });
    expect(bring).toEqual([
      { name: '身份证', paper: true, copies: 0, required: true, note: '原件' },
      { name: '户口簿', paper: true, copies: 1, required: false },
    ]);
  });

  it('the navigation link is a 高德地图 marker at the center', () => {
    expect(navigationLinkOf({ name: '钢山街道为民服务中心', location: { lat: 35.4, lng: 116.97, approximate: true } })).toBe(
      'https://uri.amap.com/marker?position=116.97,35.4&name=%E9%92%A2%E5%B1%B1%E8%A1%97%E9%81%93%E4%B8%BA%E6%B0%91%E6%9C%8D%E5%8A%A1%E4%B8%AD%E5%BF%83&src=zoucheng-tongban&coordinate=wgs84&callnative=1',
    );
  });
});
