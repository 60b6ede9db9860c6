/**
 * `npm start`: builds the H5 app if it is missing or older than its sources, then starts
 * the local gateway on 127.0.0.1:8080 (PORT overrides; DATA_DIR sets where SQLite lives).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startGateway } from './server';

const root = resolve(__dirname, '../..');
const h5Dir = join(root, 'miniprogram/dist/h5');

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

const ensureH5Build = () => {
  const index = join(h5Dir, 'index.html');
  const sources = [join(root, 'miniprogram/src'), join(root, 'shared')].filter(existsSync);
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('building the H5 app (about 20 s)...');
  const r = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.error('H5 build failed; the API still runs, the pages will not load until the build succeeds.');
};

const main = async () => {
  if (process.env.SKIP_H5_BUILD !== '1') ensureH5Build();
  const gateway = await startGateway({
    port: Number(process.env.PORT ?? 8080),
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: resolve(process.env.DATA_DIR ?? join(root, '.data')),
    staticDir: h5Dir,
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
