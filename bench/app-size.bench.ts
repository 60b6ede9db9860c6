/**
 * What the app weighs against a bare Taro React app built in the same run from the same
 * node_modules (bench/bare.app.ts): the WeChat main package (the weapp output without the
 * subpackage folders app.json declares), and the JavaScript a phone's browser fetches before the
 * H5 home page has rendered (the entry scripts, the home page's own chunk and the chunks it pulls
 * in, seen by headless Chromium). Also each subpackage, the whole weapp output and the H5 build.
 * Missing app builds are made first with the npm scripts.
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../gateway/static.files';
import { launchChromium, newPhoneContext } from '../tests/support/browser';
import type { BenchRow } from './bench.types';
import { buildBareApp } from './bare.app';
import { kib, once, progress } from './bench.stats';
import { filesUnder, weappPackages, WECHAT_LIMITS, type FileSize } from '../tools/weapp.packages';

const ROOT = join(__dirname, '..');
const WEAPP = join(ROOT, 'miniprogram', 'dist', 'weapp');
const H5 = join(ROOT, 'miniprogram', 'dist', 'h5');
/** WeChat's upload limit for the main package and for each subpackage. */
const WECHAT_PACKAGE_LIMIT_KIB = WECHAT_LIMITS.packageBytes / 1024;
/** How quiet the network must stay before the first screen counts as loaded. */
const IDLE_MS = 800;

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

/** Serves an H5 build on loopback, as the gateway serves it (no API: the first screen is the app's own code). */
const serve = async (dir: string): Promise<{ url: string; server: Server }> => {
  const server = createServer((req, res) => serveStatic(dir, new URL(req.url ?? '/', 'http://local').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
};

/** The scripts a phone fetches until the network has been quiet for a while after the home page loaded. */
const firstScreenScripts = async (dir: string): Promise<FileSize[]> => {
  const { url, server } = await serve(dir);
  const browser = await launchChromium();
  try {
    const { page } = await newPhoneContext(browser);
    const scripts = new Set<string>();
    let last = Date.now();
    page.on('request', (r) => {
      last = Date.now();
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.replace(/^\//, ''));
    });
    await page.goto(url, { waitUntil: 'load' });
    while (Date.now() - last < IDLE_MS) await page.waitForTimeout(100);
    const files = filesUnder(dir);
    return [...scripts].map((p) => files.find((f) => f.path === p)).filter((f): f is FileSize => !!f);
  } finally {
    await browser.close();
    server.close();
  }
};

/** Measures the weapp packages and the H5 build, each against the bare Taro app's. */
export async function benchAppSize(): Promise<BenchRow[]> {
  ensureBuilt(WEAPP, 'app.json', 'build:weapp');
  ensureBuilt(H5, 'index.html', 'build:h5');
  const bare = buildBareApp();
  const weapp = weappPackages(WEAPP);
  const main = weapp.main.files;
  const bareMain = weappPackages(bare.weapp).main.files;
  progress('app-size', 'first screens of the H5 builds in Chromium');
  const first = await firstScreenScripts(H5);
  const bareFirst = await firstScreenScripts(bare.h5);
  const h5 = filesUnder(H5);
  const h5js = h5.filter((f) => f.path.endsWith('.js'));
  const limit = `WeChat limit ${WECHAT_PACKAGE_LIMIT_KIB} KiB`;
  const bareRef = (name: string, bytes: number) => ({ name: `the bare Taro React app's ${name}`, value: kib(bytes) });
  return [
    once(
      'weapp main package',
      kib(total(main)),
      'KiB',
      `${main.length} files (bare: ${bareMain.length}); ${limit}; subpackages: ${weapp.subpackages.map((p) => p.root).join(', ') || 'none'}`,
      { of: 'ratio', atMost: 1.5 },
      bareRef('main package', total(bareMain)),
    ),
    ...weapp.subpackages.map((p) => once(`weapp subpackage ${p.root}`, kib(p.bytes), 'KiB', `${p.files.length} files; ${limit}`)),
    once(
      'weapp total',
      kib(weapp.total.bytes),
      'KiB',
      `${weapp.total.files.length} files in miniprogram/dist/weapp; WeChat limit ${WECHAT_LIMITS.totalBytes / 1024} KiB`,
    ),
    once(
      'H5 first-screen JavaScript',
      kib(total(first)),
      'KiB',
      `${first.length} scripts fetched until the home page rendered and the network went quiet: ${first.map((f) => f.path.replace(/^js\//, '')).join(', ')}`,
      { of: 'ratio', atMost: 1.5 },
      bareRef('first screen', total(bareFirst)),
    ),
    once(
      'H5 first-screen JavaScript gzip',
      kib(gzipped(H5, first)),
      'KiB',
      'the same scripts gzipped one by one (default level)',
      undefined,
      bareRef('first screen gzip', gzipped(bare.h5, bareFirst)),
    ),
    once('H5 total', kib(total(h5)), 'KiB', `${h5.length} files in miniprogram/dist/h5, uncompressed`),
    once('H5 JavaScript', kib(total(h5js)), 'KiB', `${h5js.length} .js files of the H5 build, uncompressed; gzip one by one ${kib(gzipped(H5, h5js))} KiB`),
  ];
}
