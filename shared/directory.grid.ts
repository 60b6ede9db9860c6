/**
 * A grid index over a list of centers, for the nearest ones to a point. Cells of 0.02° hold the
 * centers inside them; a lookup visits rings of cells around the point's cell, nearest first,
 * and stops once no unvisited cell can hold anything nearer than the k-th best found. Answers
 * equal a linear scan's, ties included: both rank by (distance, position in the list).
 */
import { EARTH_RADIUS_KM, termToKm, type GeoPoint } from './geo';

/** The side of a cell in degrees (about 2.2 km north-south): a few centers per cell in the sample directory. */
export const GRID_CELL_DEG = 0.02;

const DEG = Math.PI / 180;
/** Bounds are compared with a little slack, so rounding never stops a lookup early. */
const SLACK_KM = 1e-9;
/** Beyond this longitude difference a lookup scans: ring bounds are drawn on the unwrapped map. */
const FAR_LNG_DEG = 60;

/** The grid of one candidate list: its cells in compressed rows, entries stored cell by cell. */
export type GridIndex = {
  readonly lat0: number;
  readonly lng0: number;
  readonly rows: number;
  readonly cols: number;
  /** entries of cell c are slots start[c] .. start[c + 1] - 1 */
  readonly start: Int32Array;
  /** per slot: the entry's position in the candidate list, and its point in radians */
  readonly index: Int32Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
  readonly cosLat: Float64Array;
};

/** One hit of a lookup: the position in the candidate list and the haversine term. */
export type GridHit = { index: number; term: number };

const cellOf = (deg: number, origin: number): number => Math.floor((deg - origin) / GRID_CELL_DEG);

/** Builds the grid over points in radians (their list order is the tie-break order). */
export const buildGrid = (points: readonly GeoPoint[]): GridIndex => {
  const lats = points.map((p) => p.lat / DEG);
  const lngs = points.map((p) => p.lng / DEG);
  const lat0 = Math.min(...lats);
  const lng0 = Math.min(...lngs);
  const rows = cellOf(Math.max(...lats), lat0) + 1;
  const cols = cellOf(Math.max(...lngs), lng0) + 1;
  const cells = points.map((_, i) => cellOf(lats[i], lat0) * cols + cellOf(lngs[i], lng0));
  const start = new Int32Array(rows * cols + 1);
  for (const c of cells) start[c + 1] += 1;
  for (let c = 0; c < rows * cols; c++) start[c + 1] += start[c];
  const fill = start.slice(0, rows * cols);
  const g = {
    lat0,
    lng0,
    rows,
    cols,
    start,
    index: new Int32Array(points.length),
    lat: new Float64Array(points.length),
    lng: new Float64Array(points.length),
    cosLat: new Float64Array(points.length),
  };
  points.forEach((p, i) => {
    const slot = fill[cells[i]]++;
    g.index[slot] = i;
    g.lat[slot] = p.lat;
    g.lng[slot] = p.lng;
    g.cosLat[slot] = p.cosLat;
  });
  return g;
};

/** The best hits so far, ascending by (term, index), in two parallel arrays. */
type Best = { terms: Float64Array; indexes: Int32Array; size: number; limit: number };

/** Offers one slot: the haversine term of geo.ts, read from the slot arrays without building a point. */
const offerSlot = (g: GridIndex, from: GeoPoint, slot: number, b: Best): void => {
  const sLat = Math.sin((g.lat[slot] - from.lat) / 2);
  const sLng = Math.sin((g.lng[slot] - from.lng) / 2);
  const term = sLat * sLat + from.cosLat * g.cosLat[slot] * sLng * sLng;
  const index = g.index[slot];
  let i = b.size;
  if (i === b.limit) {
    if (!(term < b.terms[i - 1] || (term === b.terms[i - 1] && index < b.indexes[i - 1]))) return;
    i--;
  } else b.size++;
  while (i > 0 && (term < b.terms[i - 1] || (term === b.terms[i - 1] && index < b.indexes[i - 1]))) {
    b.terms[i] = b.terms[i - 1];
    b.indexes[i] = b.indexes[i - 1];
    i--;
  }
  b.terms[i] = term;
  b.indexes[i] = index;
};

