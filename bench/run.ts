/**
 * `npm run bench`: runs every registered benchmark suite in order and prints one markdown table.
 * To add a suite, export `async function benchX(): Promise<BenchRow[]>` and append it to `suites`.
 * `npm run bench -- gateway clerk` runs only the suites whose function name contains a word given;
 * `--json` prints one JSON object instead of the table (each measure by name: value, reference,
 * ratio, goal, rounds, spread). Progress goes to stderr, so stdout keeps only the table or the JSON.
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow, BenchSuite } from './bench.types';
import { benchRouting } from './routing.bench';
import { benchGateway } from './gateway.bench';
import { benchBundles } from './bundles.bench';
import { benchAppSize } from './app-size.bench';
import { benchClerkQueue } from './clerk-queue.bench';
import { benchPersonalData } from './personal-data.bench';
import { benchSearch } from './search.bench';
import { benchOpen311 } from './open311.bench';
import { benchImports } from './imports.bench';
import { benchStats } from './stats.bench';
import { benchDemandQueue } from './demand-queue.bench';
import { benchBooking } from './booking.bench';
import { benchCertify } from './certify.bench';
import { progress } from './bench.stats';

/** The registered suites, run in this order. */
export const suites: BenchSuite[] = [
  benchRouting,
  benchSearch,
  benchGateway,
  benchBundles,
  benchAppSize,
  benchClerkQueue,
  benchPersonalData,
  benchOpen311,
  benchImports,
  benchStats,
  benchDemandQueue,
  benchBooking,
  benchCertify,
];

const formatValue = (v: number): string => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 }));

const goalText = (r: BenchRow): string => {
  if (!r.goal) return '';
  const bound = [r.goal.atLeast !== undefined ? `≥ ${formatValue(r.goal.atLeast)}` : '', r.goal.atMost !== undefined ? `≤ ${formatValue(r.goal.atMost)}` : '']
    .filter(Boolean)
    .join(' and ');
  return `${r.goal.of} ${bound} ${r.goal.met ? '✓' : '✗'}`;
};

/** Renders rows as a markdown table: the figure, its reference and ratio, the goal, rounds and spread. */
export const benchTable = (rows: readonly BenchRow[]): string =>
  [
    '| metric | value | unit | reference | ratio | goal | rounds | spread | note |',
    '|---|---:|---|---|---:|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${formatValue(r.value)} | ${r.unit} | ${r.reference ? `${r.reference.name}: ${formatValue(r.reference.value)}` : ''} | ${r.ratio ?? ''} | ${goalText(r)} | ${r.rounds} | ${r.spread} | ${r.note ?? ''} |`,
    ),
  ].join('\n');

/** The one JSON object of `--json`: every measure by its name. */
export const benchJson = (rows: readonly BenchRow[], failed: boolean): string =>
  JSON.stringify({ failed, measures: Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest])) }, null, 2);

/** The suites named on the command line (by a part of their function name), or all of them. */
export const selectSuites = (all: readonly BenchSuite[], words: readonly string[]): BenchSuite[] =>
  words.length ? all.filter((s) => words.some((w) => s.name.toLowerCase().includes(w.toLowerCase()))) : [...all];

/** One suite's rows; a suite that throws becomes a row saying so, and the others still run. */
const runSuite = async (suite: BenchSuite): Promise<{ rows: BenchRow[]; failed: boolean }> => {
  const t = performance.now();
  progress('run', `${suite.name} …`);
  try {
    const rows = await suite();
    progress('run', `${suite.name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    return { rows, failed: false };
  } catch (e) {
    console.error(e);
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200);
    return { rows: [{ name: `${suite.name} FAILED`, value: NaN, unit: '', rounds: 0, spread: 0, note: message }], failed: true };
  }
};

/** Runs the suites one after another, so they do not compete for the CPU. */
async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  let failed = false;
  const started = performance.now();
  const args = process.argv.slice(2);
  for (const suite of selectSuites(
    suites,
    args.filter((a) => !a.startsWith('--')),
  )) {
    const r = await runSuite(suite);
    rows.push(...r.rows);
    failed ||= r.failed;
  }
  progress('run', `all done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(args.includes('--json') ? benchJson(rows, failed) : benchTable(rows));
  if (failed) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
