/**
 * The indicators' counters in CloudBase, in three collections of plain documents with a field
 * per counter: `indicator_days` (`<day>~<center>`: day, centerId), its rollups `indicator_months`
 * (`<month>~<center>`: month, centerId) and `indicator_city` (`<day>~<shard>`: day; the city's day
 * in four shards chosen by request id, so the writes of a busy city day do not all meet on one
 * document). A request write moves its documents inside its own transaction (`writeCells`:
 * `doc(id).get()` then `doc(id).set()`, both joining the transaction; the callback computes from
 * what it read, so a retried run writes the same). Two writes touching one document meet the
 * server's write conflict and the SDK retries the later. The sums are aggregation pipelines
 * ($match on the indexed key fields, $group with $sum), answered by the server: a year of the
 * city by day reads the city's day documents, a year by center the month documents.
 */
import type tcb from '@cloudbase/node-sdk';
import { COUNTER_FIELDS, countersOfAll, zeroCounters, type CounterRow, type Counters } from '../../../shared/indicators.counters';
import type { Request } from '../../../shared/request.schema';
import type { CounterQuery, IndicatorStore } from './indicator.port';
import { splitRange } from './indicator.ranges';
import type { Page, PageOf } from './store.page';
import { instantKey } from './store.columns';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Txn = { collection(name: string): ReturnType<Db['collection']> };

export const CELLS = 'indicator_days';
export const MONTHS = 'indicator_months';
export const CITY = 'indicator_city';
const SHARDS = 4;

/** The `_id` of a cell. */
export const cellIdOf = (day: string, centerId: string): string => `${day}~${centerId}`;

const countersOfDoc = (doc: Record<string, unknown> | null | undefined): Counters => {
  const c = zeroCounters();
  for (const f of COUNTER_FIELDS) c[f] = Number(doc?.[f] ?? 0);
  return c;
};

/** The city shard a request's changes go to. */
const shardOf = (requestId: string): number => {
  let h = 0;
  for (const ch of requestId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % SHARDS;
};

type Target = { coll: string; id: string; keys: Record<string, string>; counters: Partial<Counters> };

/** The documents rows of changes move: the cell, its month, the city's day; each document once. */
const targetsOf = (rows: readonly CounterRow[], shard: number): Target[] => {
  const out = new Map<string, Target>();
  const add = (coll: string, id: string, keys: Record<string, string>, counters: Partial<Counters>) => {
    const t = out.get(`${coll}/${id}`) ?? { coll, id, keys, counters: {} };
    for (const [f, n] of Object.entries(counters) as [keyof Counters, number][]) t.counters[f] = (t.counters[f] ?? 0) + n;
    out.set(`${coll}/${id}`, t);
  };
  for (const r of rows) {
    const month = r.day.slice(0, 7);
    add(CELLS, cellIdOf(r.day, r.centerId), { day: r.day, centerId: r.centerId }, r.counters);
    add(MONTHS, cellIdOf(month, r.centerId), { month, centerId: r.centerId }, r.counters);
    add(CITY, `${r.day}~${shard}`, { day: r.day }, r.counters);
  }
  return [...out.values()];
};

/** Adds the rows of one request's write to their documents inside transaction `t`. */
export const writeCells = async (t: Txn, rows: readonly CounterRow[], requestId: string): Promise<void> => {
  for (const target of targetsOf(rows, shardOf(requestId))) {
    const ref = t.collection(target.coll).doc(target.id);
    const current = countersOfDoc((await ref.get()).data as Record<string, unknown> | null);
    for (const [f, n] of Object.entries(target.counters) as [keyof Counters, number][]) current[f] += n;
    await ref.set({ ...target.keys, ...current });
  }
};

type Match = { coll: string; field: 'day' | 'month'; from: string; to: string; centerIds?: readonly string[] };

/** The sums of the documents a match selects, grouped by one field, answered by the server's aggregation. */
const grouped = async (db: Db, m: Match, by: string): Promise<{ key: string; counters: Counters }[]> => {
  const _ = db.command;
  const $ = _.aggregate;
  const match = { [m.field]: _.gte(m.from).and(_.lte(m.to)), ...(m.centerIds ? { centerId: _.in([...m.centerIds]) } : {}) };
  const sums = Object.fromEntries(COUNTER_FIELDS.map((f) => [f, $.sum(`$${f}`)]));
  const res = await db
    .collection(m.coll)
    .aggregate()
    .match(match)
    .group({ _id: `$${by}`, ...sums })
    .sort({ _id: 1 })
    // an aggregation answers 20 groups unless told: a year of days or every center needs more
    .limit(5000)
    .end();
  return ((res as { data?: Record<string, unknown>[] }).data ?? []).map((row) => ({ key: String(row._id), counters: countersOfDoc(row) }));
};

/** Per center over a range: whole months from the month documents, the edge days from the cells. */
const byCenter = async (db: Db, q: CounterQuery) => {
  const parts = splitRange(q.from, q.to);
  const reads = [
    ...(parts.months ? [grouped(db, { coll: MONTHS, field: 'month', ...parts.months, centerIds: q.centerIds }, 'centerId')] : []),
    ...parts.days.map((d) => grouped(db, { coll: CELLS, field: 'day', ...d, centerIds: q.centerIds }, 'centerId')),
  ];
  const sums = new Map<string, Counters>();
  for (const g of (await Promise.all(reads)).flat()) {
    const c = sums.get(g.key) ?? zeroCounters();
    for (const f of COUNTER_FIELDS) c[f] += g.counters[f];
    sums.set(g.key, c);
  }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([centerId, counters]) => ({ centerId, counters }));
};

