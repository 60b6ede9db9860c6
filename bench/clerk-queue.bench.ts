/**
 * The clerk's queue at scale: 100,000 requests in a SQLite file (the first 5,000 through the
 * public RequestStore port, the rest in batches), spread over every center and state with about 3% late.
 * Measures the seeding, the overdue scan over all of it (the first pass flags the late ones, the
 * second finds nothing new), and `listQueue` + `countQueues` latency at the busiest township
 * center, the busiest village center and the city center. ZC_BENCH_KEEP=1 keeps the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { createDeps } from '../cloudfunctions/core/services/deps';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { QUEUE_NAMES } from '../cloudfunctions/core/stores/store.columns';
import { runOverdueScan, type ScanReport } from '../cloudfunctions/scheduler/scheduler.jobs';
import type { RequestStore } from '../cloudfunctions/core/stores/request.port';
import { buildDirectory } from '../shared/directory';
import type { CenterKind } from '../shared/directory.schema';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import type { BenchRow } from './bench.types';
import { progress, round, seededRandom, summarize, timedAsync } from './bench.stats';
import { benchRequests, type Seeded } from './request.seed';
import { openBulkWriter } from './sqlite.bulk';
import type { AuditEntry, Request } from '../shared/request.schema';

const COUNT = 100_000;
/** How many go through the public port, for its per-request write cost. */
const PORT_WRITES = 5_000;
const BATCH = 10_000;
const OVERDUE_SHARE = 0.03;
/** Calls per center kind; the city queue is slow enough that fewer calls still fit the time budget. */
const QUERY_CALLS: Record<'township' | 'village' | 'city', number> = { township: 200, village: 200, city: 50 };
const PAGE = { page: 1, pageSize: 20 };
/** A Monday morning in China, inside the calendar the library covers. */
const NOW = '2026-11-16T02:00:00.000Z';

/** Where the seeding time went, and the last request written (read back as a check). */
type Seeding = { generateMs: number; portMs: number; bulkMs: number; late: number; last?: Request };
type Built = { request: Request; audit: AuditEntry[] };

/** The first PORT_WRITES through `createRequest` (one transaction each, as handlers do), the rest in batches. */
const seed = async (store: RequestStore, file: string): Promise<Seeding> => {
  const crowd = benchRequests({ count: COUNT, now: NOW, overdueShare: OVERDUE_SHARE, seed: 20261116 }, buildDirectory(loadSampleCenters()), loadSampleItems());
  const s: Seeding = { generateMs: 0, portMs: 0, bulkMs: 0, late: 0 };
  const bulk = openBulkWriter(file);
  let batch: Built[] = [];
  const flush = () => {
    const start = performance.now();
    bulk.write(batch);
    s.bulkMs += performance.now() - start;
    batch = [];
  };
  try {
    for (let n = 1; n <= COUNT; n++) {
      const start = performance.now();
      const next = crowd.next().value as Seeded;
      s.generateMs += performance.now() - start;
      if (next.late) s.late += 1;
      s.last = next.request;
      if (n <= PORT_WRITES) s.portMs += await writeThroughPort(store, next);
      else batch.push(next);
      if (batch.length === BATCH) flush();
      if (n % 20_000 === 0) progress('clerk-queue', `seeded ${n} requests`);
    }
    flush();
  } finally {
    bulk.close();
  }
  return s;
};

const writeThroughPort = async (store: RequestStore, r: Built): Promise<number> => {
  const start = performance.now();
  const saved = await store.createRequest(r.request, r.audit);
  if (!saved.ok || !saved.value.created) throw new Error(`clerk-queue bench: ${r.request.id} was not created`);
  return performance.now() - start;
};

/** The bulk rows must read back through the port exactly as written, or the figures mean nothing. */
const checkSeed = async (store: RequestStore, sample: Request): Promise<void> => {
  const all = await store.listRequests({}, { page: 1, pageSize: 1 });
  const back = await store.getRequest(sample.id);
  if (all.total !== COUNT || JSON.stringify(back) !== JSON.stringify(sample))
    throw new Error('clerk-queue bench: the seeded file does not read back through the port');
};

type Shape = { byQueue: Record<string, number>; overdue: number; busiest: Partial<Record<CenterKind, { id: string; held: number }>> };

/** What the seeded file holds, read directly (a bench-only check of the spread, not a port method). */
const shapeOf = (file: string): Shape => {
  const db = new Database(file, { readonly: true });
  try {
    const byQueue = Object.fromEntries(
      (db.prepare('SELECT queue, COUNT(*) AS n FROM requests WHERE queue IS NOT NULL GROUP BY queue').all() as { queue: string; n: number }[]).map((r) => [
        r.queue,
        r.n,
      ]),
    );
    const overdue = (db.prepare('SELECT COUNT(*) AS n FROM requests WHERE overdue = 1').get() as { n: number }).n;
    const held = db
      .prepare(
        `SELECT c.kind AS kind, r.holder_center_id AS id, COUNT(*) AS held FROM requests r JOIN centers c ON c.id = r.holder_center_id
      WHERE r.queue IS NOT NULL GROUP BY r.holder_center_id ORDER BY held DESC`,
      )
      .all() as { kind: CenterKind; id: string; held: number }[];
    const busiest: Shape['busiest'] = {};
    for (const h of held) busiest[h.kind] ??= { id: h.id, held: h.held };
    return { byQueue, overdue, busiest };
  } finally {
    db.close();
  }
};

