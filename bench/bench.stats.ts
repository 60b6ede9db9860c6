/**
 * Small measuring helpers shared by the suites: latency summaries, rounding, timing and
 * progress lines. Progress goes to stderr so stdout carries only the markdown table.
 */
import { performance } from 'node:perf_hooks';

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

/** Rounds to `digits` decimals, so the table shows figures, not noise. */
export const round = (value: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
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
export const seededRandom = (seed: number): (() => number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
