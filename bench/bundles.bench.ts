/**
 * The deployed cloud functions as the platform sees them: the size of each esbuild bundle, and
 * a cold start of each in a fresh `node` process whose CloudBase SDK talks to the local fake of
 * the CloudBase HTTP API (seeded with the sample data and two users, so the calls do real reads).
 * Each function's `require` is compared with a bundle of `@cloudbase/node-sdk` alone
 * (bench/cold-start.sdk.ts): every spawn of a function is paired with a spawn of the SDK-only
 * bundle right beside it (before it in one round, after it in the next), so the two of a pair
 * meet the same load from the rest of the machine; a function's reference is the median of its
 * own pairs' SDK spawns, and its ratio the median of the pairs' own ratios. The functions' order
 * turns each round.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEntry, bundleFunction, DEPLOYED_FUNCTIONS } from '../tools/build-functions';
import { startFakeCloudbase, type FakeCloudbase } from '../tests/support/fake-cloudbase';
import { pointSdkAt, SDK_ENV_KEYS } from '../tests/support/cloudbase.env';
import { createCloudbaseStore } from '../cloudfunctions/core/stores/cloudbase.store';
import { seedSampleData } from '../cloudfunctions/core/stores/seed';
import type { BenchRow } from './bench.types';
import { kib, median, once, progress, round, row } from './bench.stats';

const CHILD = join(__dirname, 'cold-start.child.cjs');
const SDK_ONLY = join(__dirname, 'cold-start.sdk.ts');
const RESIDENT = 'o-bench-resident';
const CLERK = 'o-bench-clerk';
const ADMIN = 'o-bench-admin';
const NOW = '2026-11-16T02:00:00.000Z';
/**
 * Odd, so the median is one round's figure. On the shared 2-core machine 5 rounds against one
 * SDK median moved a ratio by up to 0.4 between runs; 15 pairs per function keep a loaded moment
 * out of both medians (about 3 minutes).
 */
const COLD_ROUNDS = 15;

type ColdCall = { event: object | null; openId: string; label: string };

/** A cheap valid call per function and the OPENID it runs as; null event: the timer trigger. */
const COLD_CALLS: Record<string, ColdCall> = {
  session: { event: { action: 'whoami', data: {} }, openId: RESIDENT, label: 'session.whoami' },
  directory: { event: { action: 'listTownships', data: {} }, openId: RESIDENT, label: 'directory.listTownships' },
  requests: { event: { action: 'mine', data: {} }, openId: RESIDENT, label: 'requests.mine' },
  clerk: { event: { action: 'queue', data: {} }, openId: CLERK, label: 'clerk.queue' },
  messages: { event: { action: 'list', data: {} }, openId: RESIDENT, label: 'messages.list' },
  admin: { event: { action: 'stats', data: {} }, openId: ADMIN, label: 'admin.stats' },
  bookings: { event: { action: 'mine', data: {} }, openId: RESIDENT, label: 'bookings.mine' },
  scheduler: { event: null, openId: '', label: 'scheduler main() (overdue scan + outbox over the fake)' },
  open311: {
    event: { httpMethod: 'GET', path: '/open311/v2/services.xml', headers: { host: 'bench.example' } },
    openId: '',
    label: 'open311 GET services.xml (HTTP event)',
  },
};

/** A function added later without an entry above still gets measured: init, then a coded refusal. */
const coldCallOf = (name: string): ColdCall =>
  COLD_CALLS[name] ?? { event: { action: 'benchNoSuchAction', data: {} }, openId: RESIDENT, label: `${name} (no bench call configured yet)` };

type ChildLine = { started: number; loaded: number; requireCpu?: number; firstDone?: number; secondDone?: number; answer?: string; error?: string };

/** Seeds the fake with the sample data, a bound resident, a township clerk and the administrator. */
const seedFake = async () => {
  const store = createCloudbaseStore({ env: process.env.TCB_ENV });
  await seedSampleData(store, NOW);
  const base = { version: 1, createdAt: NOW, updatedAt: NOW };
  await store.putUser({
    ...base,
    id: RESIDENT,
    role: 'resident',
    nameMasked: '张*',
    idHash: 'bench',
    idMasked: '3708**********1234',
    homeVillageId: 'v-103-001',
  });
  await store.putUser({ ...base, id: CLERK, role: 'clerk', centerId: 'ts-103', nameMasked: '香城*代办员' });
  await store.putUser({ ...base, id: ADMIN, role: 'admin', nameMasked: '管理员' });
  await store.close();
};

/** The environment of a function instance: the SDK pointed at the fake, the caller's OPENID. */
/** The keys a deployment sets for the functions that hash and encrypt personal numbers (they refuse to start without). */
const KEYS = { ZC_ID_HASH_KEY: 'bench-cold-start-id-hash-key', ZC_PHONE_KEY: 'ab'.repeat(32) };

const childEnv = (openId: string): NodeJS.ProcessEnv => ({
  ...process.env,
  ...KEYS,
  TCB_CONTEXT_KEYS: 'TCB_ENV,WX_OPENID',
  WX_OPENID: openId,
});

/** Spawns node on the child script; answers its JSON line and the wall time from spawn to exit. */
const coldStart = (bundle: string, event: object | null, openId: string): Promise<ChildLine & { wallMs: number }> =>
  new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(process.execPath, [CHILD, bundle, JSON.stringify(event)], { env: childEnv(openId), timeout: 60_000 }, (err, stdout, stderr) => {
      const wallMs = performance.now() - start;
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{"started"'));
      if (!line) return reject(new Error(`cold start of ${bundle} printed no report: ${String(err ?? '')} ${stderr.slice(0, 500)}`));
      resolve({ ...(JSON.parse(line) as ChildLine), wallMs });
    });
  });

