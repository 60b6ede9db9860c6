/**
 * The administrator's indicators at a city's volume: admin.stats over 100,000 and 1,000,000
 * requests in a SQLite file, through the admin function as the app calls it. The requests are
 * a pool of 20,000 walked by the real machine (bench/request.seed.ts; a share of the delivered
 * ones then rated badly, opening rectification cases), copied with fresh ids and every instant
 * moved by up to a year, written in bulk (one transaction per 50,000, no audit rows) with the
 * indicators' cells counted on the way by the same shared code a write uses. Also measured: the
 * rebuild of every cell from the stored requests (the migration's backfill) at 100,000.
 * ZC_BENCH_STATS_MAX=100000 stops at the first size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { dispatch } from '../cloudfunctions/core/edge/dispatch';
import { FUNCTIONS } from '../cloudfunctions/core/edge/functions';
import { createDeps } from '../cloudfunctions/core/services/deps';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import { INSERT_PATH_ROW_SQL, INSERT_REQUEST_SQL, requestRow } from '../cloudfunctions/core/stores/sqlite.requests';
import { REBUILD_QUEUE_COUNTS_SQL } from '../cloudfunctions/core/stores/sqlite.counts';
import { cellWriter } from '../cloudfunctions/core/stores/sqlite.indicators';
import { countersOf, type CounterField, type CounterRow, type Counters } from '../shared/indicators.counters';
import { transition } from '../shared/request.machine';
import type { Request } from '../shared/request.schema';
import { buildDirectory } from '../shared/directory';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import type { BenchRow } from './bench.types';
import { progress, row, seededRandom, timedAsync } from './bench.stats';
import { benchRequests } from './request.seed';

const POOL = 20_000;
const BATCH = 50_000;
const SIZES = [100_000, 1_000_000].filter((n) => n <= Number(process.env.ZC_BENCH_STATS_MAX ?? Infinity));
const CALLS = 30;
const NOW = '2026-11-16T02:00:00.000Z';
const DAY = 86_400_000;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The pool: real walks, and a third of the delivered ones rated badly a day after delivery. */
const pool = (): Request[] => {
  const rnd = seededRandom(20261201);
  const crowd = benchRequests({ count: POOL, now: NOW, overdueShare: 0.03, seed: 20261201 }, buildDirectory(loadSampleCenters()), loadSampleItems());
  const out: Request[] = [];
  for (const { request } of crowd) {
    let r = request;
    if (r.state === 'delivered' && r.deliveredAt && rnd() < 0.35) {
      const level = rnd() < 0.5 ? '不满意' : '非常不满意';
      const actor = {
        userId: r.applicant.userId,
        role: r.applicant.type === 'company' ? ('company' as const) : ('resident' as const),
        companyId: r.applicant.companyId,
      };
      const at = new Date(Date.parse(r.deliveredAt) + 3_600_000).toISOString();
      const rated = transition(r, { type: 'rate', level, comment: '等得太久', reasons: ['办理时间太长'] } as never, actor, at);
      if (rated.ok) r = rated.value.request;
    }
    out.push(r);
  }
  return out;
};

/** Moves every instant of a request by `ms` (a deep walk over the stored document). */
const shifted = <T>(v: T, ms: number): T => {
  if (typeof v === 'string') return (INSTANT.test(v) ? new Date(Date.parse(v) - ms).toISOString() : v) as T;
  if (Array.isArray(v)) return v.map((x) => shifted(x, ms)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shifted(x, ms)])) as T;
  return v;
};

