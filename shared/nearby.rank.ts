/**
 * How the nearest centers are ranked for a resident. Distance first, but a bank branch (政银合作)
 * takes in only some items, so at a similar distance a center that handles everything, such as
 * the township's own, is the better first suggestion: a branch counts as a little farther away.
 */
import { nearestOf, type CenterDistance, type Directory } from './directory';
import type { Center, CenterKind, LatLng } from './directory.schema';

/** Kilometres added to a center's distance when ranking, by kind. */
export const RANK_HANDICAP_KM: Readonly<Record<CenterKind, number>> = { village: 0, township: 0, city: 0, zone: 0, bank: 0.5 };

const rankKm = (f: CenterDistance): number => f.distanceKm + RANK_HANDICAP_KM[f.center.kind];

/** Orders centers by their ranking distance, the true distance breaking ties. */
export const rankNearby = (found: readonly CenterDistance[]): CenterDistance[] =>
  [...found].sort((a, b) => rankKm(a) - rankKm(b) || a.distanceKm - b.distanceKm);

const FULL_SERVICE: readonly CenterKind[] = ['village', 'township', 'city', 'zone'];
// the full-service centers of a directory, gathered once per directory rather than per lookup
const fullServiceOf = new WeakMap<Directory, readonly Center[]>();
const fullService = (dir: Directory): readonly Center[] => {
  let list = fullServiceOf.get(dir);
  if (!list) fullServiceOf.set(dir, (list = FULL_SERVICE.flatMap((k) => dir.ofKind(k))));
  return list;
};

/**
 * The `limit` best-ranked centers near a point. Branches and full-service centers are each
 * scanned for their own `limit` nearest, so no center the handicap lets through is missed.
 */
export const nearestRanked = (dir: Directory, point: LatLng, limit: number, kind?: CenterKind): CenterDistance[] => {
  if (kind) return nearestOf(dir, dir.ofKind(kind), point, limit);
  const full = nearestOf(dir, fullService(dir), point, limit);
  const banks = nearestOf(dir, dir.ofKind('bank'), point, limit);
  return rankNearby([...full, ...banks]).slice(0, limit);
};
