/**
 * The administrator's import of the official lists at the real size: 900 centers and 600
 * items, dry run and apply, on SQLite (in memory) and on CloudBase over HTTP against the local
 * fake. Each run goes through the admin function as the app calls it, on a freshly seeded store.
 */
import { performance } from 'node:perf_hooks';
import { dispatch } from '../cloudfunctions/core/edge/dispatch';
import { FUNCTIONS } from '../cloudfunctions/core/edge/functions';
import { createDeps } from '../cloudfunctions/core/services/deps';
import { writeCsv } from '../cloudfunctions/core/services/import.files';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';
import type { Stores } from '../cloudfunctions/core/stores/store.port';
import { rowsOfCenters, rowsOfItems } from '../shared/import.rows';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { startCloudbaseStore } from '../tests/support/cloudbase.env';
import type { BenchRow } from './bench.types';
import { progress, round } from './bench.stats';

/** 900 centers (the sample's 902) and 600 items (the sample's 559 and 41 more). */
const lists = () => {
  const items = [
    ...loadSampleItems(),
    ...Array.from({ length: 41 }, (_, i) => ({ ...loadSampleItems()[0], code: `ZC-X-${String(i).padStart(4, '0')}`, name: `补充事项${i}` })),
  ];
  return { centers: writeCsv(rowsOfCenters(loadSampleCenters())), items: writeCsv(rowsOfItems(items)) };
};

/** Times one admin call in ms, failing the suite when it is refused. */
const timed = async (run: () => Promise<{ envelope: { ok: boolean } }>) => {
  const t = performance.now();
  const out = await run();
  if (!out.envelope.ok) throw new Error(`import refused: ${JSON.stringify(out.envelope).slice(0, 200)}`);
  return { ms: performance.now() - t, data: (out.envelope as unknown as { data: { fileHash: string } }).data };
};

/** The dry run and apply times of both lists on one store. */
const measure = async (label: string, store: Stores): Promise<BenchRow[]> => {
  const deps = await createDeps({ store, mode: 'local', checkOutput: false });
  await seedSampleData(store, new Date().toISOString());
  const admin = { action: 'devLogin', data: { persona: 'admin' } };
  const who = ((await dispatch(FUNCTIONS.session, admin, deps, null)).envelope as { data: { user: { id: string } } }).data.user.id;
  const files = lists();
  const rows: BenchRow[] = [];
  for (const [action, name, bytes] of [
    ['importItems', 'items.csv', files.items],
    ['importCenters', 'centers.csv', files.centers],
  ] as const) {
    const file = { name, dataBase64: bytes.toString('base64') };
    const dry = await timed(() => dispatch(FUNCTIONS.admin, { action, data: { file } }, deps, who));
    const apply = await timed(() => dispatch(FUNCTIONS.admin, { action, data: { file, dryRun: false, confirmHash: dry.data.fileHash } }, deps, who));
    const what = action === 'importItems' ? '600 items' : '900 centers';
    rows.push({ rounds: 1, spread: 0, name: `admin import ${what}, dry run (${label})`, value: round(dry.ms), unit: 'ms' });
    rows.push({
      rounds: 1,
      spread: 0,
      name: `admin import ${what}, apply (${label})`,
      value: round(apply.ms),
      unit: 'ms',
      note: label === 'cloudbase' ? 'a whole new generation of centers and items over HTTP, then one pointer switch' : 'one transaction',
    });
    progress('imports', `${label} ${what}: dry ${round(dry.ms)} ms, apply ${round(apply.ms)} ms`);
  }
  return rows;
};

/** The import suite: SQLite, then CloudBase against the fake. */
export async function benchImports(): Promise<BenchRow[]> {
  const sqlite = createSqliteStore({ path: ':memory:' });
  const rows = await measure('sqlite', sqlite);
  await sqlite.close();
  const cloud = await startCloudbaseStore();
  try {
    rows.push(...(await measure('cloudbase', cloud.store)));
  } finally {
    await cloud.stop();
  }
  return rows;
}