/** Adds `count` more requests (copies of the pool) to the file, cells included; answers the ms spent. */
const load = (file: string, base: readonly Request[], from: number, count: number): number => {
  const start = performance.now();
  const db = new Database(file);
  db.pragma('cache_size = -262144');
  const insert = db.prepare(INSERT_REQUEST_SQL);
  const putCenter = db.prepare(INSERT_PATH_ROW_SQL);
  const cells = new Map<string, Partial<Counters>>();
  const rnd = seededRandom(from + 7);
  const write = db.transaction((n0: number, n1: number) => {
    for (let n = n0; n < n1; n++) {
      const r = { ...shifted(base[n % base.length], Math.floor(rnd() * 365) * DAY), id: `rq-${n}`, idempotencyKey: `bk-${n}`, trackingNo: `ZC${n}` };
      const { centers, files: _files, ...columns } = requestRow(r);
      insert.run(columns);
      for (const c of centers) putCenter.run(r.id, c, columns.overdue, columns.submittedAt);
      for (const [key, c] of countersOf(r)) {
        const cell = cells.get(key) ?? {};
        for (const [f, v] of Object.entries(c) as [CounterField, number][]) cell[f] = (cell[f] ?? 0) + v;
        cells.set(key, cell);
      }
    }
  });
  for (let n = from; n < from + count; n += BATCH) write(n, Math.min(n + BATCH, from + count));
  const rows: CounterRow[] = [...cells].map(([key, counters]) => ({ day: key.split('|')[0], centerId: key.split('|')[1], counters }));
  db.transaction(() => cellWriter(db)(rows))();
  db.exec(`BEGIN; ${REBUILD_QUEUE_COUNTS_SQL} COMMIT;`);
  db.close();
  return performance.now() - start;
};

/** The admin function over the store, as the app calls it. */
const statsCalls = async (file: string) => {
  const store = createSqliteStore({ path: file });
  const deps = await createDeps({ store, mode: 'local', now: () => new Date(NOW), checkOutput: false });
  const login = await dispatch(FUNCTIONS.session, { action: 'devLogin', data: { persona: 'admin' } }, deps, null);
  const admin = (login.envelope as { data: { user: { id: string } } }).data.user.id;
  const call = async (data: object) => {
    const out = await dispatch(FUNCTIONS.admin, { action: 'stats', data }, deps, admin);
    if (!out.envelope.ok) throw new Error(`admin.stats refused: ${JSON.stringify(out.envelope)}`);
    return out.envelope.data as { indicators: { requests: number } };
  };
  return { store, call };
};

const ASKS: [string, object][] = [
  ['city, 12 months by month', {}],
  ['city, 30 days by day', { period: 'day' }],
  ['one township, 12 weeks by week', { period: 'week', townshipCode: '103' }],
];

export async function benchStats(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zc-stats-'));
  const file = join(dir, 'stats.db');
  const rows: BenchRow[] = [];
  try {
    const seeded = createSqliteStore({ path: file });
    await seedSampleData(seeded, NOW);
    await seeded.close();
    progress('stats', `walking a pool of ${POOL} requests`);
    const base = pool();
    let loaded = 0;
    for (const size of SIZES) {
      progress('stats', `loading to ${size} requests`);
      const ms = load(file, base, loaded, size - loaded);
      loaded = size;
      rows.push(row({ name: `stats: bulk load to ${size.toLocaleString('en-US')} requests (rows + cells)`, unit: 's', samples: [ms / 1000] }));
      const { store, call } = await statsCalls(file);
      const seen = await call({ period: 'month', from: '2025-01-01', to: '2026-12-31' });
      if (seen.indicators.requests !== size) throw new Error(`admin.stats counted ${seen.indicators.requests} of ${size}`);
      for (const [what, data] of ASKS) {
        const samples: number[] = [];
        for (let i = 0; i < CALLS; i++) samples.push((await timedAsync(() => call(data))).ms);
        rows.push(row({ name: `admin.stats at ${size.toLocaleString('en-US')} requests: ${what}`, unit: 'ms', samples, goal: { of: 'value', atMost: 500 } }));
      }
      if (size === SIZES[0]) {
        const t = await timedAsync(() => store.rebuildIndicators());
        rows.push(
          row({
            name: `stats: rebuild every cell from ${size.toLocaleString('en-US')} stored requests (backfill)`,
            unit: 's',
            samples: [t.ms / 1000],
            note: `${t.value.cells} cells`,
          }),
        );
      }
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