/** p50 / p99 of a clerk opening a random queue: one page plus the counts of every queue. */
const queueLatency = async (store: RequestStore, centerId: string, calls: number, seed: number) => {
  const rnd = seededRandom(seed);
  const open = async () => {
    const queue = QUEUE_NAMES[Math.floor(rnd() * QUEUE_NAMES.length)];
    await store.listQueue(centerId, queue, PAGE);
    await store.countQueues(centerId);
  };
  for (let i = 0; i < 10; i++) await open(); // warm-up: prepared statements and page cache
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) samples.push((await timedAsync(open)).ms);
  return { ...summarize(samples), counts: await store.countQueues(centerId) };
};

const queueRows = async (store: RequestStore, kind: keyof typeof QUERY_CALLS, target: { id: string; held: number } | undefined): Promise<BenchRow[]> => {
  if (!target) return [];
  const q = await queueLatency(store, target.id, QUERY_CALLS[kind], target.held);
  const counts = Object.entries(q.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const where = kind === 'city' ? 'the city center' : `the busiest ${kind} center`;
  return [
    {
      rounds: 1,
      spread: 0,
      name: `clerk queue at ${where} (listQueue + countQueues) p50`,
      value: round(q.p50, 3),
      unit: 'ms',
      note: `${target.id} holds ${target.held}: ${counts}`,
    },
    {
      rounds: 1,
      spread: 0,
      name: `clerk queue at ${where} (listQueue + countQueues) p99`,
      value: round(q.p99, 3),
      unit: 'ms',
      note: `${QUERY_CALLS[kind]} calls, random queue, page 1 of ${PAGE.pageSize}`,
    },
  ];
};

const seedRows = (s: Seeding): BenchRow[] => [
  {
    rounds: 1,
    spread: 0,
    name: 'seed 100k requests: build (route + newRequest + transitions)',
    value: round(s.generateMs / 1000, 2),
    unit: 's',
    note: `${Math.round(COUNT / (s.generateMs / 1000))} requests/s, deterministic; mostly the working-day calendar`,
  },
  {
    rounds: 1,
    spread: 0,
    name: 'seed: RequestStore.createRequest, one transaction each',
    value: Math.round(PORT_WRITES / (s.portMs / 1000)),
    unit: 'requests/s',
    note: `the first ${PORT_WRITES} through the port (row, path rows, audit trail; WAL, synchronous NORMAL)`,
  },
  {
    rounds: 1,
    spread: 0,
    name: 'seed: the other requests in batches of 10k',
    value: round(s.bulkMs / 1000, 2),
    unit: 's',
    note: `${COUNT - PORT_WRITES} via a bench-only writer on the same file, ${Math.round((COUNT - PORT_WRITES) / (s.bulkMs / 1000))} requests/s; checked back through the port`,
  },
];

type Scan = { value: ScanReport; ms: number };

const scanRows = (first: Scan, second: Scan, shape: Shape, late: number): BenchRow[] => {
  const rate = (x: Scan) => Math.round(x.value.scanned / (x.ms / 1000));
  const spread = Object.entries(shape.byQueue)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    {
      rounds: 1,
      spread: 0,
      name: 'overdue scan, first pass',
      value: Math.round(first.ms),
      unit: 'ms',
      note: `${first.value.scanned} open scanned (${rate(first)}/s), ${first.value.flagged} flagged and written with notices, ${first.value.conflicts} conflicts`,
    },
    {
      rounds: 1,
      spread: 0,
      name: 'overdue scan, steady pass',
      value: Math.round(second.ms),
      unit: 'ms',
      note: `${second.value.scanned} open scanned (${rate(second)}/s), ${second.value.flagged} flagged: a nightly run with nothing new`,
    },
    {
      rounds: 1,
      spread: 0,
      name: 'overdue requests after the scan',
      value: round((shape.overdue / COUNT) * 100, 2),
      unit: '%',
      note: `${shape.overdue} of ${COUNT} (${late} seeded late); queues held: ${spread}`,
    },
  ];
};

/** Seeds 100k requests, then measures the overdue scan and the clerk queue queries. */
export async function benchClerkQueue(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bench-queue-'));
  const file = join(dir, 'queue.sqlite');
  const store = createSqliteStore({ path: file });
  try {
    await seedSampleData(store, NOW);
    progress('clerk-queue', `seeding ${COUNT} requests into ${file}`);
    const s = await seed(store, file);
    await checkSeed(store, s.last!);
    const deps = await createDeps({ store, mode: 'local', now: () => new Date(NOW) });
    progress('clerk-queue', 'overdue scan, first pass');
    const first = await timedAsync(() => runOverdueScan(deps));
    progress('clerk-queue', 'overdue scan, second pass');
    const second = await timedAsync(() => runOverdueScan(deps));
    const shape = shapeOf(file);
    progress('clerk-queue', 'queue queries');
    return [
      ...seedRows(s),
      ...scanRows(first, second, shape, s.late),
      ...(await queueRows(store, 'township', shape.busiest.township)),
      ...(await queueRows(store, 'village', shape.busiest.village)),
      ...(await queueRows(store, 'city', shape.busiest.city)),
    ];
  } finally {
    await store.close();
    if (!process.env.ZC_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
