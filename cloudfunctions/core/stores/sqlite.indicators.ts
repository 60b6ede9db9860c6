/**
 * The indicators' counters in SQLite: one `indicator_days` row per (China day, intake center),
 * a column per counter, moved by `counterDelta` inside the request write's transaction (the
 * `cells` writer sqlite.requests.ts calls). The sums are GROUP BY queries over the primary key
 * (day, center) or its (center, day) index; the late rectification cases read the partial index
 * on `rect_deadline`. The rebuild recounts every cell from the requests' documents.
 */
import { COUNTER_FIELDS, countersOfAll, zeroCounters, type CounterRow, type Counters } from '../../../shared/indicators.counters';
import { prepared, type Db } from './sqlite.kit';
import type { CounterQuery, IndicatorStore } from './indicator.port';

/** The counter columns migration 14 made, frozen: a later counter is a later migration (a test keeps this equal to COUNTER_FIELDS). */
export const INDICATOR_COLUMNS_V1 = [
  'submitted', 'accepted', 'overdue', 'settledVillage', 'settledTownship', 'settledCity', 'settledZone',
  'handoffsConfirmed', 'handoffMinutes', 'wait1', 'wait2', 'wait4', 'wait8', 'wait24', 'wait48', 'wait72', 'wait120', 'waitMore',
  'handoffsLate', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5', 'ratedVillage', 'ratedTownship', 'ratedCity', 'ratedZone',
  'badVillage', 'badTownship', 'badCity', 'badZone', 'badReviews', 'rectOpen', 'rectClosed', 'returnCalls', 'satisfiedAfterCall',
] as const; // prettier-ignore

/** The table of migration 14. */
export const CREATE_INDICATOR_DAYS_SQL = `
  CREATE TABLE indicator_days (
    day TEXT NOT NULL, center_id TEXT NOT NULL,
    ${INDICATOR_COLUMNS_V1.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY (day, center_id)) WITHOUT ROWID;
  CREATE INDEX indicator_days_by_center ON indicator_days (center_id, day);`;

type Columns = readonly string[];

const upsertSql = (columns: Columns) => `INSERT INTO indicator_days (day, center_id, ${columns.join(', ')})
  VALUES (@day, @centerId, ${columns.map((f) => `@${f}`).join(', ')})
  ON CONFLICT (day, center_id) DO UPDATE SET ${columns.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`;

/**
 * Adds rows of counter changes to their cells (inside the caller's transaction). `columns` are
 * the counters the table has: migration 14 replayed on an old database passes its own list.
 */
export const cellWriter = (db: Db, columns: Columns = COUNTER_FIELDS) => {
  const upsert = prepared(db, upsertSql(columns));
  return (rows: readonly CounterRow[]): void => {
    for (const r of rows) {
      const c: Record<string, number> = { ...zeroCounters(), ...r.counters };
      upsert.run({ day: r.day, centerId: r.centerId, ...Object.fromEntries(columns.map((f) => [f, c[f] ?? 0])) });
    }
  };
};

/** Recounts every cell from the requests' documents (call inside a transaction: a migration, the port's rebuild, a bulk load). */
export const rebuildCells = (db: Db, columns: Columns = COUNTER_FIELDS): { requests: number; cells: number } => {
  db.exec('DELETE FROM indicator_days');
  let requests = 0;
  const docs = function* () {
    for (const row of db.prepare('SELECT doc FROM requests').iterate() as Iterable<{ doc: string }>) {
      requests += 1;
      yield JSON.parse(row.doc);
    }
  };
  const rows = countersOfAll(docs());
  cellWriter(db, columns)(rows);
  return { requests, cells: rows.length };
};

const SUMS = COUNTER_FIELDS.map((f) => `SUM(${f}) AS ${f}`).join(', ');

/** The WHERE of a counter query: the day range, and the centers as one JSON parameter. */
const cellWhere = (q: CounterQuery) =>
  q.centerIds
    ? { sql: 'WHERE day BETWEEN ? AND ? AND center_id IN (SELECT value FROM json_each(?))', params: [q.from, q.to, JSON.stringify(q.centerIds)] }
    : { sql: 'WHERE day BETWEEN ? AND ?', params: [q.from, q.to] };

const countersOfRow = (row: Record<string, unknown>): Counters => {
  const c = zeroCounters();
  for (const f of COUNTER_FIELDS) c[f] = Number(row[f] ?? 0);
  return c;
};

/** The port over the cells and the requests' rectification column. */
export const indicatorStore = (db: Db): IndicatorStore => ({
  countersByDay: async (q) => {
    const w = cellWhere(q);
    const rows = prepared(db, `SELECT day, ${SUMS} FROM indicator_days ${w.sql} GROUP BY day ORDER BY day`).all(...w.params) as Record<string, unknown>[];
    return rows.map((r) => ({ day: String(r.day), counters: countersOfRow(r) }));
  },
  countersByCenter: async (q) => {
    const w = cellWhere(q);
    const rows = prepared(db, `SELECT center_id, ${SUMS} FROM indicator_days ${w.sql} GROUP BY center_id ORDER BY center_id`).all(...w.params) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({ centerId: String(r.center_id), counters: countersOfRow(r) }));
  },
  lateRectifications: async (now) =>
    prepared(
      db,
      `SELECT json_extract(doc, '$.intakeCenterId') AS centerId, COUNT(*) AS n FROM requests
      WHERE rect_deadline IS NOT NULL AND rect_deadline < ? GROUP BY 1 ORDER BY 1`,
    ).all(new Date(Date.parse(now)).toISOString()) as { centerId: string; n: number }[],
  rebuildIndicators: async () => db.transaction(() => rebuildCells(db))(),
});
