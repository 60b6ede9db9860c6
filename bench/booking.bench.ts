/**
 * Booking throughput under contention, on both stores: 200 people book one slot with 50 places at
 * once (exactly 50 must get one; the rest are refused SLOT_FULL), against the same 200 bookings
 * spread over 200 slots (no contention). SQLite in memory; CloudBase over the wire against the local
 * fake of its API (tests/support/fake-cloudbase.ts), where contention means transaction conflicts
 * and retries. Each figure is the median of its rounds, on a fresh store each round.
 */
import { performance } from 'node:perf_hooks';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { createCloudbaseStore } from '../cloudfunctions/core/stores/cloudbase.store';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import { newBooking } from '../shared/booking.rules';
import { chinaInstantOf, slotIdOf } from '../shared/booking.slots';
import type { Slot } from '../shared/booking.schema';
import { startFakeCloudbase, type FakeCloudbase } from '../tests/support/fake-cloudbase';
import { pointSdkAt, SDK_ENV_KEYS } from '../tests/support/cloudbase.env';
import type { BenchRow } from './bench.types';
import { progress, row } from './bench.stats';

const PEOPLE = 200;
const PLACES = 50;
const ROUNDS = 3;

const slotAt = (i: number, capacity: number): Slot => {
  const start = `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
  return {
    id: slotIdOf('ts-001', '2026-12-02', start),
    centerId: 'ts-001',
    date: '2026-12-02',
    start,
    end: start,
    startAt: chinaInstantOf('2026-12-02', start),
    endAt: chinaInstantOf('2026-12-02', start),
    capacity,
  };
};
const bookingOf = (slot: Slot, i: number, round: number) =>
  newBooking(
    slot,
    { code: 'ZC-T-0001', name: '最低生活保障审核确认' },
    { id: `bk-${round}-${i}`, code: `B${round}${String(i).padStart(5, '0')}`, userId: `u-${i}`, now: '2026-12-01T00:00:00.000Z' },
  );

/** One round: PEOPLE bookings at once, on one slot of PLACES (contended) or one slot each; answers ms and how many got one. */
const burst = async (store: Stores, contended: boolean, round: number): Promise<{ ms: number; booked: number }> => {
  const one = slotAt(0, PLACES);
  const start = performance.now();
  const answers = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) =>
      contended ? store.book(bookingOf(one, i, round), PLACES) : store.book(bookingOf(slotAt(i, PLACES), i, round), PLACES),
    ),
  );
  const ms = performance.now() - start;
  const booked = answers.filter((a) => a.ok).length;
  const expected = contended ? PLACES : PEOPLE;
  if (booked !== expected) throw new Error(`booking bench: ${booked} booked, expected ${expected}`);
  return { ms, booked };
};

const measure = async (label: string, fresh: () => Promise<Stores>): Promise<BenchRow[]> => {
  const contended: number[] = [];
  const spread: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const [list, isContended] of [
      [contended, true],
      [spread, false],
    ] as const) {
      const store = await fresh();
      const { ms } = await burst(store, isContended, r);
      list.push((PEOPLE / ms) * 1000);
      await store.close();
    }
    progress('booking', `${label} round ${r + 1}`);
  }
  return [
    row({
      name: `booking ${label}: ${PEOPLE} at once for ${PLACES} places of one slot`,
      unit: 'attempts/s',
      samples: contended,
      reference: { name: `${PEOPLE} over ${PEOPLE} slots`, samples: spread },
      note: `exactly ${PLACES} booked, ${PEOPLE - PLACES} SLOT_FULL, every round`,
    }),
  ];
};

/** Booking throughput under contention on SQLite and on the fake CloudBase. */
export async function benchBooking(): Promise<BenchRow[]> {
  const rows = await measure('sqlite (memory)', async () => createSqliteStore({ path: ':memory:' }));
  const saved = Object.fromEntries(SDK_ENV_KEYS.map((k) => [k, process.env[k]]));
  let fake: FakeCloudbase | null = null;
  try {
    fake = await startFakeCloudbase();
    pointSdkAt(fake.url, 'zc-bench-booking');
    const f = fake;
    rows.push(
      ...(await measure('cloudbase (fake, over HTTP)', async () => {
        f.reset();
        return createCloudbaseStore({ env: process.env.TCB_ENV });
      })),
    );
  } finally {
    await fake?.stop();
    for (const k of SDK_ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  return rows;
}
