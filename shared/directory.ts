/**
 * The directory as routing reads it: an in-memory index over the centers, built once.
 * The chain of a center follows `parentId` (village -> township -> city; bank -> township;
 * zone -> city). Everything here is pure; chains and trigonometry are precomputed so that
 * routing and nearest-center lookups stay cheap enough to run for every item and village.
 */
import type { Center, CenterKind, LatLng } from './directory.schema';
import { buildGrid, gridNearest, type GridIndex } from './directory.grid';
import { geoPoint, haversineTerm, termToKm, type GeoPoint } from './geo';

export { geoDistanceKm, geoPoint, haversineKm, type GeoPoint } from './geo';

/** A read-only index of the centers of the city. */
export type Directory = {
  readonly centers: readonly Center[];
  readonly byId: ReadonlyMap<string, Center>;
  /** direct children of a center, by its id */
  readonly children: ReadonlyMap<string, readonly Center[]>;
  /** the center itself, then its ancestors up to the root (normally the city); [] for an unknown id */
  chain(centerId: string): readonly Center[];
  /** all centers of one kind, in input order */
  ofKind(kind: CenterKind): readonly Center[];
  cityCenter(): Center | undefined;
  townshipCenter(code: string): Center | undefined;
  zoneCenter(): Center | undefined;
  banksIn(townshipCode: string): readonly Center[];
  /** centers of one kind whose chain passes through the center (the center itself excluded) */
  descendants(centerId: string, kind: CenterKind): readonly Center[];
  /** true when `ancestorId` sits strictly above `centerId` in the latter's chain */
  isAncestor(ancestorId: string, centerId: string): boolean;
  /** true when the center offers the item (its `offers` list, held as a set) */
  offers(centerId: string, itemCode: string): boolean;
  /** precomputed trigonometry of a center's location, for distance scans */
  geoOf(centerId: string): GeoPoint | undefined;
};

/** A center with its distance from a point. */
export type CenterDistance = { center: Center; distanceKm: number };

const MAX_CHAIN = 16; // longer means a parent cycle in bad data; stop rather than loop

const buildChain = (id: string, byId: ReadonlyMap<string, Center>): Center[] => {
  const out: Center[] = [];
  const seen = new Set<string>();
  for (let c = byId.get(id); c && !seen.has(c.id) && out.length < MAX_CHAIN; c = c.parentId ? byId.get(c.parentId) : undefined) {
    out.push(c);
    seen.add(c.id);
  }
  return out;
};

const groupBy = <K>(centers: readonly Center[], key: (c: Center) => K | null): Map<K, Center[]> => {
  const map = new Map<K, Center[]>();
  for (const c of centers) {
    const k = key(c);
    if (k === null) continue;
    const list = map.get(k) ?? [];
    list.push(c);
    map.set(k, list);
  }
  return map;
};

const descendantsByKind = (chains: ReadonlyMap<string, Center[]>): Map<string, Center[]> => {
  const map = new Map<string, Center[]>();
  for (const [, chain] of chains) {
    for (const ancestor of chain.slice(1)) {
      const key = `${ancestor.id}/${chain[0].kind}`;
      const list = map.get(key);
      if (list) list.push(chain[0]);
      else map.set(key, [chain[0]]);
    }
  }
  return map;
};

/** Builds the index over a list of centers; ids are expected unique (the last one wins otherwise). */
export const buildDirectory = (input: readonly Center[]): Directory => {
  const centers = [...input];
  const byId = new Map(centers.map((c) => [c.id, c] as const));
  const chains = new Map(centers.map((c) => [c.id, buildChain(c.id, byId)] as const));
  const offerSets = new Map(centers.map((c) => [c.id, new Set(c.offers)] as const));
  const children = groupBy(centers, (c) => c.parentId);
  const townships = new Map(centers.filter((c) => c.kind === 'township' && c.townshipCode).map((c) => [c.townshipCode as string, c] as const));
  const banks = groupBy(centers, (c) => (c.kind === 'bank' ? c.townshipCode : null));
  const kinds = groupBy(centers, (c) => c.kind);
  const city = centers.find((c) => c.kind === 'city');
  const zone = centers.find((c) => c.kind === 'zone');
  const below = descendantsByKind(chains);
  const geo = new Map(centers.map((c) => [c.id, geoPoint(c.location)] as const));
  for (const list of [centers, ...kinds.values(), ...below.values()]) indexable.add(list);
  return {
    centers,
    byId,
    children,
    chain: (id) => chains.get(id) ?? [],
    ofKind: (kind) => kinds.get(kind) ?? [],
    cityCenter: () => city,
    townshipCenter: (code) => townships.get(code),
    zoneCenter: () => zone,
    banksIn: (code) => banks.get(code) ?? [],
    descendants: (id, kind) => below.get(`${id}/${kind}`) ?? [],
    isAncestor: (a, b) => a !== b && (chains.get(b) ?? []).some((c) => c.id === a),
    offers: (id, code) => offerSets.get(id)?.has(code) ?? false,
    geoOf: (id) => geo.get(id),
  };
};

