/**
 * The indicators as counters: what one request adds to the figures of a (China day, intake
 * center) cell. Stores keep one row per cell and move it by `counterDelta(before, after)` in
 * the same transaction as the request write, so the indicators of a city of 1,000,000 requests
 * are a sum over a few thousand rows, never a read of the requests. Pure: no clock, no I/O.
 *
 * Every figure is kept at the matter's intake center (a village's matters roll up to its
 * township) on the China day of the instant it is about: the submission, the acceptance, the
 * decision, a handoff's receipt or sending, the rating. The level a matter was settled at is
 * the kind of its deciding center, which its routing rule names (ZONE, ENTRUSTED → township, ...).
 */
import { chinaDateOf } from './china.time';
import type { RuleCode } from './routing.schema';
import { RATING_LEVELS, isBadReview, type RatingLevel } from './rating.levels';
import type { Request } from './request.schema';

/** The levels a matter is settled at: 小事不出村、大事不出镇、所有事不出城, plus the development zone. */
export const LEVELS = ['village', 'township', 'city', 'zone'] as const;
export type Level = (typeof LEVELS)[number];

/** The kind of the deciding center, as the routing rule that chose it says. */
export const RULE_LEVEL: Record<RuleCode, Level> = { VILLAGE: 'village', TOWNSHIP: 'township', ENTRUSTED: 'township', CITY: 'city', ZONE: 'zone' };

/** Upper bounds (hours) of the buckets of the time to confirm a handoff; the last bucket is open. */
export const WAIT_BOUNDS_HOURS = [1, 2, 4, 8, 24, 48, 72, 120] as const;

const RATING_KEYS = ['rated1', 'rated2', 'rated3', 'rated4', 'rated5'] as const;
/** The counters of a level: decided there, rated, rated badly. */
export const LEVEL_FIELDS = {
  village: { settled: 'settledVillage', rated: 'ratedVillage', bad: 'badVillage' },
  township: { settled: 'settledTownship', rated: 'ratedTownship', bad: 'badTownship' },
  city: { settled: 'settledCity', rated: 'ratedCity', bad: 'badCity' },
  zone: { settled: 'settledZone', rated: 'ratedZone', bad: 'badZone' },
} as const satisfies Record<Level, Record<'settled' | 'rated' | 'bad', string>>;

/**
 * Every counter of a cell, in one fixed order (the SQLite columns and CloudBase fields carry
 * these names): submitted; accepted, and of those the ones that ran late (the flag is sticky);
 * decided, by level; handoffs confirmed, their minutes waited and wait buckets (hours); handoffs
 * still in transit past their limit; ratings by level of 好差评 (1 非常满意 .. 5 非常不满意); rated and
 * bad, by level settled; bad reviews with their rectification state, return calls, and the calls
 * after which the applicant said they are now satisfied.
 */
export const COUNTER_FIELDS = [
  'submitted', 'accepted', 'overdue', 'settledVillage', 'settledTownship', 'settledCity', 'settledZone',
  'handoffsConfirmed', 'handoffMinutes', 'wait1', 'wait2', 'wait4', 'wait8', 'wait24', 'wait48', 'wait72', 'wait120', 'waitMore',
  'handoffsLate', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5', 'ratedVillage', 'ratedTownship', 'ratedCity', 'ratedZone',
  'badVillage', 'badTownship', 'badCity', 'badZone', 'badReviews', 'rectOpen', 'rectClosed', 'returnCalls', 'satisfiedAfterCall',
] as const; // prettier-ignore
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counters = Record<CounterField, number>;

/** One cell's change (or content): its day, its center, and the nonzero counters. */
export type CounterRow = { day: string; centerId: string; counters: Partial<Counters> };

/** All counters at zero. */
export const zeroCounters = (): Counters => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counters;

/** The counter of each wait bucket, by its upper bound in hours, and of the open last one. */
export const WAIT_FIELDS = ['wait1', 'wait2', 'wait4', 'wait8', 'wait24', 'wait48', 'wait72', 'wait120'] as const;

/** The bucket of a wait in minutes. */
const waitField = (minutes: number): CounterField => {
  const i = WAIT_BOUNDS_HOURS.findIndex((h) => minutes <= h * 60);
  return i < 0 ? 'waitMore' : WAIT_FIELDS[i];
};

