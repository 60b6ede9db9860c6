/**
 * A tiny seeded PRNG (mulberry32) so the sample dataset is the same on every run.
 * Math.random is never used: a reviewer must be able to regenerate the shipped files byte for byte.
 */

/** A seeded random source with the few draws the generators need. */
export interface Rng {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [min, max], both included */
  int(min: number, max: number): number;
  /** true with the given probability */
  chance(p: number): boolean;
  /** one element of a non-empty list */
  pick<T>(list: readonly T[]): T;
  /** a shuffled copy of a list (Fisher-Yates) */
  shuffle<T>(list: readonly T[]): T[];
}

/** Hashes text to a 32-bit seed (FNV-1a), so each record can own a stable stream. */
export const seedFrom = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** The mulberry32 step function: a float in [0, 1) per call. */
const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Creates a seeded random source from a number or a text key. */
export const createRng = (seed: number | string): Rng => {
  const next = mulberry32(typeof seed === 'string' ? seedFrom(seed) : seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[int(0, list.length - 1)];
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, chance: (p) => next() < p, pick, shuffle };
};