type Run = ChildLine & { wallMs: number };

const requireMs = (r: Run) => r.loaded - r.started;
const requireCpuMs = (r: Run) => r.requireCpu ?? NaN;

/** Median figures over the rounds of one function against the SDK-only bundle's, so one noisy spawn does not make the row. */
const coldRows = (name: string, label: string, runs: Run[], sdk: Run[]): BenchRow[] => {
  const failed = runs.find((r) => r.error || r.firstDone === undefined);
  if (failed) return [once(`cold start ${name}`, NaN, 'ms', `failed: ${failed.error}`)];
  const m = (f: (r: Run) => number) => round(median(runs.map(f)));
  const cpuRatio = round(median(runs.map(requireCpuMs)) / median(sdk.map(requireCpuMs)), 3);
  const pairRatios = runs.map((r, i) => requireMs(r) / requireMs(sdk[i])).sort((a, b) => a - b);
  const quartile = (q: number) => round(pairRatios[Math.round(q * (pairRatios.length - 1))], 2);
  const ofMedians = round(median(runs.map(requireMs)) / median(sdk.map(requireMs)), 3);
  return [
    row({
      name: `cold start ${name}: require`,
      unit: 'ms',
      samples: runs.map(requireMs),
      reference: { name: 'a bundle of @cloudbase/node-sdk alone, paired spawns', samples: sdk.map(requireMs), paired: true },
      goal: { of: 'ratio', atMost: 1.3 },
      note: `fresh processes, each paired with an SDK-only spawn beside it; the ratio is the median of the pairs' own (quartiles ${quartile(0.25)}–${quartile(0.75)}; the ratio of the two medians ${ofMedians}); CPU time of the require ${m(requireCpuMs)} ms against ${round(median(sdk.map(requireCpuMs)))} ms (${cpuRatio}); node boot before it ${m((r) => r.started)} ms; spawn to exit ${Math.round(m((r) => r.wallMs))} ms`,
    }),
    row({
      name: `cold start ${name}: first call`,
      unit: 'ms',
      samples: runs.map((r) => r.firstDone! - r.loaded),
      note: `${label} → ${runs[0].answer}; SDK init + store round trips; the second (warm) call ${m((r) => r.secondDone! - r.firstDone!)} ms; require + first call ${m((r) => r.firstDone! - r.started)} ms`,
    }),
  ];
};

/** Restores the SDK variables this suite set in the bench process. */
const restoreEnv = (saved: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
};

/** Measures bundle sizes and cold starts of every deployed function. */
export async function benchBundles(): Promise<BenchRow[]> {
  const outRoot = mkdtempSync(join(tmpdir(), 'zc-bench-fn-'));
  const saved = Object.fromEntries(SDK_ENV_KEYS.map((k) => [k, process.env[k]]));
  let fake: FakeCloudbase | null = null;
  try {
    const bundles: ({ name: string } & Awaited<ReturnType<typeof bundleFunction>>)[] = [];
    for (const name of DEPLOYED_FUNCTIONS) bundles.push({ name, ...(await bundleFunction(name, outRoot)) });
    progress('bundles', `bundled ${bundles.length} functions; seeding the fake CloudBase`);
    fake = await startFakeCloudbase();
    pointSdkAt(fake.url, 'zc-bench');
    await seedFake();
    const sdkOnly = await bundleEntry(SDK_ONLY, join(outRoot, 'sdk-only', 'index.js'));
    const laterNote = (b: (typeof bundles)[number]): string =>
      b.later.map((l) => `; ${l.pkg} in a file of its own, loaded on first use: ${kib(l.bytes)} KiB`).join('');
    const rows: BenchRow[] = bundles.map((b) =>
      once(`bundle ${b.name}`, kib(b.bytes), 'KiB', `esbuild, minified, cjs, better-sqlite3 external${laterNote(b)}`, undefined, {
        name: 'the SDK-only bundle',
        value: kib(sdkOnly.bytes),
      }),
    );
    // per function: its runs and, pair by pair, the SDK-only runs spawned beside them
    const runs = new Map<string, { fn: Run[]; sdk: Run[] }>(bundles.map((b) => [b.name, { fn: [], sdk: [] }]));
    const sdkRun = () => coldStart(sdkOnly.outfile, { action: 'none', data: {} }, RESIDENT);
    for (let round = 0; round < COLD_ROUNDS; round++) {
      progress('bundles', `cold starts, round ${round + 1} of ${COLD_ROUNDS}`);
      // the order turns each round, so no bundle always spawns right after the same other one
      const turn = round % bundles.length;
      for (const b of [...bundles.slice(turn), ...bundles.slice(0, turn)]) {
        const call = coldCallOf(b.name);
        const fnRun = () => coldStart(b.outfile, call.event, call.openId);
        const pair = runs.get(b.name)!;
        // the SDK first in even rounds, second in odd ones, so neither always meets the other's after-effects
        if (round % 2 === 0) {
          pair.sdk.push(await sdkRun());
          pair.fn.push(await fnRun());
        } else {
          pair.fn.push(await fnRun());
          pair.sdk.push(await sdkRun());
        }
      }
    }
    for (const b of bundles) rows.push(...coldRows(b.name, coldCallOf(b.name).label, runs.get(b.name)!.fn, runs.get(b.name)!.sdk));
    if (fake.unknownActions.length) progress('bundles', `fake saw unknown actions: ${fake.unknownActions.join(', ')}`);
    return rows;
  } finally {
    await fake?.stop();
    restoreEnv(saved);
    rmSync(outRoot, { recursive: true, force: true });
  }
}
