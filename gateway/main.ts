/**
 * `npm start`: builds the H5 app if it is missing or older than its sources, then starts
 * the local gateway on 127.0.0.1:8080 (PORT overrides; DATA_DIR sets the data folder, SQLITE_PATH the database file or :memory:).
 */
import { join, resolve } from 'node:path';
import { startGateway } from './server';
import { ensureH5Build, H5_DIR, ROOT } from './h5.build';

const main = async () => {
  if (process.env.SKIP_H5_BUILD !== '1' && !ensureH5Build()) {
    console.error('H5 build failed; the API still runs, the pages will not load until the build succeeds.');
  }
  const gateway = await startGateway({
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: resolve(process.env.DATA_DIR ?? join(ROOT, '.data')),
    staticDir: H5_DIR,
    ...(process.env.SQLITE_PATH ? { dbPath: process.env.SQLITE_PATH } : {}),
  });
  console.log(`邹城通办 local gateway at ${gateway.url} (SQLite in ${process.env.DATA_DIR ?? '.data'})`);
  const stop = () => gateway.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
