/**
 * The scheduler's slot repair job through the handlers, on both stores: a place a crash left taken
 * makes a slot answer 已约满 (SLOT_FULL) to residents; the job leaves it while the counter is
 * fresh, gives it back once the quiet period (ZC_SLOT_QUIET_MINUTES) has passed, says so in its log
 * words and the audit trail (slot ids and counts, nobody's person), and a resident then books it.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { cn } from '../support/clock';
import { repairLogOf, repairSlotCounts, SLOT_REPAIR_ACTION } from '../../cloudfunctions/scheduler/booking.repair';
import { loadSampleItems } from '../../data/sample';

const ITEM = loadSampleItems().find((i) => i.code === 'ZC-T-0001')!;
const pm = { start: '13:30', end: '17:00', capacity: 1 };
const SLOT = { id: 'ts-001~2026-10-08~1330', centerId: 'ts-001', date: '2026-10-08' };

describe.each<StoreKind>(['sqlite', 'cloudbase'])('the slot repair job on the %s store', (kind) => {
  let h: Harness;
  let clerk: string;
  beforeAll(async () => {
    // Thursday 8 October 2026, 08:00 in China; a quiet period of 10 minutes, as ZC_SLOT_QUIET_MINUTES=10 sets it
    h = await makeHarness(kind, cn('2026-10-08T08:00:00'), { slotQuietMinutes: 10 });
    clerk = await h.login('clerk', { centerId: 'ts-001' });
    await h.ok('bookings', 'setSchedule', { week: [[pm], [pm], [pm], [pm], [pm]], exceptions: [] }, clerk);
  });
  afterAll(() => h.close());

  const left = async () =>
    (await h.ok('bookings', 'slots', { centerId: 'ts-001', from: SLOT.date, days: 1 })).slots.find((s: { id: string }) => s.id === SLOT.id);

  it('gives back the place a crash left taken once the counter was quiet, and a resident books it', async () => {
    await h.leakPlace(SLOT, 1, h.deps.now().toISOString());
    expect(await left()).toMatchObject({ left: 0, state: 'full' });
    const resident = await h.login('resident', { villageId: 'v-001-001' });
    const refused = await h.call('bookings', 'book', { slotId: SLOT.id, itemCode: ITEM.code }, resident);
    expect(refused).toMatchObject({ ok: false, error: { code: 'SLOT_FULL' } });

    h.clock.set(cn('2026-10-08T08:09:00')); // within the 10 quiet minutes: a booking may still be on its way
    const early = await repairSlotCounts(h.deps);
    expect(early).toMatchObject({ repaired: [], complete: true, full: true });
    expect(repairLogOf(early)).toBe('slotsRepaired=0 slotsRaced=0');

    h.clock.set(cn('2026-10-08T08:11:00'));
    const report = await repairSlotCounts(h.deps);
    expect(report).toEqual({ scanned: 1, repaired: [{ slotId: SLOT.id, from: 1, to: 0 }], raced: 0, complete: true, full: false });
    expect(repairLogOf(report)).toBe(`slotsRepaired=1 [${SLOT.id}:1->0] slotsRaced=0`);
    const trail = (await h.deps.audit.searchAudit({ centerId: 'ts-001' }, { page: 1, pageSize: 50 })).items.filter((e) => e.action === SLOT_REPAIR_ACTION);
    expect(trail).toEqual([
      {
        at: h.deps.now().toISOString(),
        actor: { userId: 'system', role: 'system' },
        action: SLOT_REPAIR_ACTION,
        centerId: 'ts-001',
        ids: [SLOT.id],
        note: '预约名额计数 1 → 0',
      },
    ]);
    expect(await left()).toMatchObject({ left: 1, state: 'open' });

    const { booking } = await h.ok('bookings', 'book', { slotId: SLOT.id, itemCode: ITEM.code }, resident);
    expect(booking).toMatchObject({ state: 'booked', start: '13:30' });
    expect(await left()).toMatchObject({ left: 0, state: 'full' });
    // the counts agree now: later runs write nothing and audit nothing
    h.clock.set(cn('2026-10-08T09:00:00'));
    expect(await repairSlotCounts(h.deps)).toEqual({ scanned: 1, repaired: [], raced: 0, complete: true, full: false });
    expect(
      (await h.deps.audit.searchAudit({ centerId: 'ts-001' }, { page: 1, pageSize: 50 })).items.filter((e) => e.action === SLOT_REPAIR_ACTION),
    ).toHaveLength(1);
  });

  it('lists at most 20 repaired slots in its log words, and counts the rest', () => {
    const repaired = Array.from({ length: 22 }, (_, i) => ({ slotId: `ts-001~2026-10-08~${String(900 + i).padStart(4, '0')}`, from: 2, to: 1 }));
    const line = repairLogOf({ scanned: 22, repaired, raced: 1, complete: true, full: false });
    expect(line.startsWith('slotsRepaired=22 [ts-001~2026-10-08~0900:2->1,')).toBe(true);
    expect(line.endsWith('ts-001~2026-10-08~0919:2->1,+2] slotsRaced=1')).toBe(true);
  });
});
