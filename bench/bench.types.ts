/** One measured figure of a benchmark, as `npm run bench` prints it. */
export type BenchRow = { name: string; value: number; unit: string; note?: string };

/** A benchmark module: runs its measurements and answers its rows. */
export type BenchSuite = () => Promise<BenchRow[]>;
