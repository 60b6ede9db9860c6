/**
 * What the app weighs: the WeChat main package (the weapp output without the subpackage folders
 * that app.json declares), each subpackage, the whole weapp output, and the H5 build (all files,
 * and JavaScript alone). Missing builds are made first with the npm scripts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './bench.types';
import { kib, progress } from './bench.stats';
import { filesUnder, weappPackages, WECHAT_LIMITS, type FileSize } from '../tools/weapp.packages';

const ROOT = join(__dirname, '..');
const WEAPP = join(ROOT, 'miniprogram', 'dist', 'weapp');
const H5 = join(ROOT, 'miniprogram', 'dist', 'h5');
/** WeChat's upload limit for the main package and for each subpackage. */
const WECHAT_PACKAGE_LIMIT_KIB = WECHAT_LIMITS.packageBytes / 1024;

/** What the files weigh on the wire with gzip (each file on its own, as a server sends them). */
const gzipped = (dir: string, files: FileSize[]): number => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f.path))).length, 0);

const total = (files: FileSize[]): number => files.reduce((sum, f) => sum + f.bytes, 0);

/** Runs `npm run <script>` when the build's entry file is missing; the build's output goes to stderr. */
const ensureBuilt = (dir: string, entry: string, script: string) => {
  if (existsSync(join(dir, entry))) return;
  progress('app-size', `${relative(ROOT, join(dir, entry))} is missing: npm run ${script}`);
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) throw new Error(`npm run ${script} failed with ${r.status}`);
};

/** The scripts index.html loads before the first page renders (the other chunks load on demand). */
const entryScripts = (files: FileSize[]): FileSize[] => {
  const html = readFileSync(join(H5, 'index.html'), 'utf8');
  const srcs = new Set([...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)].map((m) => m[1]));
  return files.filter((f) => srcs.has(f.path));
};

/** Measures the weapp packages and the H5 build. */
export async function benchAppSize(): Promise<BenchRow[]> {
  ensureBuilt(WEAPP, 'app.json', 'build:weapp');
  ensureBuilt(H5, 'index.html', 'build:h5');
  const weapp = weappPackages(WEAPP);
  const h5 = filesUnder(H5);
  const h5js = h5.filter((f) => f.path.endsWith('.js'));
  const limit = `WeChat limit ${WECHAT_PACKAGE_LIMIT_KIB} KiB`;
  return [
    {
      rounds: 1,
      spread: 0,
      name: 'weapp main package',
      value: kib(weapp.main.bytes),
      unit: 'KiB',
      note: `${weapp.main.files.length} files; ${limit}; subpackages: ${weapp.subpackages.map((p) => p.root).join(', ') || 'none'}`,
    },
    ...weapp.subpackages.map((p) => ({
      rounds: 1,
      spread: 0,
      name: `weapp subpackage ${p.root}`,
      value: kib(p.bytes),
      unit: 'KiB',
      note: `${p.files.length} files; ${limit}`,
    })),
    {
      rounds: 1,
      spread: 0,
      name: 'weapp total',
      value: kib(weapp.total.bytes),
      unit: 'KiB',
      note: `${weapp.total.files.length} files in miniprogram/dist/weapp`,
    },
    { rounds: 1, spread: 0, name: 'H5 total', value: kib(total(h5)), unit: 'KiB', note: `${h5.length} files in miniprogram/dist/h5, uncompressed` },
    { rounds: 1, spread: 0, name: 'H5 JavaScript', value: kib(total(h5js)), unit: 'KiB', note: `${h5js.length} .js files of the H5 build, uncompressed` },
    { rounds: 1, spread: 0, name: 'H5 JavaScript gzip', value: kib(gzipped(H5, h5js)), unit: 'KiB', note: 'the same files gzipped one by one (default level)' },
    {
      rounds: 1,
      spread: 0,
      name: 'H5 first-load JavaScript',
      value: kib(total(entryScripts(h5))),
      unit: 'KiB',
      note: `${entryScripts(h5).length} scripts named in index.html; gzip ${kib(gzipped(H5, entryScripts(h5)))} KiB`,
    },
  ];
}
