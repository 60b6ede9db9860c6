/**
 * Builds the H5 app when it is missing or older than its sources (used by `npm start` and the
 * e2e tests), and the weapp build the same way (for the checks of WeChat's rules on it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const H5_DIR = join(ROOT, 'miniprogram/dist/h5');
export const WEAPP_DIR = join(ROOT, 'miniprogram/dist/weapp');

/** Each Taro build: where it lands and the file written last, whose age tells whether it is stale. */
const TARGETS = { h5: { dir: H5_DIR, entry: 'index.html', seconds: 20 }, weapp: { dir: WEAPP_DIR, entry: 'app.json', seconds: 60 } } as const;
export type TaroTarget = keyof typeof TARGETS;

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** Tells whether a build is older than any source it is built from. */
export const buildIsStale = (target: TaroTarget): boolean => {
  const entry = join(TARGETS[target].dir, TARGETS[target].entry);
  if (!existsSync(entry)) return true;
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((p) => join(ROOT, p)).filter(existsSync);
  return statSync(entry).mtimeMs < Math.max(...sources.map(newestMtime));
};

/** Tells whether the H5 build is older than any source it is built from. */
export const h5IsStale = (): boolean => buildIsStale('h5');

/** A lock older than this was left by a build that died; the next caller takes it over. */
const LOCK_STALE_MS = 15 * 60_000;

/** Blocks this thread for a while (the build is synchronous too). */
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the build lock of a target (a directory beside the output: mkdir is atomic), or waits
 * while another process builds. Answers whether this caller holds it: false means someone else
 * finished a build meanwhile (two test workers starting at once must not build into one folder).
 */
const takeLock = (lock: string): boolean => {
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      return true;
    } catch {
      if (Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : 0) > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else {
        sleepSync(500);
        if (!existsSync(lock)) return false;
      }
    }
  }
};

/**
 * Runs `npm run build:<target>` if the build is stale; answers whether the build is usable.
 * Concurrent callers (jest workers, a gateway starting beside the tests) wait for the one that
 * builds, then look again. With a `log` other than the console (tests), the build's own progress
 * output is kept out of the way and only its tail is logged when it fails.
 */
export const ensureTaroBuild = (target: TaroTarget, log: (s: string) => void = console.log): boolean => {
  if (!buildIsStale(target)) return true;
  mkdirSync(join(ROOT, 'miniprogram/dist'), { recursive: true });
  const lock = join(ROOT, `miniprogram/dist/.${target}.build.lock`);
  if (!takeLock(lock)) return ensureTaroBuild(target, log);
  try {
    if (!buildIsStale(target)) return true;
    log(`building the ${target} app (about ${TARGETS[target].seconds} s)...`);
    const quiet = log !== console.log;
    const r = spawnSync('npm', ['run', '--silent', `build:${target}`], {
      cwd: ROOT,
      stdio: quiet ? 'pipe' : 'inherit',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 && quiet) console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-40).join('\n'));
    return r.status === 0;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
};

/** Builds the H5 app if it is stale (see ensureTaroBuild). */
export const ensureH5Build = (log: (s: string) => void = console.log): boolean => ensureTaroBuild('h5', log);
