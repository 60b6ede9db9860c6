/**
 * The 企业诉求 queue at scale: 50,000 云上宠企 demands in a SQLite file, written through the
 * DemandStore port, spread over the 16 township centers and the zone branch as officers and
 * forwarded to the city or another township about a third of the time, in every state, with some
 * past their terms. Measures what a clerk opening the queue costs (one page of the queue plus the
 * counts of the four queues, as `demands.queue` does) at the busiest township, the zone branch and
 * the city center: p50 and p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import type { DemandFilter, DemandStore } from '../cloudfunctions/core/stores/demand.port';
import { DEMAND_CATEGORIES, OPEN_DEMAND_STATES, type Demand, type DemandState } from '../shared/demand.schema';
import type { DemandQueue } from '../shared/api.company.schema';
import { TOWNSHIPS } from '../shared/townships';
import type { BenchRow } from './bench.types';
import { progress, round, seededRandom, summarize, timedAsync } from './bench.stats';

const COUNT = 50_000;
const CALLS = 200;
const PAGE = { page: 1, pageSize: 20 };
const NOW = '2026-11-16T02:00:00.000Z';
const HOUR = 3_600_000;
const STATES: DemandState[] = ['raised', 'acknowledged', 'forwarded', 'answered', 'closed', 'reopened'];
const OFFICES = ['zone', ...TOWNSHIPS.map((t) => `ts-${t.code}`)];

/** The four queues of `demands.queue`, as the handler builds them. */
const QUEUES: Record<DemandQueue, (c: string) => DemandFilter> = {
  todo: (c) => ({ holderCenterId: c, states: OPEN_DEMAND_STATES }),
  watching: (c) => ({ pathCenterId: c, notHolderCenterId: c, states: OPEN_DEMAND_STATES }),
  overdue: (c) => ({ pathCenterId: c, overdueAt: NOW }),
  done: (c) => ({ pathCenterId: c, states: ['answered', 'closed'] }),
};

/** One generated demand: an officer's center (busier in the city streets), a state, maybe forwarded. */
const demandOf = (n: number, rnd: () => number): Demand => {
  const officer = OFFICES[Math.floor(rnd() ** 1.5 * OFFICES.length)];
  let state = STATES[Math.floor(rnd() * STATES.length)];
  const forwardTo = rnd() < 0.35 ? (rnd() < 0.6 ? 'city' : OFFICES[Math.floor(rnd() * OFFICES.length)]) : null;
  if (state === 'forwarded' && (!forwardTo || forwardTo === officer)) state = 'acknowledged';
  const raisedAt = new Date(Date.parse(NOW) - Math.floor(rnd() * 60 * 24) * HOUR).toISOString();
  const path = forwardTo && forwardTo !== officer ? [officer, forwardTo] : [officer];
  const at = (days: number) => new Date(Date.parse(raisedAt) + days * 24 * HOUR).toISOString();
  return {
    id: `dm-${String(n).padStart(6, '0')}`,
    version: 1,
    companyId: `co-${n % 4000}`,
    companyName: '示例企业（示例数据）',
    location: officer === 'zone' ? 'zone' : { townshipCode: officer.slice(3) },
    category: DEMAND_CATEGORIES[n % DEMAND_CATEGORIES.length],
    title: '示例诉求',
    description: '示例诉求的具体情况（示例数据）',
    attachments: [],
    shareable: false,
    raisedBy: { userId: `u-${n % 9000}` },
    raisedAt,
    officerCenterId: officer,
    holderCenterId: state === 'forwarded' ? path[path.length - 1] : officer,
    path,
    state,
    ackDueAt: at(1.5),
    answerDueAt: at(7),
    reopens: state === 'reopened' ? 1 : 0,
    events: [],
    updatedAt: raisedAt,
  };
};

const seed = async (store: DemandStore): Promise<number> => {
  const rnd = seededRandom(20261201);
  const start = performance.now();
  for (let n = 1; n <= COUNT; n++) {
    const saved = await store.createDemand(demandOf(n, rnd), []);
    if (!saved.ok) throw new Error(`demand-queue bench: dm ${n} was not created`);
    if (n % 10_000 === 0) progress('demand-queue', `seeded ${n} demands`);
  }
  return performance.now() - start;
};

/** p50 / p99 of a clerk opening a random queue: one page plus the four counts. */
const latency = async (store: DemandStore, centerId: string, seedValue: number) => {
  const rnd = seededRandom(seedValue);
  const names = Object.keys(QUEUES) as DemandQueue[];
  const open = async () => {
    await store.listDemands(QUEUES[names[Math.floor(rnd() * names.length)]](centerId), PAGE);
    await Promise.all(names.map((q) => store.countDemands(QUEUES[q](centerId))));
  };
  for (let i = 0; i < 10; i++) await open();
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) samples.push((await timedAsync(open)).ms);
  const counts = await Promise.all(names.map(async (q) => `${q} ${await store.countDemands(QUEUES[q](centerId))}`));
  return { ...summarize(samples), counts: counts.join(', ') };
};

/** Runs the demand queue benchmark on a fresh SQLite file. */
export const benchDemandQueue = async (): Promise<BenchRow[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bench-demands-'));
  const store = createSqliteStore({ path: join(dir, 'store.db') });
  try {
    const seedMs = await seed(store);
    const rows: BenchRow[] = [
      {
        rounds: 1,
        spread: 0,
        name: 'seed 50k demands: DemandStore.createDemand, one transaction each',
        value: Math.round(COUNT / (seedMs / 1000)),
        unit: 'demands/s',
        note: 'row, path rows (WAL, synchronous NORMAL)',
      },
    ];
    for (const [label, centerId] of [
      ['the busiest township officer center', 'ts-001'],
      ['the zone branch', 'zone'],
      ['the city center (forwarded demands)', 'city'],
    ] as const) {
      const q = await latency(store, centerId, centerId.length);
      rows.push(
        {
          rounds: 1,
          spread: 0,
          name: `企业诉求 queue at ${label} (page + 4 counts) p50`,
          value: round(q.p50, 3),
          unit: 'ms',
          note: `${centerId}: ${q.counts}`,
        },
        {
          rounds: 1,
          spread: 0,
          name: `企业诉求 queue at ${label} (page + 4 counts) p99`,
          value: round(q.p99, 3),
          unit: 'ms',
          note: `${CALLS} calls, random queue, page 1 of ${PAGE.pageSize}`,
        },
      );
    }
    return rows;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
