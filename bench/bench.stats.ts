/**
 * Small measuring helpers shared by the suites: rows from rounds of samples (median, spread,
 * ratio to a reference, goal), interleaved A/B rounds, latency summaries, rounding, timing and
 * progress lines. Progress goes to stderr so stdout carries only the table (or the JSON).
 */
import { performance } from 'node:perf_hooks';
import type { BenchGoal, BenchRow } from './bench.types';

export type LatencySummary = { count: number; p50: number; p99: number; mean: number };

/** The p-th percentile (0..100) of ascending samples, nearest-rank. */
export const percentile = (sorted: ArrayLike<number>, p: number): number => {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
};

/** p50, p99 and the mean of latency samples in ms. */
export const summarize = (samples: ArrayLike<number>): LatencySummary => {
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.length ? sum / sorted.length : NaN };
};

/** The median of some numbers (the lower middle for an even count). */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** (max - min) / median: how far apart the rounds were. */
export const spreadOf = (values: readonly number[]): number => {
  if (values.length < 2) return 0;
  const m = median(values);
  return m ? (Math.max(...values) - Math.min(...values)) / Math.abs(m) : 0;
};

/** Rounds to `digits` decimals, so the table shows figures, not noise. */
export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Rounds to about three significant digits, whatever the magnitude. */
export const sig = (value: number): number => {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return round(value, digits);
};

type Measured = { name: string; unit: string; samples: readonly number[]; note?: string };

/**
 * A row from rounds of samples: the median, the spread, and where given the reference's median,
 * the ratio and whether the goal is met. With `paired`, the reference's samples were taken one
 * beside each of the row's (sample i with reference sample i), and the ratio is the median of the
 * pairs' own ratios: a pair meets one moment of the machine's load, where the two medians may come
 * from different moments.
 */
export const row = (
  m: Measured & {
    reference?: { name: string; samples: readonly number[]; paired?: boolean } | { name: string; value: number };
    goal?: BenchGoal;
  },
): BenchRow => {
  const value = median(m.samples);
  const ref = m.reference && ('samples' in m.reference ? { name: m.reference.name, value: median(m.reference.samples) } : m.reference);
  const pairs = m.reference && 'samples' in m.reference && m.reference.paired ? m.reference.samples : null;
  if (pairs && pairs.length !== m.samples.length) throw new Error(`${m.name}: ${m.samples.length} samples but ${pairs.length} paired reference samples`);
  const ratio = pairs ? median(m.samples.map((s, i) => s / pairs[i])) : ref ? value / ref.value : undefined;
  const judged = m.goal?.of === 'ratio' ? ratio : value;
  const met = judged !== undefined && (m.goal?.atMost === undefined || judged <= m.goal.atMost) && (m.goal?.atLeast === undefined || judged >= m.goal.atLeast);
  return {
    name: m.name,
    value: sig(value),
    unit: m.unit,
    ...(ref ? { reference: { name: ref.name, value: sig(ref.value) }, ratio: round(ratio!, 3) } : {}),
    ...(m.goal ? { goal: { ...m.goal, met } } : {}),
    rounds: m.samples.length,
    spread: round(spreadOf(m.samples), 3),
    ...(m.note ? { note: m.note } : {}),
  };
};

/** A figure measured once (a size, a count): one round, no spread. */
export const once = (name: string, value: number, unit: string, note?: string, goal?: BenchGoal, reference?: { name: string; value: number }): BenchRow =>
  row({ name, unit, samples: [value], ...(note ? { note } : {}), ...(goal ? { goal } : {}), ...(reference ? { reference } : {}) });

/**
 * Runs A and B alternately for `rounds` rounds (B first every other round, so neither always
 * gets the warmer machine), and answers each one's samples.
 */
export const abRounds = async (rounds: number, a: () => Promise<number> | number, b: () => Promise<number> | number): Promise<{ a: number[]; b: number[] }> => {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
};

/** Runs `fn` and answers its value with the elapsed ms. */
export const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};

/** Runs `fn` and answers its value with the elapsed ms. */
export const timedAsync = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
};

/** A progress line on stderr, prefixed with the suite. */
export const progress = (suite: string, message: string): void => {
  process.stderr.write(`[bench ${suite}] ${message}\n`);
};

/** Bytes as KiB with one decimal. */
export const kib = (bytes: number): number => round(bytes / 1024, 1);

/** Mulberry32: a tiny seeded generator, so every run measures the same data. */
export const seededRandom =
  (seed: number): (() => number) =>
  () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
