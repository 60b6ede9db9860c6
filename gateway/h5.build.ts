/**
 * Builds the H5 app when it is missing or older than its sources (used by `npm start` and the e2e tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const H5_DIR = join(ROOT, 'miniprogram/dist/h5');

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** Tells whether the H5 build is older than any source it is built from. */
export const h5IsStale = (): boolean => {
  const index = join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((p) => join(ROOT, p)).filter(existsSync);
  return statSync(index).mtimeMs < Math.max(...sources.map(newestMtime));
};

/**
 * Runs `npm run build:h5` if the build is stale; answers whether the build is usable.
 * With a `log` other than the console (tests), the build's own progress output is kept
 * out of the way and only its tail is logged when it fails.
 */
export const ensureH5Build = (log: (s: string) => void = console.log): boolean => {
  if (!h5IsStale()) return true;
  log('building the H5 app (about 20 s)...');
  const quiet = log !== console.log;
  const r = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && quiet) console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
  return r.status === 0;
};
