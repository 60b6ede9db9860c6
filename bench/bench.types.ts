/**
 * What `npm run bench` reports. Each figure is measured in rounds, and, where the goal is a
 * ratio, beside the limit for the same work measured in the same run (interleaved A/B rounds):
 * absolute figures on a shared 2-core machine are noisy, ratios are steady.
 */

/** The limit a figure is compared with: measured in the same run, or the goal's fixed bound. */
export type BenchReference = { name: string; value: number };

/** What a figure must reach: a bound on its value or on its ratio to the reference. */
export type BenchGoal = { of: 'value' | 'ratio'; atMost?: number; atLeast?: number };

/** One measured figure of a benchmark, as `npm run bench` prints it (table or JSON). */
export type BenchRow = {
  name: string;
  /** the median over the rounds */
  value: number;
  unit: string;
  reference?: BenchReference;
  /** value / reference.value; for paired rounds (each sample beside one of the reference's), the median of the pairs' ratios */
  ratio?: number;
  goal?: BenchGoal & { met: boolean };
  /** how many times the figure was measured */
  rounds: number;
  /** (max - min) / median of the rounds; 0 for one round */
  spread: number;
  note?: string;
};

/** A benchmark module: runs its measurements and answers its rows. */
export type BenchSuite = () => Promise<BenchRow[]>;
