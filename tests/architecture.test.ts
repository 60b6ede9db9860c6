/**
 * The architecture's standing rules, checked on the source: the domain core in shared/ has
 * no I/O, clock or randomness; cloud functions reach storage only through the Store port.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const sourcesIn = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourcesIn(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });

const FORBIDDEN_IN_SHARED: [string, RegExp][] = [
  ['a Node I/O module', /from ['"](node:)?(fs|http|https|net|child_process|dgram|os|path|crypto|worker_threads)['"]/],
  ['@cloudbase', /from ['"]@cloudbase\//],
  ['@tarojs', /from ['"]@tarojs\//],
  ['better-sqlite3', /better-sqlite3/],
  ['wx-server-sdk', /wx-server-sdk/],
  ['the clock', /Date\.now\(\)|new Date\(\)/],
  ['randomness', /Math\.random\(\)|randomUUID/],
  ['require()', /\brequire\(/],
];

describe('the domain core', () => {
  const files = sourcesIn(join(ROOT, 'shared'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(FORBIDDEN_IN_SHARED)('never uses %s in shared/', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('would catch an offender: the check itself sees a forbidden import', () => {
    expect(FORBIDDEN_IN_SHARED[0][1].test("import { readFileSync } from 'node:fs';")).toBe(true);
    expect(FORBIDDEN_IN_SHARED[5][1].test('const t = Date.now();')).toBe(true);
  });

  it('keeps every source file in shared/ at 300 lines or fewer, one job per module', () => {
    const lineCount = (f: string) => readFileSync(f, 'utf8').split('\n').length - 1;
    const long = files.filter((f) => lineCount(f) > 300).map((f) => `${relative(ROOT, f)}: ${lineCount(f)} lines`);
    expect(long).toEqual([]);
  });
});

describe('the cloud functions', () => {
  const handlers = sourcesIn(join(ROOT, 'cloudfunctions')).filter((f) => /\.handlers\.ts$/.test(f));

  it('keep their handlers away from the database drivers (only the Store port)', () => {
    const offenders = handlers.filter((f) => /better-sqlite3|@cloudbase\/node-sdk|sqlite\.store|cloudbase\.store/.test(readFileSync(f, 'utf8')));
    expect(handlers.length).toBeGreaterThanOrEqual(6);
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('never import one function from another function folder', () => {
    const crossing = handlers.filter((f) => {
      const own = relative(join(ROOT, 'cloudfunctions'), f).split('/')[0];
      return [...readFileSync(f, 'utf8').matchAll(/from '\.\.\/([a-z]+)\//g)].some((m) => m[1] !== 'core' && m[1] !== own);
    });
    expect(crossing.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
