/**
 * The clerk's queue and the overdue scan at city scale: one SQLite file grown to 10,000, then
 * 100,000, then 300,000 requests (the first 5,000 through the public RequestStore port, the
 * rest in batches), spread over every center and state with about 3% late. At each size the
 * overdue scan runs as the cloud timer runs it, every ten minutes: a first pass over every open
 * request (it flags the late ones), the next pass (it looks again at what the first one wrote),
 * then quiet passes with nothing new; each against the first pass at that size. At 300,000, `listQueue` + `countQueues` latency at the busiest township center, the
 * busiest village center and the city center, against the bare page read of the same queue.
 * ZC_BENCH_KEEP=1 keeps the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { createDeps } from '../cloudfunctions/core/services/deps';
import type { Deps } from '../cloudfunctions/core/services/context';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { QUEUE_NAMES } from '../cloudfunctions/core/stores/store.columns';
import { SCAN_STATE_KEY, runOverdueScan, type ScanReport } from '../cloudfunctions/scheduler/scheduler.jobs';
import type { RequestStore } from '../cloudfunctions/core/stores/request.port';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import { buildDirectory } from '../shared/directory';
import type { CenterKind } from '../shared/directory.schema';
import type { QueueName } from '../shared/api.schema';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import type { BenchRow } from './bench.types';
import { once, progress, round, row, seededRandom, summarize, timedAsync } from './bench.stats';
import { benchRequests, type Seeded } from './request.seed';
import { openBulkWriter } from './sqlite.bulk';
import type { AuditEntry, Request } from '../shared/request.schema';

const SIZES = [10_000, 100_000, 300_000];
/** How many go through the public port, for its per-request write cost. */
const PORT_WRITES = 5_000;
const BATCH = 10_000;
const OVERDUE_SHARE = 0.03;
const QUIET_ROUNDS = 5;
/** Calls per center kind, after 10 warm-up calls. */
const QUERY_CALLS: Record<'township' | 'village' | 'city', number> = { township: 200, village: 200, city: 200 };
const PAGE = { page: 1, pageSize: 20 };
/** A Monday morning in China, inside the calendar the library covers. */
const NOW = '2026-11-16T02:00:00.000Z';
const MINUTE = 60_000;

type Built = { request: Request; audit: AuditEntry[] };
/** Where the seeding time went, and the last request written (read back as a check). */
type Seeding = { generateMs: number; portMs: number; portCount: number; bulkMs: number; bulkCount: number; late: number; written: number; last?: Request };

const writeThroughPort = async (store: RequestStore, r: Built): Promise<number> => {
  const start = performance.now();
  const saved = await store.createRequest(r.request, r.audit);
  if (!saved.ok || !saved.value.created) throw new Error(`clerk-queue bench: ${r.request.id} was not created`);
  return performance.now() - start;
};

/** Grows the file to `size` requests: the first PORT_WRITES through `createRequest`, the rest in batches. */
const growTo = async (size: number, crowd: Generator<Seeded>, store: RequestStore, file: string, s: Seeding): Promise<void> => {
  const bulk = openBulkWriter(file);
  let batch: Built[] = [];
  const flush = () => {
    const start = performance.now();
    bulk.write(batch);
    s.bulkMs += performance.now() - start;
    s.bulkCount += batch.length;
    batch = [];
  };
  try {
    while (s.written < size) {
      const start = performance.now();
      const next = crowd.next().value as Seeded;
      s.generateMs += performance.now() - start;
      s.written += 1;
      if (next.late) s.late += 1;
      s.last = next.request;
      if (s.written <= PORT_WRITES) {
        s.portMs += await writeThroughPort(store, next);
        s.portCount += 1;
      } else batch.push(next);
      if (batch.length === BATCH) flush();
      if (s.written % 50_000 === 0) progress('clerk-queue', `seeded ${s.written} requests`);
    }
    flush();
  } finally {
    bulk.close();
  }
};

