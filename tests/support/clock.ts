/** A clock tests can set and move, passed to the handlers as their only source of time. */
export type TestClock = { now: () => Date; set(iso: string): void; advanceHours(h: number): void };

/** Creates a settable clock starting at `iso`. */
export const testClock = (iso: string): TestClock => {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (s) => void (t = new Date(s).getTime()),
    advanceHours: (h) => void (t += h * 3600_000),
  };
};
