/**
 * Bookings through the handlers, on both stores: slots across National Day 2026 and a make-up
 * working day, booking with its code, center and materials, the coded refusals (full, past, a
 * center that does not take the item, a double booking, a holiday), cancelling, the counter's
 * check-in and no-shows, the no-show block, access, the reminders, and the capacity race.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { cn } from '../support/clock';
import { queueBookingReminders, reminderIdOf } from '../../cloudfunctions/scheduler/booking.reminders';
import { messageFor } from '../../shared/messages.zh-CN';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';
import { filledForm, validIdNumber } from '../support/sample.people';

const TS = loadSampleCenters().find((c) => c.id === 'ts-001')!;
const ITEM = loadSampleItems().find((i) => i.code === 'ZC-T-0001')!;
const COMPANY_ITEM = 'ZC-T-0070';
const NOT_HERE = loadSampleItems().find((i) => !TS.offers.includes(i.code))!.code;
const am = { start: '09:00', end: '12:00', capacity: 20 };
const pm = { start: '13:30', end: '17:00', capacity: 20 };
const WEEK = [[am, pm], [am, pm], [am, pm], [am, pm], [am]];

describe.each<StoreKind>(['sqlite', 'cloudbase'])('bookings on the %s store', (kind) => {
  let h: Harness;
  let clerk: string;
  let otherClerk: string;
  let admin: string;
  const resident = () => h.login('resident', { villageId: 'v-001-001' });
  const slotId = (date: string, start = '09:00') => `ts-001~${date}~${start.replace(':', '')}`;
  const book = (who: string, date: string, start = '09:00', itemCode = ITEM.code) => h.call('bookings', 'book', { slotId: slotId(date, start), itemCode }, who);
  const codeOf = (e: { ok: boolean; error?: { code: string } }) => (e.ok ? 'ok' : e.error!.code);

  beforeAll(async () => {
    // Monday 28 September 2026, 09:00 in China
    h = await makeHarness(kind, cn('2026-09-28T09:00:00'));
    clerk = await h.login('clerk', { centerId: 'ts-001' });
    otherClerk = await h.login('clerk', { centerId: 'ts-002' });
    admin = await h.login('admin');
    await h.ok(
      'bookings',
      'setSchedule',
      { week: WEEK, exceptions: [{ date: '2026-09-30', periods: [{ start: '09:00', end: '10:00', capacity: 1 }] }] },
      clerk,
    );
  });
  afterAll(() => h.close());

  it('slots skip National Day (1–7 October) and the weekend, and open on the make-up Saturday 10 October', async () => {
    const { slots, center, coveredUntil } = await h.ok('bookings', 'slots', { centerId: 'ts-001' });
    const dates = [...new Set(slots.map((s: { date: string }) => s.date))];
    expect(dates).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(coveredUntil).toBe('2026-10-11');
    expect(center).toMatchObject({ id: 'ts-001', address: TS.address });
    // 09:00 today has begun
    expect(slots[0]).toMatchObject({ id: slotId('2026-09-28'), state: 'past', left: 20 });
    expect(slots[1]).toMatchObject({ id: slotId('2026-09-28', '13:30'), state: 'open' });
    expect(slots.find((s: { date: string }) => s.date === '2026-09-30')).toMatchObject({ capacity: 1, start: '09:00', end: '10:00' });
  });

  it('a resident books: a short code, the center with address and navigation, and what to bring', async () => {
    const me = await resident();
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-10-08'), itemCode: ITEM.code }, me);
    expect(booking.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(booking).toMatchObject({
      state: 'booked',
      date: '2026-10-08',
      start: '09:00',
      end: '12:00',
      itemName: ITEM.name,
      cancelUntil: cn('2026-10-08T08:00:00'),
    });
    expect(booking.center).toMatchObject({ name: TS.name, address: TS.address, phone: TS.phone });
    expect(booking.center.navigationUrl).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=/);
    expect(booking.bring.map((m: { name: string }) => m.name).sort()).toEqual(ITEM.materials.map((m) => m.name).sort());
    const { slots } = await h.ok('bookings', 'slots', { centerId: 'ts-001', from: '2026-10-08', days: 1 }, me);
    expect(slots[0]).toMatchObject({ left: 19, state: 'open' });
    expect((await h.ok('bookings', 'mine', {}, me)).items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    expect((await h.ok('bookings', 'get', { id: booking.id }, me)).booking.code).toBe(booking.code);
  });

  it('refuses a full slot, a begun slot, a center that does not take the item, a double booking and a holiday, in Chinese', async () => {
    const [a, b] = [await resident(), await resident()];
    expect(codeOf(await book(a, '2026-09-30'))).toBe('ok');
    const full = await book(b, '2026-09-30');
    expect(full).toMatchObject({ ok: false, error: { code: 'SLOT_FULL', message: messageFor('SLOT_FULL') } });
    expect(codeOf(await book(b, '2026-09-28'))).toBe('SLOT_PAST');
    expect(await book(b, '2026-10-08', '09:00', NOT_HERE)).toMatchObject({
      ok: false,
      error: { code: 'CENTER_NOT_TAKING_ITEM', message: '这个服务中心不办理这个事项，请换一个中心预约' },
    });
    expect(codeOf(await book(b, '2026-10-08'))).toBe('ok');
    expect(await book(b, '2026-10-08', '13:30')).toMatchObject({ ok: false, error: { code: 'DOUBLE_BOOKING', message: messageFor('DOUBLE_BOOKING') } });
    expect(codeOf(await book(b, '2026-10-02'))).toBe('SLOT_NOT_FOUND');
    expect(codeOf(await book(b, '2026-10-09', '10:00'))).toBe('SLOT_NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'book', { slotId: 'not a slot', itemCode: ITEM.code }, b))).toBe('SLOT_NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'book', { slotId: slotId('2026-10-09'), itemCode: 'ZC-X-9999' }, b))).toBe('ITEM_NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'book', { slotId: slotId('2026-10-09') }, b))).toBe('VALIDATION_FAILED');
    expect(codeOf(await h.call('bookings', 'book', { slotId: slotId('2026-10-09'), itemCode: ITEM.code }, null))).toBe('UNAUTHENTICATED');
    const holiday = await h.call('bookings', 'setSchedule', { version: 1, week: WEEK, exceptions: [{ date: '2026-10-05', periods: [am] }] }, clerk);
    expect(holiday).toMatchObject({ ok: false, error: { code: 'SLOT_ON_HOLIDAY', fields: { 'exceptions.0': '2026-10-05 是节假日或休息日，不能安排预约' } } });
  });

  it('cancels up to one hour before, gives the place back, and only for the holder', async () => {
    const me = await resident();
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-09-29', '13:30'), itemCode: ITEM.code }, me);
    const stranger = await resident();
    expect(codeOf(await h.call('bookings', 'cancel', { id: booking.id, version: 1 }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'get', { id: booking.id }, stranger))).toBe('NOT_FOUND');
    h.clock.set(cn('2026-09-29T12:31:00'));
    expect(await h.call('bookings', 'cancel', { id: booking.id, version: 1 }, me)).toMatchObject({ ok: false, error: { code: 'CANCEL_TOO_LATE' } });
    h.clock.set(cn('2026-09-29T12:29:00'));
    const { booking: gone } = await h.ok('bookings', 'cancel', { id: booking.id, version: 1 }, me);
    expect(gone.state).toBe('cancelled');
    expect(codeOf(await h.call('bookings', 'cancel', { id: booking.id, version: 2 }, me))).toBe('BOOKING_NOT_ACTIVE');
    const { slots } = await h.ok('bookings', 'slots', { centerId: 'ts-001', from: '2026-09-29', days: 1 });
    expect(slots.find((s: { start: string }) => s.start === '13:30').left).toBe(20);
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('at the counter: the day’s bookings, check-in by typed code, no-show after the slot; a resident cannot check in', async () => {
    const me = await resident();
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-09-29'), itemCode: ITEM.code }, me);
    const late = await resident();
    const { booking: missed } = await h.ok('bookings', 'book', { slotId: slotId('2026-09-29'), itemCode: ITEM.code }, late);
    expect(codeOf(await h.call('bookings', 'checkIn', { code: booking.code }, me))).toBe('FORBIDDEN');
    expect(codeOf(await h.call('bookings', 'checkIn', { code: booking.code }, clerk))).toBe('BOOKING_NOT_TODAY');
    h.clock.set(cn('2026-09-29T09:20:00'));
    const day = await h.ok('bookings', 'day', {}, clerk);
    expect(day).toMatchObject({ centerId: 'ts-001', centerName: TS.name, date: '2026-09-29' });
    expect(day.items.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([booking.id, missed.id]));
    expect(JSON.stringify(day.items)).not.toContain(me);
    const typed = `${booking.code.slice(0, 3).toLowerCase()}-${booking.code.slice(3)}`;
    const { booking: inside } = await h.ok('bookings', 'checkIn', { code: typed }, clerk);
    expect(inside).toMatchObject({ id: booking.id, state: 'checked_in' });
    expect(codeOf(await h.call('bookings', 'checkIn', { code: booking.code }, clerk))).toBe('BOOKING_NOT_ACTIVE');
    expect(codeOf(await h.call('bookings', 'noShow', { id: missed.id, version: 1 }, clerk))).toBe('NO_SHOW_TOO_EARLY');
    h.clock.set(cn('2026-09-29T12:00:00'));
    expect((await h.ok('bookings', 'noShow', { id: missed.id, version: 1 }, clerk)).booking.state).toBe('no_show');
    expect(codeOf(await h.call('bookings', 'noShow', { id: missed.id, version: 1 }, clerk))).toBe('CONFLICT');
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('a clerk of another center sees neither the day’s bookings nor a code of this center; the administrator names the center', async () => {
    const me = await resident();
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-10-08', '13:30'), itemCode: ITEM.code }, me);
    expect(codeOf(await h.call('bookings', 'day', { centerId: 'ts-001', date: '2026-10-08' }, otherClerk))).toBe('FORBIDDEN');
    expect((await h.ok('bookings', 'day', { date: '2026-10-08' }, otherClerk)).items).toEqual([]);
    h.clock.set(cn('2026-10-08T13:00:00'));
    expect(codeOf(await h.call('bookings', 'checkIn', { code: booking.code }, otherClerk))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'get', { id: booking.id }, otherClerk))).toBe('NOT_FOUND');
    expect(codeOf(await h.call('bookings', 'getSchedule', { centerId: 'ts-001' }, otherClerk))).toBe('FORBIDDEN');
    expect(codeOf(await h.call('bookings', 'day', {}, admin))).toBe('VALIDATION_FAILED');
    expect((await h.ok('bookings', 'day', { centerId: 'ts-001' }, admin)).items.map((b: { id: string }) => b.id)).toContain(booking.id);
    expect(codeOf(await h.call('bookings', 'day', {}, me))).toBe('FORBIDDEN');
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('the administrator sets a center’s schedule from the same action; a stale version is a CONFLICT', async () => {
    const got = await h.ok('bookings', 'getSchedule', { centerId: 'ts-002' }, admin);
    expect(got).toMatchObject({ centerId: 'ts-002', schedule: null, preview: [] });
    const set = await h.ok('bookings', 'setSchedule', { centerId: 'ts-002', week: [[am], [], [], [], []], exceptions: [] }, admin);
    expect(set.schedule).toMatchObject({ version: 1, centerId: 'ts-002', updatedBy: 'admin' });
    expect(set.preview.map((s: { date: string }) => s.date)).toEqual(['2026-09-28', '2026-10-10']);
    expect(codeOf(await h.call('bookings', 'setSchedule', { centerId: 'ts-002', week: WEEK, exceptions: [] }, otherClerk))).toBe('CONFLICT');
    expect((await h.ok('bookings', 'getSchedule', {}, otherClerk)).schedule.version).toBe(1);
  });

  it('a company member books a business item; an open request of the caller may be named, another’s may not', async () => {
    const member = await h.login('company');
    expect(codeOf(await book(member, '2026-10-08', '13:30', COMPANY_ITEM))).toBe('ok');
    const me = await resident();
    const other = await h.call('bookings', 'book', { slotId: slotId('2026-10-09'), itemCode: ITEM.code, requestId: 'req-of-someone' }, me);
    expect(codeOf(other)).toBe('NOT_FOUND');
  });

  it('a visit for an open request of one’s own: to hand in paper originals', async () => {
    const me = await resident();
    await h.ok('session', 'bindResident', { name: '张三丰', idNumber: validIdNumber('19700101', '777'), phone: '13805377777', homeVillageId: 'v-001-001' }, me);
    const { request } = await h.ok(
      'requests',
      'submit',
      { itemCode: ITEM.code, intakeCenterId: 'v-001-001', form: filledForm(ITEM), materials: [], idempotencyKey: 'booking-paper-1' },
      me,
    );
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-10-09'), itemCode: ITEM.code, requestId: request.id }, me);
    expect(booking.requestId).toBe(request.id);
    const wrongItem = await h.call('bookings', 'book', { slotId: slotId('2026-10-09'), itemCode: COMPANY_ITEM, requestId: request.id }, me);
    expect(wrongItem).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { requestId: '这件办件不是这个事项的' } } });
    expect(codeOf(await h.call('bookings', 'book', { slotId: slotId('2026-10-08'), itemCode: ITEM.code, requestId: request.id }, await resident()))).toBe(
      'NOT_FOUND',
    );
  });

  it('three no-shows in 90 days block online booking for 30 days', async () => {
    const me = await resident();
    for (const date of ['2026-09-29', '2026-09-30', '2026-10-08']) {
      h.clock.set(cn('2026-09-28T09:00:00'));
      const start = date === '2026-09-30' ? '09:00' : '13:30';
      if (date === '2026-09-30') {
        await h.ok('bookings', 'setSchedule', { version: 1, week: WEEK, exceptions: [] }, clerk);
      }
      const { booking } = await h.ok('bookings', 'book', { slotId: slotId(date, start), itemCode: ITEM.code }, me);
      h.clock.set(cn(`${date}T18:00:00`));
      await h.ok('bookings', 'noShow', { id: booking.id, version: 1 }, clerk);
    }
    h.clock.set(cn('2026-10-09T08:00:00'));
    expect(await book(me, '2026-10-12')).toMatchObject({ ok: false, error: { code: 'BOOKING_BLOCKED', message: messageFor('BOOKING_BLOCKED') } });
    expect((await h.ok('bookings', 'slots', { centerId: 'ts-001' }, me)).blockedUntil).toBe(cn('2026-11-07T13:30:00'));
    expect((await h.ok('bookings', 'slots', { centerId: 'ts-001' }, await resident())).blockedUntil).toBeUndefined();
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('reminders: one the day before and one in the hour before, each once; none for a cancelled booking', async () => {
    h.clock.set(cn('2026-10-05T09:00:00'));
    const me = await resident();
    const { booking } = await h.ok('bookings', 'book', { slotId: slotId('2026-10-12'), itemCode: ITEM.code }, me);
    const gone = await resident();
    const { booking: cancelledOne } = await h.ok('bookings', 'book', { slotId: slotId('2026-10-12'), itemCode: ITEM.code }, gone);
    await h.ok('bookings', 'cancel', { id: cancelledOne.id, version: 1 }, gone);
    h.clock.set(cn('2026-10-11T18:00:00'));
    const first = await queueBookingReminders(h.deps);
    expect(first.day).toBeGreaterThanOrEqual(1);
    expect((await queueBookingReminders(h.deps)).day).toBe(0);
    h.clock.set(cn('2026-10-12T08:05:00'));
    expect((await queueBookingReminders(h.deps)).hour).toBeGreaterThanOrEqual(1);
    expect((await queueBookingReminders(h.deps)).hour).toBe(0);
    const mine = await h.ok('messages', 'list', {}, me);
    expect(mine.items.map((m: { id: string }) => m.id).sort()).toEqual([reminderIdOf(booking.id, 'day'), reminderIdOf(booking.id, 'hour')].sort());
    expect(mine.items.find((m: { id: string }) => m.id === reminderIdOf(booking.id, 'day')).body).toContain(booking.code);
    expect((await h.ok('messages', 'list', {}, gone)).items).toEqual([]);
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('a year the administrator enters on the holiday calendar opens its slots at once, holidays and make-up days included', async () => {
    h.clock.set(cn('2026-12-28T09:00:00'));
    const before = await h.ok('bookings', 'slots', { centerId: 'ts-001' });
    expect(before.coveredUntil).toBe('2026-12-31');
    expect([...new Set(before.slots.map((s: { date: string }) => s.date))].at(-1)).toBe('2026-12-31');
    await h.ok('admin', 'setCalendarYear', { year: 2027, text: '2027-01-01~2027-01-03 休\n2027-01-09 班' }, admin);
    const after = await h.ok('bookings', 'slots', { centerId: 'ts-001' });
    expect(after.coveredUntil).toBe('2027-01-10');
    const dates = [...new Set(after.slots.map((s: { date: string }) => s.date))];
    expect(dates).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-09',
    ]);
    h.clock.set(cn('2026-09-28T09:00:00'));
  });

  it('50 residents booking the last 3 places at once through the function: exactly 3 bookings', async () => {
    h.clock.set(cn('2026-10-05T09:00:00'));
    await h.ok(
      'bookings',
      'setSchedule',
      { version: 2, week: WEEK, exceptions: [{ date: '2026-10-13', periods: [{ start: '09:00', end: '10:00', capacity: 5 }] }] },
      clerk,
    );
    for (let i = 0; i < 2; i++) expect(codeOf(await book(await resident(), '2026-10-13'))).toBe('ok');
    const racers = await Promise.all(Array.from({ length: 50 }, () => resident()));
    const answers = await Promise.all(racers.map((r) => book(r, '2026-10-13')));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(Array(47).fill('SLOT_FULL'));
    const { slots } = await h.ok('bookings', 'slots', { centerId: 'ts-001', from: '2026-10-13', days: 1 });
    expect(slots[0]).toMatchObject({ left: 0, state: 'full' });
  });
});
