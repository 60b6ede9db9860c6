/**
 * The store contract against the CloudBase adapter, over the wire: the real
 * @cloudbase/node-sdk talks HTTP to a local fake of the CloudBase API
 * (TCB_CONTEXT_CNFG points the SDK at it; the keys are dummies the fake ignores).
 */
import { createCloudbaseStore, assertCloudbaseCredentials } from '../cloudfunctions/core/stores/cloudbase.store';
import { startFakeCloudbase, type FakeCloudbase } from './support/fake-cloudbase';
import { storeContract } from './contract/stores.contract';
import { cloudbaseLeak } from './support/slot.leak';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import type { Slot } from '../shared/booking.schema';
import { cancelled, newBooking } from '../shared/booking.rules';
import { chinaInstantOf, slotIdOf } from '../shared/booking.slots';
import { repairSlotCounts, type RepairReport } from '../cloudfunctions/scheduler/booking.repair';
import { value } from './contract/contract.kit';

import { pointSdkAt, SDK_ENV_KEYS as ENV_KEYS } from './support/cloudbase.env';

const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let fake: FakeCloudbase;

beforeAll(async () => {
  fake = await startFakeCloudbase();
  pointSdkAt(fake.url, 'zc-test-1a2b3c');
});

afterAll(async () => {
  await fake.stop();
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

storeContract(
  'cloudbase (over a fake CloudBase API)',
  async () => {
    fake.reset();
    return createCloudbaseStore({ env: process.env.TCB_ENV });
  },
  cloudbaseLeak,
);

describe('cloudbase store wiring', () => {
  it('every action the SDK sent is one the fake implements', () => {
    expect(fake.actions.size).toBeGreaterThan(0);
    expect(fake.unknownActions).toEqual([]);
  });

  it('a missing secret key fails at startup with a plain error and leaves no unhandled rejection', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const key = process.env.TENCENTCLOUD_SECRETKEY;
    delete process.env.TENCENTCLOUD_SECRETKEY;
    try {
      expect(() => createCloudbaseStore({ env: 'zc-test-1a2b3c' })).toThrow(/TENCENTCLOUD_SECRETKEY/);
      expect(() => assertCloudbaseCredentials({ TENCENTCLOUD_SECRETID: 'x' })).toThrow(Error);
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.env.TENCENTCLOUD_SECRETKEY = key;
      process.off('unhandledRejection', onRejection);
    }
  });
});

describe('cloudbase catalogue generations', () => {
  it('an import interrupted part-way by an injected fault leaves the old generation in force', async () => {
    fake.reset();
    const { makeCenter, makeItem } = await import('./support/directory.fixture');
    const store = createCloudbaseStore({ env: process.env.TCB_ENV, importFault: { failAfterWrites: 30 } });
    await store.upsertItems([makeItem({ code: 'ZC-V-0001' })]);
    await store.upsertCenters(Array.from({ length: 40 }, (_, i) => makeCenter({ id: `v-${String(i).padStart(3, '0')}` })));
    const before = JSON.stringify([await store.allCenters(), await store.getItem('ZC-V-0001')]);
    const next = Array.from({ length: 60 }, (_, i) => makeCenter({ id: `v-new-${i}`, sample: false }));
    const record = {
      id: 'imp-fault',
      kind: 'centers' as const,
      fileName: 'centers.xlsx',
      fileHash: '00',
      by: 'admin',
      at: '2026-12-01T01:00:00.000Z',
      counts: { rows: 60, add: 60, change: 0, retire: 40, unchanged: 0 },
      state: 'applied' as const,
    };
    await expect(store.applyImport({ centers: next }, record)).rejects.toThrow(/injected fault/);
    expect(JSON.stringify([await store.allCenters(), await store.getItem('ZC-V-0001')])).toBe(before);
    expect((await store.listImports({ page: 1, pageSize: 20 })).total).toBe(0);
    // the same import run again without the fault goes through, into a fresh generation: the broken one is never read
    const healthy = createCloudbaseStore({ env: process.env.TCB_ENV });
    expect((await healthy.applyImport({ centers: next }, record)).ok).toBe(true);
    expect((await healthy.allCenters()).map((c) => c.id)).toEqual(next.map((c) => c.id).sort());
  });
});

describe('cloudbase slot repair against a booking or a cancellation in flight', () => {
  const NOW = '2026-10-08T00:00:00.000Z';
  const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
  const slotAt = (start: string, capacity: number): Slot => ({
    id: slotIdOf('ts-001', '2026-10-08', start),
    centerId: 'ts-001',
    date: '2026-10-08',
    start,
    end: '17:00',
    startAt: chinaInstantOf('2026-10-08', start),
    endAt: chinaInstantOf('2026-10-08', '17:00'),
    capacity,
  });
  let n = 0;
  const booking = (s: Slot, userId: string, createdAt = NOW) =>
    newBooking(s, { code: 'ZC-T-0001', name: '事项' }, { id: `fl-${++n}`, code: `F${String(n).padStart(5, '0')}`, userId, now: createdAt });
  let store: Stores;
  beforeEach(() => {
    fake.reset();
    store = createCloudbaseStore({ env: process.env.TCB_ENV });
  });
  const pass = (minutes: number) => repairSlotCounts({ bookings: store, meta: store, audit: store, now: () => new Date(at(minutes)), slotQuietMinutes: 5 });
  const taken = async (s: Slot) => (await store.slotsTaken('ts-001', s.date, s.date))[s.id] ?? 0;
  /** Runs `work` once, just before the first call that `when` picks reaches the database. */
  const before = (when: (call: Parameters<NonNullable<FakeCloudbase['interpose']>>[0]) => boolean, work: () => Promise<unknown>) => {
    let done = false;
    fake.interpose = async (call) => {
      if (done || !when(call)) return;
      done = true;
      await work();
    };
  };

  it('a pass between a booking taking its place and writing it leaves the place (the take stamped the counter)', async () => {
    const s = slotAt('16:00', 2);
    await cloudbaseLeak(store, s, 2, at(-60));
    let during: RepairReport | undefined;
    before(
      (call) => call.action === 'database.startTransaction',
      async () => (during = await pass(0)),
    );
    value(await store.book(booking(s, 'u-1', at(0)), 2));
    // unstamped, the pass would have counted no booking and set 0 under the one being written
    expect(during).toMatchObject({ repaired: [], raced: 0 });
    expect(await taken(s)).toBe(2);
    expect((await pass(10)).repaired).toEqual([{ slotId: s.id, from: 2, to: 1 }]);
  });

  it('a pass between a cancellation changing its booking and giving the place back takes nothing more (the cancellation stamped the counter first)', async () => {
    const s = slotAt('16:00', 3);
    value(await store.book(booking(s, 'u-1'), 3));
    const b = value(await store.book(booking(s, 'u-2'), 3));
    await cloudbaseLeak(store, s, 3, at(1));
    let during: RepairReport | undefined;
    before(
      (call) => call.collection === 'booking_slots' && (call.data as { $inc?: { taken?: number } }).$inc?.taken === -1,
      async () => (during = await pass(10)),
    );
    value(await store.updateBooking(value(cancelled(b, at(10))), 1));
    // unstamped, the pass would have set the held 1 and the give-back then 0, under u-1's booking
    expect(during).toMatchObject({ repaired: [], raced: 0 });
    expect(await taken(s)).toBe(2);
    expect((await pass(20)).repaired).toEqual([{ slotId: s.id, from: 2, to: 1 }]);
    expect(await taken(s)).toBe(1);
  });
});
