/**
 * Routing benchmark over the whole sample data: loading it, routing every item for a resident
 * of every village, and nearest-center lookups from seeded random points in Zoucheng.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { ItemSchema, type Item } from '../shared/catalogue.schema';
import { buildDirectory, nearestCenters, type Directory } from '../shared/directory';
import { nearestRanked } from '../shared/nearby.rank';
import { CenterSchema, type LatLng } from '../shared/directory.schema';
import { route } from '../shared/routing.rules';
import type { Applicant } from '../shared/routing.schema';
import type { BenchRow } from './bench.types';

const SAMPLE_DIR = join(__dirname, '..', 'data', 'sample');
/** Zoucheng's rough bounding box, for random points. */
const ZOUCHENG = { latMin: 35.2, latMax: 35.6, lngMin: 116.75, lngMax: 117.3 };
const NEAREST_LOOKUPS = 20_000;

/** Mulberry32: a tiny seeded generator, so runs measure the same points. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const randomPoints = (n: number, seed: number): LatLng[] => {
  const rnd = seeded(seed);
  return Array.from({ length: n }, () => ({
    lat: ZOUCHENG.latMin + rnd() * (ZOUCHENG.latMax - ZOUCHENG.latMin),
    lng: ZOUCHENG.lngMin + rnd() * (ZOUCHENG.lngMax - ZOUCHENG.lngMin),
  }));
};

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};

const loadSample = (): { items: Item[]; dir: Directory } => {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8'));
  const centers = z.array(CenterSchema).parse(read('centers.json'));
  const items = z.array(ItemSchema).parse(read('items.json'));
  return { items, dir: buildDirectory(centers) };
};

const routeAll = (items: readonly Item[], applicants: readonly Applicant[], dir: Directory) => {
  let routed = 0;
  for (const item of items) for (const applicant of applicants) if (route(item, applicant, dir).ok) routed++;
  return { decisions: items.length * applicants.length, routed };
};

const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);

/** Measures sample loading, routing throughput and nearest-center lookups. */
export async function benchRouting(): Promise<BenchRow[]> {
  const load = timed(loadSample);
  const { items, dir } = load.value;
  const villages = dir.ofKind('village');
  const points = randomPoints(villages.length, 42);
  const persons: Applicant[] = villages.map((v) => ({ type: 'person', homeVillageId: v.id }));
  const located: Applicant[] = villages.map((v, i) => ({ type: 'person', homeVillageId: v.id, position: points[i] }));
  routeAll(items.slice(0, 20), persons.slice(0, 50), dir); // warm-up
  const plain = timed(() => routeAll(items, persons, dir));
  const withPos = timed(() => routeAll(items, located, dir));
  const lookups = randomPoints(NEAREST_LOOKUPS, 7);
  const nearest = timed(() => lookups.forEach((p) => nearestCenters(dir, p, 5)));
  const ranked = timed(() => lookups.forEach((p) => nearestRanked(dir, p, 5)));
  const pairs = `${items.length} items × ${villages.length} villages`;
  return [
    { name: 'sample data load', value: Math.round(load.ms * 10) / 10, unit: 'ms', note: `read + zod parse + directory of ${dir.centers.length} centers, ${items.length} items` },
    { name: 'routing decisions (persons, no position)', value: perSecond(plain.value.decisions, plain.ms), unit: 'decisions/s', note: `${pairs} = ${plain.value.decisions} in ${Math.round(plain.ms)} ms; ${plain.value.routed} routed, the rest coded refusals` },
    { name: 'routing decisions (persons with a position)', value: perSecond(withPos.value.decisions, withPos.ms), unit: 'decisions/s', note: `${pairs} in ${Math.round(withPos.ms)} ms, options ranked by distance` },
    { name: 'nearest-center lookups (top 5)', value: perSecond(NEAREST_LOOKUPS, nearest.ms), unit: 'lookups/s', note: `${NEAREST_LOOKUPS} seeded points over all ${dir.centers.length} centers` },
    { name: 'nearest-center lookups, ranked (top 5)', value: perSecond(NEAREST_LOOKUPS, ranked.ms), unit: 'lookups/s', note: 'as the app asks: bank branches count 0.5 km farther (shared/nearby.rank.ts)' },
  ];
}
