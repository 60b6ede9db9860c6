/**
 * `npm run bench`: runs every registered benchmark suite in order and prints one markdown table.
 * To add a suite, export `async function benchX(): Promise<BenchRow[]>` and append it to `suites`.
 */
import type { BenchRow, BenchSuite } from './bench.types';
import { benchRouting } from './routing.bench';

/** The registered suites, run in this order. */
export const suites: BenchSuite[] = [benchRouting];

const formatValue = (v: number): string => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));

/** Renders rows as a markdown table. */
export const benchTable = (rows: readonly BenchRow[]): string =>
  ['| metric | value | unit | note |', '|---|---:|---|---|', ...rows.map((r) => `| ${r.name} | ${formatValue(r.value)} | ${r.unit} | ${r.note ?? ''} |`)].join('\n');

/** Runs the suites one after another, so they do not compete for the CPU. */
async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const suite of suites) rows.push(...(await suite()));
  console.log(benchTable(rows));
}

if (require.main === module) void main();
