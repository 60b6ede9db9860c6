import Database from 'better-sqlite3';
import { CREATE_INDICATOR_DAYS_SQL } from '/work/wt/dash/cloudfunctions/core/stores/sqlite.indicators';
import { COUNTER_FIELDS } from '/work/wt/dash/shared/indicators.counters';
const db = new Database(':memory:');
db.exec(CREATE_INDICATOR_DAYS_SQL);
const ins = db.prepare(`INSERT INTO indicator_days (day, center_id, ${COUNTER_FIELDS.join(',')}) VALUES (?, ?, ${COUNTER_FIELDS.map(() => '?').join(',')})`);
db.transaction(() => { for (let d = 0; d < 365; d++) { const day = new Date(Date.UTC(2026,0,1)+d*864e5).toISOString().slice(0,10); for (let c = 0; c < 900; c++) ins.run(day, `c-${c}`, ...COUNTER_FIELDS.map((_, i) => (c+i)%3)); } })();
const SUMS = COUNTER_FIELDS.map((f) => `SUM(${f}) AS ${f}`).join(', ');
for (const [name, sql] of [['byDay', `SELECT day, ${SUMS} FROM indicator_days WHERE day BETWEEN ? AND ? GROUP BY day`], ['byCenter', `SELECT center_id, ${SUMS} FROM indicator_days WHERE day BETWEEN ? AND ? GROUP BY center_id`]]) {
  const st = db.prepare(sql);
  for (let i = 0; i < 3; i++) { const t = performance.now(); st.all('2026-01-01', '2026-12-31'); console.log(name, (performance.now() - t).toFixed(0), 'ms'); }
}
