/**
 * The directory as routing reads it: an in-memory index over the centers, built once.
 * The chain of a center follows `parentId` (village -> township -> city; bank -> township;
 * zone -> city). Everything here is pure; chains and trigonometry are precomputed so that
 * routing and nearest-center lookups stay cheap enough to run for every item and village.
 */
import type { Center, CenterKind, LatLng } from './directory.schema';

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

/** A point in radians with its latitude cosine, so that haversine skips recomputing them. */
export type GeoPoint = { readonly lat: number; readonly lng: number; readonly cosLat: number };

/** A center with its distance from a point. */
export type CenterDistance = { center: Center; distanceKm: number };

const EARTH_RADIUS_KM = 6371.0088;
const MAX_CHAIN = 16; // longer means a parent cycle in bad data; stop rather than loop
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Converts a point once, for repeated distance computations. */
export const geoPoint = (p: LatLng): GeoPoint => ({ lat: toRad(p.lat), lng: toRad(p.lng), cosLat: Math.cos(toRad(p.lat)) });

/** The haversine term: grows with distance, so scans can rank by it and convert only the winners. */
const haversineTerm = (a: GeoPoint, b: GeoPoint): number => {
  const sLat = Math.sin((b.lat - a.lat) / 2);
  const sLng = Math.sin((b.lng - a.lng) / 2);
  return sLat * sLat + a.cosLat * b.cosLat * sLng * sLng;
};

const termToKm = (h: number): number => 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));

/** Great-circle distance in km between two precomputed points. */
export const geoDistanceKm = (a: GeoPoint, b: GeoPoint): number => termToKm(haversineTerm(a, b));

/** Great-circle distance in km between two points (haversine). */
export const haversineKm = (a: LatLng, b: LatLng): number => geoDistanceKm(geoPoint(a), geoPoint(b));

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
export const buildDirectory = (centers: readonly Center[]): Directory => {
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

/**
 * The `limit` nearest of some candidate centers to a point, nearest first.
 * A bounded insertion keeps it linear in the candidates for the small limits maps use.
 */
export const nearestOf = (dir: Directory, candidates: readonly Center[], point: LatLng, limit: number): CenterDistance[] => {
  if (limit <= 0) return [];
  const from = geoPoint(point);
  const best: CenterDistance[] = []; // distanceKm holds the haversine term until the end
  for (const center of candidates) {
    const h = haversineTerm(from, dir.geoOf(center.id) ?? geoPoint(center.location));
    if (best.length < limit || h < best[best.length - 1].distanceKm) insertBounded(best, { center, distanceKm: h }, limit);
  }
  return best.map((b) => ({ center: b.center, distanceKm: termToKm(b.distanceKm) }));
};

/** The `limit` nearest centers of the directory to a point, optionally of one kind. */
export const nearestCenters = (dir: Directory, point: LatLng, limit: number, kind?: CenterKind): CenterDistance[] =>
  nearestOf(dir, kind ? dir.ofKind(kind) : dir.centers, point, limit);

const insertBounded = (best: CenterDistance[], entry: CenterDistance, limit: number): void => {
  let i = best.length;
  while (i > 0 && best[i - 1].distanceKm > entry.distanceKm) i--;
  best.splice(i, 0, entry);
  if (best.length > limit) best.pop();
};