/** The bulk rows and the recounted counters must read back through the port, or the figures mean nothing. */
const checkSeed = async (store: Stores, file: string, size: number, sample: Request): Promise<void> => {
  const all = await store.listRequests({}, { page: 1, pageSize: 1 });
  const back = await store.getRequest(sample.id);
  if (all.total !== size || JSON.stringify(back) !== JSON.stringify(sample))
    throw new Error('clerk-queue bench: the seeded file does not read back through the port');
  const db = new Database(file, { readonly: true });
  try {
    const held = db.prepare('SELECT COUNT(*) AS n FROM requests WHERE holder_center_id = ? AND queue = ?');
    const overdue = db.prepare('SELECT COUNT(*) AS n FROM request_centers WHERE center_id = ? AND overdue = 1');
    const counts = await store.countQueues('city');
    for (const q of QUEUE_NAMES) {
      const n = ((q === 'overdue' ? overdue.get('city') : held.get('city', q)) as { n: number }).n;
      if (counts[q] !== n) throw new Error(`clerk-queue bench: the city's ${q} counter says ${counts[q]}, the rows ${n}`);
    }
  } finally {
    db.close();
  }
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

type Scans = { first: { value: ScanReport; ms: number }; next: { value: ScanReport; ms: number }; quiet: { value: ScanReport; ms: number }[] };

/** The timer's passes at one size, ten minutes apart: the first over everything, the next, then quiet ones. */
const scansAt = async (deps: Deps, clock: { at: number }): Promise<Scans> => {
  await deps.meta.putMeta(SCAN_STATE_KEY, '{}'); // the bulk rows were written behind the scan's back: start over
  clock.at = Date.parse(NOW);
  const first = await timedAsync(() => runOverdueScan(deps));
  clock.at += 10 * MINUTE;
  const next = await timedAsync(() => runOverdueScan(deps));
  const quiet = [];
  for (let i = 0; i < QUIET_ROUNDS; i++) {
    clock.at += 10 * MINUTE;
    quiet.push(await timedAsync(() => runOverdueScan(deps)));
  }
  return { first, next, quiet };
};

const scanRows = (size: number, s: Scans): BenchRow[] => {
  const label = `${size / 1000}k`;
  const full = { name: `the first pass at ${label} (every open request)`, value: round(s.first.ms, 1) };
  const quietScanned = s.quiet.map((q) => q.value.scanned);
  return [
    once(
      `overdue scan at ${label}: first pass`,
      round(s.first.ms, 1),
      'ms',
      `${s.first.value.scanned} open requests read, ${s.first.value.flagged} flagged and written with notices, ${s.first.value.conflicts} conflicts`,
    ),
    once(
      `overdue scan at ${label}: the next pass`,
      round(s.next.ms, 1),
      'ms',
      `${s.next.value.scanned} read (what the first pass wrote, looked at once more), ${s.next.value.flagged} flagged`,
      undefined,
      full,
    ),
    row({
      name: `overdue scan at ${label}: quiet pass`,
      unit: 'ms',
      samples: s.quiet.map((q) => q.ms),
      reference: full,
      ...(size === 300_000 ? { goal: { of: 'value' as const, atMost: 500 } } : {}),
      note: `the passes after it, 10 minutes apart, with nothing new: ${Math.max(...quietScanned)} requests read at most, ${s.quiet.reduce((n, q) => n + q.value.flagged, 0)} flagged`,
    }),
  ];
};

/** The bare read a queue call cannot beat: the same page straight from the index, no counts. */
const barePage = (file: string) => {
  const db = new Database(file, { readonly: true });
  const held = db.prepare('SELECT doc FROM requests WHERE holder_center_id = ? AND queue = ? ORDER BY submitted_at DESC, id LIMIT ?');
  const overdue = db.prepare(`SELECT r.doc FROM request_centers rc JOIN requests r ON r.id = rc.request_id
    WHERE rc.center_id = ? AND rc.overdue = 1 ORDER BY rc.submitted_at DESC, rc.request_id LIMIT ?`);
  return {
    read: (centerId: string, queue: QueueName) =>
      (queue === 'overdue' ? overdue.all(centerId, PAGE.pageSize) : held.all(centerId, queue, PAGE.pageSize)).map((r) =>
        JSON.parse((r as { doc: string }).doc),
      ),
    close: () => db.close(),
  };
};

/** p50 / p99 of a clerk opening a random queue (one page plus the counts of every queue), and of the bare page read. */
const queueLatency = async (store: RequestStore, bare: ReturnType<typeof barePage>, centerId: string, calls: number, seed: number) => {
  const rnd = seededRandom(seed);
  const queues = Array.from({ length: calls + 10 }, () => QUEUE_NAMES[Math.floor(rnd() * QUEUE_NAMES.length)]);
  const open = async (queue: QueueName) => {
    await store.listQueue(centerId, queue, PAGE);
    await store.countQueues(centerId);
  };
  for (const q of queues.slice(0, 10)) await open(q); // warm-up: prepared statements and page cache
  const samples: number[] = [];
  const bareSamples: number[] = [];
  for (const [i, q] of queues.slice(10).entries()) {
    // alternate which goes first, so neither always finds the pages the other just read
    if (i % 2) bareSamples.push((await timedAsync(async () => bare.read(centerId, q))).ms);
    samples.push((await timedAsync(() => open(q))).ms);
    if (!(i % 2)) bareSamples.push((await timedAsync(async () => bare.read(centerId, q))).ms);
  }
  return { app: summarize(samples), bare: summarize(bareSamples), counts: await store.countQueues(centerId) };
};

const queueRows = async (
  store: RequestStore,
  bare: ReturnType<typeof barePage>,
  kind: keyof typeof QUERY_CALLS,
  target: { id: string; held: number } | undefined,
): Promise<BenchRow[]> => {
  if (!target) return [];
  const q = await queueLatency(store, bare, target.id, QUERY_CALLS[kind], target.held);
  const counts = Object.entries(q.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const where = kind === 'city' ? 'the city center' : `the busiest ${kind} center`;
  const goal = kind === 'city' ? { of: 'value' as const, atMost: 10 } : undefined;
  return [
    once(
      `clerk queue at ${where} at 300k, p50`,
      round(q.app.p50, 3),
      'ms',
      `listQueue + countQueues; ${target.id} holds ${target.held}: ${counts}`,
      undefined,
      { name: 'the bare page read, p50', value: round(q.bare.p50, 3) },
    ),
    once(`clerk queue at ${where} at 300k, p99`, round(q.app.p99, 3), 'ms', `${QUERY_CALLS[kind]} calls, random queue, page 1 of ${PAGE.pageSize}`, goal, {
      name: 'the bare page read, p99',
      value: round(q.bare.p99, 3),
    }),
  ];
};

const seedRows = (s: Seeding): BenchRow[] => [
  once(
    'seed 300k requests: build (route + newRequest + transitions)',
    round(s.generateMs / 1000, 2),
    's',
    `${Math.round(s.written / (s.generateMs / 1000))} requests/s, deterministic`,
  ),
  once(
    'seed: RequestStore.createRequest, one transaction each',
    Math.round(s.portCount / (s.portMs / 1000)),
    'requests/s',
    `the first ${s.portCount} through the port (row, path rows, counters, audit trail; WAL, synchronous NORMAL)`,
  ),
  once(
    'seed: the other requests in batches of 10k',
    round(s.bulkMs / 1000, 2),
    's',
    `${s.bulkCount} via a bench-only writer on the same file, ${Math.round(s.bulkCount / (s.bulkMs / 1000))} requests/s; checked back through the port, counters against the rows`,
  ),
];

/** Grows a file to 10k, 100k and 300k requests, measuring the overdue scan at each, then the clerk queue at 300k. */
export async function benchClerkQueue(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zc-bench-queue-'));
  const file = join(dir, 'queue.sqlite');
  const store = createSqliteStore({ path: file });
  try {
    await seedSampleData(store, NOW);
    const clock = { at: Date.parse(NOW) };
    const deps = await createDeps({ store, mode: 'local', now: () => new Date(clock.at) });
    const crowd = benchRequests(
      { count: SIZES[SIZES.length - 1], now: NOW, overdueShare: OVERDUE_SHARE, seed: 20261116 },
      buildDirectory(loadSampleCenters()),
      loadSampleItems(),
    );
    const s: Seeding = { generateMs: 0, portMs: 0, portCount: 0, bulkMs: 0, bulkCount: 0, late: 0, written: 0 };
    const rows: BenchRow[] = [];
    for (const size of SIZES) {
      progress('clerk-queue', `growing ${file} to ${size} requests`);
      await growTo(size, crowd, store, file, s);
      await checkSeed(store, file, size, s.last!);
      progress('clerk-queue', `overdue scan passes at ${size}`);
      rows.push(...scanRows(size, await scansAt(deps, clock)));
    }
    const shape = shapeOf(file);
    const spread = Object.entries(shape.byQueue)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    rows.push(
      once(
        'overdue requests after the scans',
        round((shape.overdue / s.written) * 100, 2),
        '%',
        `${shape.overdue} of ${s.written} (${s.late} seeded late); queues held: ${spread}`,
      ),
    );
    progress('clerk-queue', 'queue queries');
    const bare = barePage(file);
    try {
      for (const kind of ['township', 'village', 'city'] as const) rows.push(...(await queueRows(store, bare, kind, shape.busiest[kind])));
    } finally {
      bare.close();
    }
    return [...seedRows(s), ...rows];
  } finally {
    await store.close();
    if (!process.env.ZC_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
