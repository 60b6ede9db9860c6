/**
 * The indicators' counters in SQLite: one `indicator_days` row per (China day, intake center),
 * a column per counter, and two rollups of the same cells, `indicator_months` (month, center)
 * and `indicator_city_days` (day, the whole city), all three moved by `counterDelta` inside the
 * request write's transaction (the `cells` writer sqlite.requests.ts calls). A year of the city
 * by day reads 365 city rows, a year by center 12 month rows a center (indicator.ranges.ts), a
 * township its own centers' rows; the late rectification cases read the partial index on
 * `rect_deadline`. The rebuild recounts every cell from the requests' documents.
 */
import { COUNTER_FIELDS, countersOfAll, zeroCounters, type CounterRow, type Counters } from '../../../shared/indicators.counters';
import { pageQuery, prepared, type Db } from './sqlite.kit';
import type { CounterQuery, IndicatorStore } from './indicator.port';
import type { Request } from '../../../shared/request.schema';
import { splitRange } from './indicator.ranges';

/** The counter columns migration 14 made, frozen: a later counter is a later migration (a test keeps this equal to COUNTER_FIELDS). */
export const INDICATOR_COLUMNS_V1 = [
  'submitted', 'accepted', 'overdue', 'settledVillage', 'settledTownship', 'settledCity', 'settledZone',
  'handoffsConfirmed', 'handoffMinutes', 'wait1', 'wait2', 'wait4', 'wait8', 'wait24', 'wait48', 'wait72', 'wait120', 'waitMore',
  'handoffsLate', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5', 'ratedVillage', 'ratedTownship', 'ratedCity', 'ratedZone',
  'badVillage', 'badTownship', 'badCity', 'badZone', 'badReviews', 'rectOpen', 'rectClosed', 'returnCalls', 'satisfiedAfterCall',
] as const; // prettier-ignore

const COLUMNS_V1 = INDICATOR_COLUMNS_V1.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ');

/** The tables of migration 14. */
export const CREATE_INDICATOR_DAYS_SQL = `
  CREATE TABLE indicator_days (day TEXT NOT NULL, center_id TEXT NOT NULL, ${COLUMNS_V1}, PRIMARY KEY (day, center_id)) WITHOUT ROWID;
  CREATE INDEX indicator_days_by_center ON indicator_days (center_id, day);
  CREATE TABLE indicator_months (month TEXT NOT NULL, center_id TEXT NOT NULL, ${COLUMNS_V1}, PRIMARY KEY (month, center_id)) WITHOUT ROWID;
  CREATE TABLE indicator_city_days (day TEXT NOT NULL PRIMARY KEY, ${COLUMNS_V1}) WITHOUT ROWID;`;

type Columns = readonly string[];

/** The three upserts of a cell's change: the cell, its month's row, the city's day. */
const upsertSql = (table: string, keys: string[], params: string[], columns: Columns) => `INSERT INTO ${table} (${keys.join(', ')}, ${columns.join(', ')})
  VALUES (${params.join(', ')}, ${columns.map((f) => `@${f}`).join(', ')})
  ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${columns.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`;
const upserts = (columns: Columns) => [
  upsertSql('indicator_days', ['day', 'center_id'], ['@day', '@centerId'], columns),
  upsertSql('indicator_months', ['month', 'center_id'], ['@month', '@centerId'], columns),
  upsertSql('indicator_city_days', ['day'], ['@day'], columns),
];

/**
 * Adds rows of counter changes to their cells (inside the caller's transaction). `columns` are
 * the counters the table has: migration 14 replayed on an old database passes its own list.
 */
export const cellWriter = (db: Db, columns: Columns = COUNTER_FIELDS) => {
  const statements = upserts(columns).map((sql) => prepared(db, sql));
  return (rows: readonly CounterRow[]): void => {
    for (const r of rows) {
      const c: Record<string, number> = { ...zeroCounters(), ...r.counters };
      const values = { day: r.day, month: r.day.slice(0, 7), centerId: r.centerId, ...Object.fromEntries(columns.map((f) => [f, c[f] ?? 0])) };
      for (const st of statements) st.run(values);
    }
  };
};

