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
    [...source.matchAll(/\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|\b(?:require|import)\('([^']+)'\)/g)].map((m) => ({
      typeOnly: !!m[1],
      from: m[2] ?? m[3],
    }));
  const ADAPTER_OR_DRIVER = /^better-sqlite3$|^@cloudbase\/node-sdk$|\.store$|\/sqlite\.[a-z.]+$|\/cloudbase\.[a-z.]+$|\/store\.columns$/;
  const adapterImports = (f: string) =>
    importsOf(readFileSync(f, 'utf8'))
      .filter((i) => ADAPTER_OR_DRIVER.test(i.from))
      .map((i) => `${relative(ROOT, f)} → ${i.from}`);

  it('keep their handlers and scheduled jobs on the store ports, away from the adapters and database drivers', () => {
    expect(handlers.length).toBeGreaterThanOrEqual(6);
    expect(handlerSide.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining([...handlers.map((f) => relative(ROOT, f)), 'cloudfunctions/scheduler/scheduler.jobs.ts']),
    );
    expect(handlerSide.flatMap(adapterImports)).toEqual([]);
  });

  it('import the store ports as types only: a port is an interface, the adapter arrives through Deps', () => {
    const valueImports = handlerSide.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8'))
        .filter((i) => /\.port$/.test(i.from) && !i.typeOnly)
        .map((i) => `${relative(ROOT, f)} → ${i.from}`),
    );
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

// ---------- import circles and the platform split ----------

/** The trees whose modules import each other; a circle anywhere in them is a fault. */
const GRAPH_ROOTS = ['shared', 'cloudfunctions', 'gateway', 'miniprogram/src', 'tools', 'bench'];

/** Module specifiers a file depends on: imports and re-exports (types too: a circle of types still ties the modules together), dynamic imports, require(). */
const specifiersOf = (source: string): string[] => {
  const statics = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const dynamics = [...source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...statics, ...dynamics];
};

// Taro picks `x.weapp.ts` or `x.h5.ts` over `x.ts` by TARO_ENV; a circle through either build's file counts.
const SUFFIXES = ['', '.weapp', '.h5'].flatMap((env) => ['.ts', '.tsx'].flatMap((ext) => [`${env}${ext}`, `/index${env}${ext}`]));

/** The project files a specifier names (every platform variant of it), or none for packages and assets. */
const resolveImport = (from: string, spec: string): string[] => {
  const base = spec.startsWith('@shared/') ? join(ROOT, 'shared', spec.slice('@shared/'.length)) : spec.startsWith('.') ? join(from, '..', spec) : null;
  if (!base) return [];
  const found = SUFFIXES.map((s) => base + s).filter((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
  const platformFiles = found.filter((p) => /\.(weapp|h5)\.tsx?$/.test(p));
  return platformFiles.length ? platformFiles : found.slice(0, 1);
};

/** Each file's imports of other project files, keyed by path relative to the root. */
const importGraph = (files: string[]): Map<string, string[]> =>
  new Map(
    files.map((f) => [
      relative(ROOT, f),
      [
        ...new Set(
          specifiersOf(readFileSync(f, 'utf8'))
            .flatMap((s) => resolveImport(f, s))
            .map((p) => relative(ROOT, p)),
        ),
      ],
    ]),
  );

/** Every circle of the graph as its strongly connected set of files, sorted (Tarjan's algorithm). */
const circlesOf = (graph: Map<string, string[]>): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    if (members.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(members.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
};

/** One way round a circle, to show in a failure: a → b → … → a. */
const pathRound = (graph: Map<string, string[]>, members: string[]): string => {
  const inside = new Set(members);
  const start = members[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at = v; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start].join(' → ');
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return members.join(' → ');
};

describe('the import graph and the platform split', () => {
  const files = GRAPH_ROOTS.flatMap((dir) => sourcesIn(join(ROOT, dir)));
  const graph = importGraph(files);

  it('has no import circle in shared/, cloudfunctions/, gateway/, miniprogram/src/, tools/ or bench/', () => {
    expect(files.length).toBeGreaterThan(100);
    const circles = circlesOf(graph);
    expect(circles.map((c) => pathRound(graph, c))).toEqual([]);
  });

  it('would catch a circle: the check itself names the files round it', () => {
    const toy = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(circlesOf(toy).map((c) => pathRound(toy, c))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(
      specifiersOf("import type { A } from './a';\nimport {\n  b,\n} from '../b';\nexport { c } from './c';\nimport './e.scss';\nconst d = require('./d');"),
    ).toEqual(['./a', '../b', './c', './e.scss', './d']);
  });

  const app = sourcesIn(join(ROOT, 'miniprogram/src')).map((f) => relative(ROOT, f));
  // build-time config is evaluated by Taro's CLI, not in the app, so it may name the target
  const outsidePlatform = app.filter((f) => !f.startsWith('miniprogram/src/platform/') && f !== 'miniprogram/src/app.config.ts');

  it('never reads process.env.TARO_ENV in pages, components, hooks or services: the platform files hold every weapp/h5 difference', () => {
    expect(outsidePlatform.filter((f) => /\/(pages[^/]*|components|hooks)\//.test(f)).length).toBeGreaterThan(40);
    const offenders = outsidePlatform.filter((f) => /process\.env\.TARO_ENV|process\.env\[['"]TARO_ENV/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('reaches the platform only through its interface, never a .weapp or .h5 file directly', () => {
    const offenders = outsidePlatform.filter((f) =>
      specifiersOf(readFileSync(join(ROOT, f), 'utf8')).some((s) => /\.(weapp|h5)$|\/platform\/platform/.test(s)),
    );
    expect(offenders).toEqual([]);
  });
});
