/**
 * Routing over the whole sample data, each figure against its limit in the same run:
 * `route()` for every item × village pair against the same decisions read from a nested Map
 * built beforehand, and nearest-center lookups from the grid index against a scan of every center.
 * Both pairs run in interleaved rounds and are checked to answer identically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ItemSchema, type Item } from '../shared/catalogue.schema';
import { buildDirectory, nearestByScan, nearestCenters, type Directory } from '../shared/directory';
import { nearestRanked } from '../shared/nearby.rank';
import { CenterSchema, type LatLng } from '../shared/directory.schema';
import type { Result } from '../shared/errors';
import { route, routeAfresh } from '../shared/routing.rules';
import type { Applicant, RouteDecision } from '../shared/routing.schema';
import type { BenchRow } from './bench.types';
import { abRounds, once, round, row, seededRandom, timed } from './bench.stats';

const SAMPLE_DIR = join(__dirname, '..', 'data', 'sample');
/** Zoucheng's rough bounding box, for random points. */
const ZOUCHENG = { latMin: 35.2, latMax: 35.6, lngMin: 116.75, lngMax: 117.3 };
const NEAREST_LOOKUPS = 20_000;
const ROUNDS = 5;

const randomPoints = (n: number, seed: number): LatLng[] => {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => ({
    lat: ZOUCHENG.latMin + rnd() * (ZOUCHENG.latMax - ZOUCHENG.latMin),
    lng: ZOUCHENG.lngMin + rnd() * (ZOUCHENG.lngMax - ZOUCHENG.lngMin),
  }));
};

const loadSample = (): { items: Item[]; dir: Directory } => {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8'));
  const centers = z.array(CenterSchema).parse(read('centers.json'));
  const items = z.array(ItemSchema).parse(read('items.json'));
  return { items, dir: buildDirectory(centers) };
};

type Answer = Result<RouteDecision>;
type Lookup = Map<string, Map<string, Answer>>;

/** Every pair's answer built afresh (no reuse), for the lookup the routing is compared with. */
const precompute = (items: readonly Item[], persons: readonly (Applicant & { type: 'person' })[], dir: Directory): Lookup =>
  new Map(items.map((i) => [i.code, new Map(persons.map((a) => [a.homeVillageId, routeAfresh(i, a, dir)]))]));

/** Decisions per second over every pair, routed; `sink` keeps the answers alive and countable. */
const routeRate = (items: readonly Item[], applicants: readonly Applicant[], dir: Directory, sink: Answer[]): number => {
  const t = timed(() => {
    let n = 0;
    for (const item of items) for (const applicant of applicants) sink[n++] = route(item, applicant, dir);
  });
  return (sink.length / t.ms) * 1000;
};

/** The same pairs answered from the lookup. */
const lookupRate = (items: readonly Item[], persons: readonly (Applicant & { type: 'person' })[], table: Lookup, sink: Answer[]): number => {
  const t = timed(() => {
    let n = 0;
    for (const item of items) {
      const byVillage = table.get(item.code)!;
      for (const a of persons) sink[n++] = byVillage.get(a.homeVillageId)!;
    }
  });
  return (sink.length / t.ms) * 1000;
};

/** The pairs whose routed answer differs from the lookup's (compared as JSON); must be none. */
const differing = (items: readonly Item[], persons: readonly (Applicant & { type: 'person' })[], dir: Directory, table: Lookup): number => {
  let n = 0;
  for (const item of items)
    for (const a of persons) if (JSON.stringify(route(item, a, dir)) !== JSON.stringify(table.get(item.code)!.get(a.homeVillageId))) n++;
  return n;
};

const nearestRate = (points: readonly LatLng[], find: (p: LatLng) => unknown): number => (points.length / timed(() => points.forEach(find)).ms) * 1000;

const sameNearest = (dir: Directory, points: readonly LatLng[]): boolean =>
  points.every((p) => JSON.stringify(nearestCenters(dir, p, 5)) === JSON.stringify(nearestByScan(dir, dir.centers, p, 5)));

/** Measures sample loading, routing throughput and nearest-center lookups. */
export async function benchRouting(): Promise<BenchRow[]> {
  const load = timed(loadSample);
  const { items, dir } = load.value;
  const villages = dir.ofKind('village');
  const points = randomPoints(villages.length, 42);
  const persons = villages.map((v) => ({ type: 'person' as const, homeVillageId: v.id }));
  const located: Applicant[] = villages.map((v, i) => ({ type: 'person', homeVillageId: v.id, position: points[i] }));
  // the lookup is built afresh on a directory of its own, so it shares nothing with the routing it is compared with
  const table = precompute(items, persons, buildDirectory(dir.centers));
  const pairs = items.length * villages.length;
  const sink: Answer[] = new Array(pairs);
  routeRate(items.slice(0, 40), persons, dir, []); // warm-up
  const decisions = await abRounds(
    ROUNDS,
    () => routeRate(items, persons, dir, sink),
    () => lookupRate(items, persons, table, sink),
  );
  const refused = sink.filter((a) => !a.ok).length;
  const mismatches = differing(items, persons, dir, table);
  const withPosition = await abRounds(
    3,
    () => routeRate(items, located, dir, sink),
    () => lookupRate(items, persons, table, sink),
  );
  const lookups = randomPoints(NEAREST_LOOKUPS, 7);
  const nearest = await abRounds(
    ROUNDS,
    () => nearestRate(lookups, (p) => nearestCenters(dir, p, 5)),
    () => nearestRate(lookups, (p) => nearestByScan(dir, dir.centers, p, 5)),
  );
  const ranked = await abRounds(
    ROUNDS,
    () => nearestRate(lookups, (p) => nearestRanked(dir, p, 5)),
    () => nearestRate(lookups, (p) => nearestCenters(dir, p, 5)),
  );
  const same = sameNearest(dir, lookups);
  const pairNote = `${items.length} items × ${villages.length} villages = ${pairs} pairs`;
  return [
    once('sample data load', round(load.ms, 1), 'ms', `read + zod parse + directory of ${dir.centers.length} centers, ${items.length} items`),
    row({
      name: 'routing decisions (persons, no position)',
      unit: 'decisions/s',
      samples: decisions.a,
      reference: { name: 'the same decisions from a precomputed nested Map', samples: decisions.b },
      goal: { of: 'value', atLeast: 1_000_000 },
      note: `${pairNote}; ${pairs - refused} routed, ${refused} coded refusals; ${mismatches === 0 ? 'every decision identical to the lookup' : `${mismatches} DIFFER from the lookup`}`,
    }),
    row({
      name: 'routing decisions (persons with a position)',
      unit: 'decisions/s',
      samples: withPosition.a,
      reference: { name: 'the same pairs from the lookup', samples: withPosition.b },
      note: `${pairNote}; options ranked by distance, built afresh for each position`,
    }),
    row({
      name: 'nearest-center lookups (top 5 of all centers)',
      unit: 'lookups/s',
      samples: nearest.a,
      reference: { name: 'a linear scan of every center', samples: nearest.b },
      goal: { of: 'value', atLeast: 300_000 },
      note: `${NEAREST_LOOKUPS} seeded points over ${dir.centers.length} centers, grid index; ${same ? 'identical answers to the scan' : 'answers DIFFER from the scan'}`,
    }),
    row({
      name: 'nearest-center lookups, ranked (top 5)',
      unit: 'lookups/s',
      samples: ranked.a,
      reference: { name: 'the unranked lookup', samples: ranked.b },
      note: 'as the app asks: bank branches count 0.5 km farther (shared/nearby.rank.ts)',
    }),
  ];
}
