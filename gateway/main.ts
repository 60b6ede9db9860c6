/**
 * `npm start`: builds the H5 app if it is missing or older than its sources, then starts
 * the local gateway. Its settings come from `loadConfig` (PORT, HOST, DATA_DIR, SQLITE_PATH,
 * SKIP_H5_BUILD, ZC_HANDOFF_LIMIT_DAYS, ZC_RECTIFICATION_DAYS, ZC_ID_HASH_KEY, ZC_PHONE_KEY); a bad one stops the start.
 */
import { join, resolve } from 'node:path';
import { startGateway } from './server';
import { loadConfig } from '../cloudfunctions/core/services/config';
import { ensureH5Build, H5_DIR, ROOT } from './h5.build';

const main = async () => {
  const config = loadConfig();
  if (!config.gateway.skipH5Build && !ensureH5Build()) {
    console.error('H5 build failed; the API still runs, the pages will not load until the build succeeds.');
  }
  const dataDir = resolve(config.gateway.dataDir ?? join(ROOT, '.data'));
  const gateway = await startGateway({
    port: config.gateway.port,
    host: config.gateway.host,
    dataDir,
    staticDir: H5_DIR,
    settings: config.deps,
    keys: config.keys,
    ...(config.gateway.sqlitePath ? { dbPath: config.gateway.sqlitePath } : {}),
  });
  console.log(`邹城通办 local gateway at ${gateway.url} (SQLite in ${config.gateway.sqlitePath ?? dataDir})`);
  const stop = () => gateway.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
