/**
 * Booking throughput under contention, on both stores: 200 people book one slot with 50 places at
 * once (exactly 50 must get one; the rest are refused SLOT_FULL), against the same 200 bookings
 * spread over 200 slots (no contention). SQLite in memory; CloudBase over the wire against the local
 * fake of its API (tests/support/fake-cloudbase.ts), where contention means transaction conflicts
 * and retries. Each figure is the median of its rounds, on a fresh store each round.
 *
 * And the slot repair pass (scheduler/booking.repair.ts) over COUNTERS booked slot counters whose
 * counts agree: the day's full pass (every counter read and its bookings counted) in counters/s,
 * against a later pass with nothing stamped since (its window is empty).
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
import { repairSlotCounts } from '../cloudfunctions/scheduler/booking.repair';

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

const COUNTERS = 300;

/** COUNTERS slots over the days from 2 December 2026, 10 a day. */
const repairSlot = (i: number): Slot => {
  const date = new Date(Date.parse('2026-12-02T00:00:00.000Z') + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
  const start = `${String(8 + (i % 10)).padStart(2, '0')}:00`;
  return {
    ...slotAt(0, 5),
    id: slotIdOf('ts-001', date, start),
    date,
    start,
    end: start,
    startAt: chinaInstantOf(date, start),
    endAt: chinaInstantOf(date, start),
  };
};

/** One round of the repair pass: COUNTERS booked counters, then the full pass and an empty windowed pass; answers both in ms. */
const repairRound = async (store: Stores, round: number): Promise<{ full: number; empty: number }> => {
  for (let i = 0; i < COUNTERS; i += 20) {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, j) => store.book(bookingOf(repairSlot(i + j), i + j, round), 5)));
    if (!answers.every((a) => a.ok)) throw new Error('repair bench: a booking was refused');
  }
  const deps = (iso: string) => ({ bookings: store, meta: store, audit: store, now: () => new Date(iso), slotQuietMinutes: 5 });
  let start = performance.now();
  const full = await repairSlotCounts(deps('2026-12-01T01:00:00.000Z'));
  const fullMs = performance.now() - start;
  start = performance.now();
  const empty = await repairSlotCounts(deps('2026-12-01T01:10:00.000Z'));
  const emptyMs = performance.now() - start;
  if (!full.full || full.scanned !== COUNTERS || full.repaired.length || empty.scanned !== 0)
    throw new Error(`repair bench: ${JSON.stringify({ full, empty })}`);
  return { full: fullMs, empty: emptyMs };
};

const measureRepair = async (label: string, fresh: () => Promise<Stores>): Promise<BenchRow[]> => {
  const full: number[] = [];
  const empty: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const store = await fresh();
    const ms = await repairRound(store, r);
    full.push((COUNTERS / ms.full) * 1000);
    empty.push(ms.empty);
    await store.close();
    progress('booking', `${label} repair round ${r + 1}`);
  }
  return [
    row({
      name: `slot repair ${label}: the day's full pass over ${COUNTERS} counters`,
      unit: 'counters/s',
      samples: full,
      note: 'counts agree: nothing written',
    }),
    row({ name: `slot repair ${label}: a later pass, nothing stamped since`, unit: 'ms', samples: empty, note: 'an empty window: one query' }),
  ];
};

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
  const sqlite = async () => createSqliteStore({ path: ':memory:' });
  const rows = [...(await measure('sqlite (memory)', sqlite)), ...(await measureRepair('sqlite (memory)', sqlite))];
  const saved = Object.fromEntries(SDK_ENV_KEYS.map((k) => [k, process.env[k]]));
  let fake: FakeCloudbase | null = null;
  try {
    fake = await startFakeCloudbase();
    pointSdkAt(fake.url, 'zc-bench-booking');
    const f = fake;
    const cloudbase = async () => {
      f.reset();
      return createCloudbaseStore({ env: process.env.TCB_ENV });
    };
    rows.push(...(await measure('cloudbase (fake, over HTTP)', cloudbase)), ...(await measureRepair('cloudbase (fake, over HTTP)', cloudbase)));
  } finally {
    await fake?.stop();
    for (const k of SDK_ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
  return rows;
}