const ratingKey = (level: RatingLevel): CounterField => RATING_KEYS[RATING_LEVELS.indexOf(level)];

/** The cells one request contributes to, keyed `day|center`. */
export const countersOf = (r: Request): Map<string, Partial<Counters>> => {
  const cells = new Map<string, Partial<Counters>>();
  const add = (instant: string | undefined, field: CounterField, by = 1) => {
    const day = instant ? chinaDateOf(instant) : null;
    if (!day || by === 0) return;
    const key = `${day}|${r.intakeCenterId}`;
    const cell = cells.get(key) ?? {};
    cell[field] = (cell[field] ?? 0) + by;
    cells.set(key, cell);
  };
  const level = RULE_LEVEL[r.rule];
  add(r.submittedAt, 'submitted');
  if (r.acceptedAt) {
    add(r.acceptedAt, 'accepted');
    if (r.overdue) add(r.acceptedAt, 'overdue');
  }
  if (r.decision) add(r.decision.at, LEVEL_FIELDS[level].settled);
  for (const h of r.handoffs) {
    if (h.receivedAt) {
      const minutes = Math.max(0, Math.round((Date.parse(h.receivedAt) - Date.parse(h.sentAt)) / 60_000));
      add(h.receivedAt, 'handoffsConfirmed');
      add(h.receivedAt, 'handoffMinutes', minutes);
      add(h.receivedAt, waitField(minutes));
    } else if (h.state === 'in_transit' && h.overdue) add(h.sentAt, 'handoffsLate');
  }
  if (!r.rating) return cells;
  const at = r.rating.at;
  add(at, ratingKey(r.rating.level));
  add(at, LEVEL_FIELDS[level].rated);
  if (!isBadReview(r.rating.level)) return cells;
  add(at, LEVEL_FIELDS[level].bad);
  add(at, 'badReviews');
  const rect = r.rectification;
  if (rect?.state === 'open') add(at, 'rectOpen');
  if (rect?.state === 'closed') add(at, 'rectClosed');
  if (rect?.returnCall) {
    add(at, 'returnCalls');
    if ((rect.returnCall as { satisfied?: boolean }).satisfied) add(at, 'satisfiedAfterCall');
  }
  return cells;
};

const rowsOf = (cells: Map<string, Partial<Counters>>): CounterRow[] =>
  [...cells].flatMap(([key, counters]) => {
    const nonzero = Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0));
    if (!Object.keys(nonzero).length) return [];
    const [day, centerId] = key.split('|');
    return [{ day, centerId, counters: nonzero }];
  });

/** What a write moves: the cells of `after` minus those of `before` (null: no request), zero cells left out. */
export const counterDelta = (before: Request | null, after: Request | null): CounterRow[] => {
  const cells = new Map<string, Partial<Counters>>();
  const fold = (r: Request | null, sign: 1 | -1) => {
    if (!r) return;
    for (const [key, c] of countersOf(r)) {
      const cell = cells.get(key) ?? {};
      for (const [f, n] of Object.entries(c) as [CounterField, number][]) cell[f] = (cell[f] ?? 0) + sign * n;
      cells.set(key, cell);
    }
  };
  fold(before, -1);
  fold(after, 1);
  return rowsOf(cells);
};

/** The counters of many requests, cell by cell (the backfill, and the recomputation the tests compare with). */
export const countersOfAll = (requests: Iterable<Request>): CounterRow[] => {
  const cells = new Map<string, Partial<Counters>>();
  for (const r of requests) {
    for (const [key, c] of countersOf(r)) {
      const cell = cells.get(key) ?? {};
      for (const [f, n] of Object.entries(c) as [CounterField, number][]) cell[f] = (cell[f] ?? 0) + n;
      cells.set(key, cell);
    }
  }
  return rowsOf(cells);
};

/** Adds `b` into a copy of `a`. */
export const addCounters = (a: Counters, b: Partial<Counters>): Counters => {
  const out = { ...a };
  for (const f of COUNTER_FIELDS) out[f] += b[f] ?? 0;
  return out;
};

/** Sums rows into one set of counters. */
export const sumCounters = (rows: Iterable<Partial<Counters>>): Counters => {
  let total = zeroCounters();
  for (const r of rows) total = addCounters(total, r);
  return total;
};
