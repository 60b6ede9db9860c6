/**
 * `npm run indicators:rebuild`: recounts the indicators' counters from the stored requests
 * (docs/indicators.md). SQLite does it by itself on the upgrade (migration 14); a CloudBase
 * environment whose requests predate the counters needs it once, run from a machine with
 * `TCB_ENV`, `TENCENTCLOUD_SECRETID` and `TENCENTCLOUD_SECRETKEY`, while no request is written.
 * `SQLITE_PATH=<file>` recounts a SQLite file instead.
 */
import { createCloudbaseStore } from '../cloudfunctions/core/stores/cloudbase.store';
import { createSqliteStore } from '../cloudfunctions/core/stores/sqlite.store';

const main = async () => {
  const store = process.env.SQLITE_PATH ? createSqliteStore({ path: process.env.SQLITE_PATH }) : createCloudbaseStore();
  const started = Date.now();
  const done = await store.rebuildIndicators();
  await store.close();
  console.log(`indicators rebuilt from ${done.requests} requests: ${done.cells} day cells in ${((Date.now() - started) / 1000).toFixed(1)} s`);
};

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