/**
 * The least distance from the point to anything outside the box of cells within `ring` of its
 * cell: across a parallel at least the latitude difference, across a meridian at least the
 * distance to that meridian's great circle.
 */
const outsideKm = (g: GridIndex, from: GeoPoint, row: number, col: number, ring: number): number => {
  const lat = from.lat / DEG;
  const lng = from.lng / DEG;
  const south = lat - (g.lat0 + (row - ring) * GRID_CELL_DEG);
  const north = g.lat0 + (row + ring + 1) * GRID_CELL_DEG - lat;
  const west = lng - (g.lng0 + (col - ring) * GRID_CELL_DEG);
  const east = g.lng0 + (col + ring + 1) * GRID_CELL_DEG - lng;
  const acrossParallel = Math.min(south, north) * DEG * EARTH_RADIUS_KM;
  const dLng = Math.min(west, east, 90) * DEG;
  const acrossMeridian = Math.asin(Math.min(1, from.cosLat * Math.sin(dLng))) * EARTH_RADIUS_KM;
  return Math.min(acrossParallel, acrossMeridian);
};

const visitCell = (g: GridIndex, from: GeoPoint, r: number, c: number, b: Best): void => {
  if (r < 0 || r >= g.rows || c < 0 || c >= g.cols) return;
  const cell = r * g.cols + c;
  for (let slot = g.start[cell]; slot < g.start[cell + 1]; slot++) offerSlot(g, from, slot, b);
};

/** The cells exactly `ring` away (Chebyshev) from (row, col), clipped to the grid. */
const visitRing = (g: GridIndex, from: GeoPoint, row: number, col: number, ring: number, b: Best): void => {
  if (ring === 0) return visitCell(g, from, row, col, b);
  for (const r of [row - ring, row + ring]) {
    if (r < 0 || r >= g.rows) continue;
    for (let c = Math.max(0, col - ring); c <= Math.min(g.cols - 1, col + ring); c++) visitCell(g, from, r, c, b);
  }
  for (let r = Math.max(0, row - ring + 1); r <= Math.min(g.rows - 1, row + ring - 1); r++) {
    visitCell(g, from, r, col - ring, b);
    visitCell(g, from, r, col + ring, b);
  }
};

const hitsOf = (b: Best): GridHit[] => Array.from({ length: b.size }, (_, i) => ({ index: b.indexes[i], term: b.terms[i] }));

/** The `limit` nearest entries to a point, ascending by (term, list position). */
export const gridNearest = (g: GridIndex, from: GeoPoint, limit: number): GridHit[] => {
  const n = Math.min(limit, g.index.length);
  const b: Best = { terms: new Float64Array(n), indexes: new Int32Array(n), size: 0, limit: n };
  if (n <= 0) return [];
  if (Math.abs(from.lng / DEG - (g.lng0 + (g.cols * GRID_CELL_DEG) / 2)) > FAR_LNG_DEG) {
    // so far away in longitude that ring bounds would wrap around the globe: look at every entry
    for (let slot = 0; slot < g.index.length; slot++) offerSlot(g, from, slot, b);
    return hitsOf(b);
  }
  const row = cellOf(from.lat / DEG, g.lat0);
  const col = cellOf(from.lng / DEG, g.lng0);
  // rings closer than the grid's edge hold no cell; rings past its far corner add nothing
  const first = Math.max(0, -row, row - (g.rows - 1), -col, col - (g.cols - 1));
  const last = Math.max(row, g.rows - 1 - row, col, g.cols - 1 - col);
  for (let ring = first; ring <= last; ring++) {
    visitRing(g, from, row, col, ring, b);
    if (b.size === n && outsideKm(g, from, row, col, ring) - SLACK_KM > termToKm(b.terms[n - 1])) break;
  }
  return hitsOf(b);
};
