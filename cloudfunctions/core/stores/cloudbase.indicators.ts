/**
 * The indicators' counters in CloudBase: one `indicator_days` document per (China day, intake
 * center), `_id` `<day>~<center>`, with `day`, `centerId` and a field per counter. A request
 * write moves its cells inside its own transaction (`writeCells`: `doc(id).get()` then
 * `doc(id).set()`, both joining the transaction; the callback computes from what it read, so a
 * retried run writes the same). Two writes touching one cell meet the server's write conflict and
 * the SDK retries the later. The sums are aggregation pipelines ($match on the indexed `day` and
 * `centerId`, $group with $sum), answered by the server, never read document by document.
 */
import type tcb from '@cloudbase/node-sdk';
import { COUNTER_FIELDS, countersOfAll, zeroCounters, type CounterRow, type Counters } from '../../../shared/indicators.counters';
import type { Request } from '../../../shared/request.schema';
import type { CounterQuery, IndicatorStore } from './indicator.port';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Txn = { collection(name: string): ReturnType<Db['collection']> };

export const CELLS = 'indicator_days';
/** The `_id` of a cell. */
export const cellIdOf = (day: string, centerId: string): string => `${day}~${centerId}`;

const countersOfDoc = (doc: Record<string, unknown> | null | undefined): Counters => {
  const c = zeroCounters();
  for (const f of COUNTER_FIELDS) c[f] = Number(doc?.[f] ?? 0);
  return c;
};

/** Adds the rows to their cells inside transaction `t`. */
export const writeCells = async (t: Txn, rows: readonly CounterRow[]): Promise<void> => {
  for (const r of rows) {
    const ref = t.collection(CELLS).doc(cellIdOf(r.day, r.centerId));
    const current = countersOfDoc((await ref.get()).data as Record<string, unknown> | null);
    for (const [f, n] of Object.entries(r.counters) as [keyof Counters, number][]) current[f] += n;
    await ref.set({ day: r.day, centerId: r.centerId, ...current });
  }
};

/** The sums of a query grouped by one field, answered by the server's aggregation. */
const grouped = async (db: Db, q: CounterQuery, by: 'day' | 'centerId'): Promise<{ key: string; counters: Counters }[]> => {
  const _ = db.command;
  const $ = _.aggregate;
  const match = { day: _.gte(q.from).and(_.lte(q.to)), ...(q.centerIds ? { centerId: _.in([...q.centerIds]) } : {}) };
  const sums = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, $.sum(`$${f}`)]));
  const res = await db
    .collection(CELLS)
    .aggregate()
    .match(match)
    .group({ _id: `$${by}`, ...sums })
    .sort({ _id: 1 })
    // an aggregation answers 20 groups unless told: a year of days or every center needs more
    .limit(5000)
    .end();
  return ((res as { data?: Record<string, unknown>[] }).data ?? []).map((row) => ({ key: String(row._id), counters: countersOfDoc(row) }));
};

/** Every cell's `_id` (cells are plain documents, not envelopes). */
const cellIds = async (db: Db): Promise<string[]> => {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection(CELLS).field({ _id: true }).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    out.push(...(data as { _id: string }[]).map((d) => d._id));
    if ((data as unknown[]).length < 1000) return out;
  }
};

type Reader = { all<T>(coll: string, filter: object, order: [string, 'asc' | 'desc'][]): Promise<T[]> };
type Parallel = <T>(list: T[], width: number, work: (x: T) => Promise<unknown>) => Promise<void>;

/** The port: sums by day and by center, the late cases, and the rebuild. */
export const cloudbaseIndicators = (db: Db, read: Reader, inParallel: Parallel): IndicatorStore => ({
  countersByDay: async (q) => (await grouped(db, q, 'day')).map((g) => ({ day: g.key, counters: g.counters })),
  countersByCenter: async (q) => (await grouped(db, q, 'centerId')).map((g) => ({ centerId: g.key, counters: g.counters })),
  lateRectifications: async (now) => {
    const late = await read.all<Request>('requests', { rectDeadline: db.command.lt(new Date(Date.parse(now)).toISOString()) }, [['_id', 'asc']]);
    const by = new Map<string, number>();
    for (const r of late) by.set(r.intakeCenterId, (by.get(r.intakeCenterId) ?? 0) + 1);
    return [...by].sort(([a], [b]) => (a < b ? -1 : 1)).map(([centerId, n]) => ({ centerId, n }));
  },
  /**
   * Recounts every cell from the requests. Not one transaction (CloudBase has none over many
   * documents): run it while no request is written (an upgrade's maintenance window); every
   * cell is set, not added to, so running it again repairs an interrupted run.
   */
  rebuildIndicators: async () => {
    const requests = await read.all<Request>('requests', {}, [['_id', 'asc']]);
    const rows = countersOfAll(requests);
    const keep = new Set(rows.map((r) => cellIdOf(r.day, r.centerId)));
    const stale = (await cellIds(db)).filter((id) => !keep.has(id));
    await inParallel(stale, 16, (id) => db.collection(CELLS).doc(id).remove());
    await inParallel(rows, 16, (r) =>
      db
        .collection(CELLS)
        .doc(cellIdOf(r.day, r.centerId))
        .set({ day: r.day, centerId: r.centerId, ...countersOfDoc(r.counters) }),
    );
    return { requests: requests.length, cells: rows.length };
  },
});