/** Every `_id` of a collection of counter documents (plain documents, not envelopes). */
const idsOf = async (db: Db, coll: string): Promise<string[]> => {
  const out: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const { data } = await db.collection(coll).field({ _id: true }).orderBy('_id', 'asc').skip(offset).limit(1000).get();
    out.push(...(data as { _id: string }[]).map((d) => d._id));
    if ((data as unknown[]).length < 1000) return out;
  }
};

type Order = [string, 'asc' | 'desc'][];
type Reader = {
  all<T>(coll: string, filter: object, order: Order): Promise<T[]>;
  page<T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>>;
};
type Parallel = <T>(list: T[], width: number, work: (x: T) => Promise<unknown>) => Promise<void>;

/** The port: sums by day and by center, the late cases, and the rebuild. */
export const cloudbaseIndicators = (db: Db, read: Reader, inParallel: Parallel): IndicatorStore => ({
  countersByDay: async (q) =>
    (await grouped(db, { coll: q.centerIds ? CELLS : CITY, field: 'day', from: q.from, to: q.to, centerIds: q.centerIds }, 'day')).map((g) => ({
      day: g.key,
      counters: g.counters,
    })),
  countersByCenter: (q) => byCenter(db, q),
  lateRectifications: async (now) => {
    const _ = db.command;
    const res = await db
      .collection('requests')
      .aggregate()
      .match({ rectDeadline: _.lt(new Date(Date.parse(now)).toISOString()) })
      .group({ _id: '$doc.intakeCenterId', n: _.aggregate.sum(1) })
      .sort({ _id: 1 })
      .limit(5000)
      .end();
    return ((res as { data?: { _id: string; n: number }[] }).data ?? []).map((g) => ({ centerId: String(g._id), n: Number(g.n) }));
  },
  listRectifications: (q, page) =>
    read.page<Request>(
      'requests',
      { rectDeadline: q.before ? db.command.lt(instantKey(q.before)) : db.command.neq(null) },
      [
        ['rectDeadline', 'asc'],
        ['_id', 'asc'],
      ],
      page,
    ),
  /**
   * Recounts every cell from the requests (and gives a request stored before the column its open case's `rectDeadline`). Not one transaction (CloudBase has none over many
   * documents): run it while no request is written (an upgrade's maintenance window); every
   * cell is set, not added to, so running it again repairs an interrupted run.
   */
  rebuildIndicators: async () => {
    const requests = await read.all<Request>('requests', {}, [['_id', 'asc']]);
    const open = requests.filter((r) => r.rectification?.state === 'open');
    await inParallel(open, 16, (r) =>
      db
        .collection('requests')
        .where({ _id: r.id, version: r.version })
        .update({ rectDeadline: instantKey(r.rectification!.deadline) }),
    );
    const docs = new Map<string, Target>();
    for (const r of requests) {
      for (const t of targetsOf(countersOfAll([r]), shardOf(r.id))) {
        const d = docs.get(`${t.coll}/${t.id}`) ?? { ...t, counters: {} };
        for (const [f, n] of Object.entries(t.counters) as [keyof Counters, number][]) d.counters[f] = (d.counters[f] ?? 0) + n;
        docs.set(`${t.coll}/${t.id}`, d);
      }
    }
    for (const coll of [CELLS, MONTHS, CITY]) {
      const stale = (await idsOf(db, coll)).filter((id) => !docs.has(`${coll}/${id}`));
      await inParallel(stale, 16, (id) => db.collection(coll).doc(id).remove());
    }
    await inParallel([...docs.values()], 16, (d) =>
      db
        .collection(d.coll)
        .doc(d.id)
        .set({ ...d.keys, ...countersOfDoc(d.counters) }),
    );
    return { requests: requests.length, cells: [...docs.values()].filter((d) => d.coll === CELLS).length };
  },
});
