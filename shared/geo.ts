/**
 * Great-circle distances on the sphere (haversine), with points converted once to radians and
 * their latitude cosine, so scans over hundreds of centers skip recomputing them.
 */
import type { LatLng } from './directory.schema';

/** A point in radians with its latitude cosine, so that haversine skips recomputing them. */
export type GeoPoint = { readonly lat: number; readonly lng: number; readonly cosLat: number };

/** The mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Degrees to radians. */
export const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Converts a point once, for repeated distance computations. */
export const geoPoint = (p: LatLng): GeoPoint => ({ lat: toRad(p.lat), lng: toRad(p.lng), cosLat: Math.cos(toRad(p.lat)) });

/** The haversine term: grows with distance, so scans can rank by it and convert only the winners. */
export const haversineTerm = (a: GeoPoint, b: GeoPoint): number => {
  const sLat = Math.sin((b.lat - a.lat) / 2);
  const sLng = Math.sin((b.lng - a.lng) / 2);
  return sLat * sLat + a.cosLat * b.cosLat * sLng * sLng;
};

/** The distance in km a haversine term stands for. */
export const termToKm = (h: number): number => 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));

/** Great-circle distance in km between two precomputed points. */
export const geoDistanceKm = (a: GeoPoint, b: GeoPoint): number => termToKm(haversineTerm(a, b));

/** Great-circle distance in km between two points (haversine). */
export const haversineKm = (a: LatLng, b: LatLng): number => geoDistanceKm(geoPoint(a), geoPoint(b));