/** Recounts every cell from the requests' documents (call inside a transaction: a migration, the port's rebuild, a bulk load). */
export const rebuildCells = (db: Db, columns: Columns = COUNTER_FIELDS): { requests: number; cells: number } => {
  db.exec('DELETE FROM indicator_days; DELETE FROM indicator_months; DELETE FROM indicator_city_days;');
  let requests = 0;
  const docs = function* () {
    for (const row of db.prepare('SELECT doc FROM requests').iterate() as Iterable<{ doc: string }>) {
      requests += 1;
      yield JSON.parse(row.doc);
    }
  };
  const rows = countersOfAll(docs());
  const insert = prepared(
    db,
    `INSERT INTO indicator_days (day, center_id, ${columns.join(', ')}) VALUES (@day, @centerId, ${columns.map((f) => `@${f}`).join(', ')})`,
  );
  for (const r of rows) {
    const c: Record<string, number> = { ...zeroCounters(), ...r.counters };
    insert.run({ day: r.day, centerId: r.centerId, ...Object.fromEntries(columns.map((f) => [f, c[f] ?? 0])) });
  }
  const sums = columns.map((f) => `SUM(${f})`).join(', ');
  db.exec(`INSERT INTO indicator_months (month, center_id, ${columns.join(', ')})
      SELECT substr(day, 1, 7), center_id, ${sums} FROM indicator_days GROUP BY 1, 2;
    INSERT INTO indicator_city_days (day, ${columns.join(', ')}) SELECT day, ${sums} FROM indicator_days GROUP BY 1;`);
  return { requests, cells: rows.length };
};

const SUMS = COUNTER_FIELDS.map((f) => `SUM(${f}) AS ${f}`).join(', ');
const LIST = COUNTER_FIELDS.join(', ');

const countersOfRow = (row: Record<string, unknown>): Counters => {
  const c = zeroCounters();
  for (const f of COUNTER_FIELDS) c[f] = Number(row[f] ?? 0);
  return c;
};
const inCenters = (q: CounterQuery) =>
  q.centerIds ? { sql: ' AND center_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(q.centerIds)] } : { sql: '', params: [] };

/** The summed counters per day: the city's own rows, or a township's centers' cells. */
const byDay = (db: Db, q: CounterQuery) => {
  const c = inCenters(q);
  const sql = q.centerIds
    ? `SELECT day, ${SUMS} FROM indicator_days WHERE day BETWEEN ? AND ?${c.sql} GROUP BY day ORDER BY day`
    : `SELECT day, ${LIST} FROM indicator_city_days WHERE day BETWEEN ? AND ? ORDER BY day`;
  return (prepared(db, sql).all(q.from, q.to, ...c.params) as Record<string, unknown>[]).map((r) => ({ day: String(r.day), counters: countersOfRow(r) }));
};

/** The summed counters per center: whole months from the month rows, the edge days from the cells. */
const byCenter = (db: Db, q: CounterQuery) => {
  const c = inCenters(q);
  const parts = splitRange(q.from, q.to);
  const selects = [
    ...(parts.months
      ? [
          {
            sql: `SELECT center_id, ${LIST} FROM indicator_months WHERE month BETWEEN ? AND ?${c.sql}`,
            params: [parts.months.from, parts.months.to, ...c.params],
          },
        ]
      : []),
    ...parts.days.map((d) => ({ sql: `SELECT center_id, ${LIST} FROM indicator_days WHERE day BETWEEN ? AND ?${c.sql}`, params: [d.from, d.to, ...c.params] })),
  ];
  const sql = `SELECT center_id, ${SUMS} FROM (${selects.map((x) => x.sql).join(' UNION ALL ')}) GROUP BY center_id ORDER BY center_id`;
  const rows = prepared(db, sql).all(...selects.flatMap((x) => x.params)) as Record<string, unknown>[];
  return rows.map((r) => ({ centerId: String(r.center_id), counters: countersOfRow(r) }));
};

/** The port over the cells and the requests' rectification column. */
export const indicatorStore = (db: Db): IndicatorStore => ({
  countersByDay: async (q) => byDay(db, q),
  countersByCenter: async (q) => byCenter(db, q),
  lateRectifications: async (now) =>
    prepared(
      db,
      `SELECT intake_center_id AS centerId, COUNT(*) AS n FROM requests
      WHERE rect_deadline IS NOT NULL AND rect_deadline < ? GROUP BY 1 ORDER BY 1`,
    ).all(new Date(Date.parse(now)).toISOString()) as { centerId: string; n: number }[],
  listRectifications: async (q, page) =>
    pageQuery<Request>(
      db,
      'requests',
      q.before
        ? { sql: 'WHERE rect_deadline IS NOT NULL AND rect_deadline < ?', params: [new Date(Date.parse(q.before)).toISOString()] }
        : { sql: 'WHERE rect_deadline IS NOT NULL', params: [] },
      'rect_deadline, id',
      page,
    ),
  rebuildIndicators: async () => db.transaction(() => rebuildCells(db))(),
});
