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
  const functionsDir = join(ROOT, 'cloudfunctions');
  const handlers = sourcesIn(functionsDir).filter((f) => /\.handlers\.ts$/.test(f));
  const folderOf = (f: string) => relative(functionsDir, f).split('/')[0];
  // the handler side: each function's own files (handlers, scheduled jobs, their helpers), not its
  // index.ts entry, which builds the adapter, nor core/, which holds and wires the adapters
  const handlerSide = sourcesIn(functionsDir).filter((f) => folderOf(f) !== 'core' && !/\/index\.ts$/.test(f));
  /** Every module a source names in an import, export-from, dynamic import or require, with whether it is type-only. */
  const importsOf = (source: string) =>
    [...source.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|\b(?:require|import)\('([^']+)'\)/g)]
      .map((m) => ({ typeOnly: !!m[1], from: m[2] ?? m[3] }));
  const ADAPTER_OR_DRIVER = /^better-sqlite3$|^@cloudbase\/node-sdk$|\.store$|\/sqlite\.[a-z.]+$|\/cloudbase\.[a-z.]+$|\/store\.columns$/;
  const adapterImports = (f: string) => importsOf(readFileSync(f, 'utf8')).filter((i) => ADAPTER_OR_DRIVER.test(i.from)).map((i) => `${relative(ROOT, f)} → ${i.from}`);

  it('keep their handlers and scheduled jobs on the store ports, away from the adapters and database drivers', () => {
    expect(handlers.length).toBeGreaterThanOrEqual(6);
    expect(handlerSide.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining([...handlers.map((f) => relative(ROOT, f)), 'cloudfunctions/scheduler/scheduler.jobs.ts']));
    expect(handlerSide.flatMap(adapterImports)).toEqual([]);
  });

  it('import the store ports as types only: a port is an interface, the adapter arrives through Deps', () => {
    const valueImports = handlerSide.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8')).filter((i) => /\.port$/.test(i.from) && !i.typeOnly).map((i) => `${relative(ROOT, f)} → ${i.from}`));
    expect(handlerSide.some((f) => importsOf(readFileSync(f, 'utf8')).some((i) => /\.port$/.test(i.from)))).toBe(true);
    expect(valueImports).toEqual([]);
  });

  it('would catch an offender: an adapter or driver import fails the check, a port import passes', () => {
    const fails = (line: string) => importsOf(line).some((i) => ADAPTER_OR_DRIVER.test(i.from));
    expect(fails("import { createSqliteStore } from '../core/sqlite.store';")).toBe(true);
    expect(fails("import tcb from '@cloudbase/node-sdk';")).toBe(true);
    expect(fails("const Database = require('better-sqlite3');")).toBe(true);
    expect(fails("const { createCloudbaseStore } = await import('../core/cloudbase.store');")).toBe(true);
    expect(fails("import type { RequestStore } from '../core/request.port';")).toBe(false);
    expect(importsOf("import { type UserRecord } from '../core/user.port';")[0].typeOnly).toBe(false);
  });

  it('never import one function from another function folder', () => {
    const crossing = handlers.filter((f) => {
      const own = relative(join(ROOT, 'cloudfunctions'), f).split('/')[0];
      return [...readFileSync(f, 'utf8').matchAll(/from '\.\.\/([a-z]+)\//g)].some((m) => m[1] !== 'core' && m[1] !== own);
    });
    expect(crossing.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('the local gateway', () => {
  const gatewayFiles = sourcesIn(join(ROOT, 'gateway'));

  it('lives outside cloudfunctions/ and never reaches into tools/ or bench/', () => {
    expect(gatewayFiles.length).toBeGreaterThanOrEqual(3);
    const offenders = gatewayFiles.filter((f) => /from '(\.\.\/)+(tools|bench)\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('is never imported by a deployed cloud function', () => {
    const offenders = sourcesIn(join(ROOT, 'cloudfunctions')).filter((f) => /from '(\.\.\/)+gateway\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