/** A center with the haversine term of its distance: scans rank by it and convert only the winners. */
type Hit = { center: Center; term: number };

/** Below this many candidates a scan beats building and walking a grid. */
const GRID_MIN = 48;
/** The directory's own lists (all centers, each kind, each center's descendants of a kind): only they get a grid. */
const indexable = new WeakSet<readonly Center[]>();
const grids = new WeakMap<readonly Center[], GridIndex>();

const pointOf = (dir: Directory, c: Center): GeoPoint => dir.geoOf(c.id) ?? geoPoint(c.location);

/** The grid of one of the directory's own lists, built on its first lookup; null for small or passing lists. */
const gridOf = (dir: Directory, candidates: readonly Center[]): GridIndex | null => {
  if (candidates.length < GRID_MIN || !indexable.has(candidates)) return null;
  let grid = grids.get(candidates);
  if (!grid) grids.set(candidates, (grid = buildGrid(candidates.map((c) => pointOf(dir, c)))));
  return grid;
};

/** The nearest hits by a scan of every candidate; a bounded insertion keeps it linear for small limits. */
const scanHits = (dir: Directory, candidates: readonly Center[], from: GeoPoint, limit: number): Hit[] => {
  const best: Hit[] = [];
  for (const center of candidates) {
    const term = haversineTerm(from, pointOf(dir, center));
    if (best.length < limit || term < best[best.length - 1].term) insertBounded(best, { center, term }, limit);
  }
  return best;
};

const nearestHits = (dir: Directory, candidates: readonly Center[], from: GeoPoint, limit: number): Hit[] => {
  if (limit <= 0) return [];
  const grid = gridOf(dir, candidates);
  if (!grid) return scanHits(dir, candidates, from, limit);
  return gridNearest(grid, from, limit).map((h) => ({ center: candidates[h.index], term: h.term }));
};

const toDistances = (hits: readonly Hit[]): CenterDistance[] => hits.map((h) => ({ center: h.center, distanceKm: termToKm(h.term) }));

/**
 * The `limit` nearest of some candidate centers to a point, nearest first, ties in list order.
 * The directory's own lists answer from a grid index, any other list by a scan; both agree.
 */
export const nearestOf = (dir: Directory, candidates: readonly Center[], point: LatLng, limit: number): CenterDistance[] =>
  toDistances(nearestHits(dir, candidates, geoPoint(point), limit));

/** The same answer by scanning every candidate: the reference the grid is held to. */
export const nearestByScan = (dir: Directory, candidates: readonly Center[], point: LatLng, limit: number): CenterDistance[] =>
  toDistances(limit > 0 ? scanHits(dir, candidates, geoPoint(point), limit) : []);

/** The nearest over several lists as if they were one list, concatenated in order. */
export const nearestAmong = (dir: Directory, lists: readonly (readonly Center[])[], point: LatLng, limit: number): CenterDistance[] => {
  const from = geoPoint(point);
  const ranked = lists.flatMap((list, l) => nearestHits(dir, list, from, limit).map((h, i) => ({ ...h, l, i })));
  ranked.sort((a, b) => a.term - b.term || a.l - b.l || a.i - b.i);
  return toDistances(ranked.slice(0, Math.max(0, limit)));
};

/** The `limit` nearest centers of the directory to a point, optionally of one kind. */
export const nearestCenters = (dir: Directory, point: LatLng, limit: number, kind?: CenterKind): CenterDistance[] =>
  nearestOf(dir, kind ? dir.ofKind(kind) : dir.centers, point, limit);

const insertBounded = (best: Hit[], entry: Hit, limit: number): void => {
  let i = best.length;
  while (i > 0 && best[i - 1].term > entry.term) i--;
  best.splice(i, 0, entry);
  if (best.length > limit) best.pop();
};
