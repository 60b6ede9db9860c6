import { createRng, seedFrom } from './prng';

const draw = (seed: number | string, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('the seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw('ts-107', 50)).toEqual(draw('ts-107', 50));
  });

  it('gives different sequences for different seeds', () => {
    expect(draw(1, 10)).not.toEqual(draw(2, 10));
  });

  it('keeps integers inside the asked bounds and reaches both ends', () => {
    const rng = createRng(42);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('shuffles without losing or adding elements', () => {
    const list = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = createRng(7).shuffle(list);
    expect(shuffled).not.toEqual(list);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(list);
  });

  it('hashes text to a stable unsigned 32-bit seed', () => {
    expect(seedFrom('邹城')).toBe(seedFrom('邹城'));
    expect(seedFrom('邹城')).toBeGreaterThanOrEqual(0);
    expect(seedFrom('邹城')).toBeLessThan(2 ** 32);
    expect(seedFrom('a')).not.toBe(seedFrom('b'));
  });
});
