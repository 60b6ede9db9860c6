import { buildDirectory, haversineKm, nearestCenters } from './directory';
import { rankNearby, nearestRanked, RANK_HANDICAP_KM } from './nearby.rank';
import type { Center } from './directory.schema';
import { CENTERS } from '../tests/fixtures/routing.fixture';

const at = (c: Center, lat: number, lng: number): Center => ({ ...c, location: { lat, lng, approximate: true } });
const township = CENTERS.find((c) => c.id === 'ts-001')!;
const bank = CENTERS.find((c) => c.id === 'bank-01')!;

describe('ranking the nearest centers', () => {
  it('regression: the township center ranks above a bank branch at a similar distance', () => {
    const ranked = rankNearby([
      { center: bank, distanceKm: 1.0 },
      { center: township, distanceKm: 1.1 },
    ]);
    expect(ranked.map((f) => f.center.id)).toEqual(['ts-001', 'bank-01']);
  });

  it('a bank branch much nearer still comes first', () => {
    const ranked = rankNearby([
      { center: township, distanceKm: 3.0 },
      { center: bank, distanceKm: 3.0 - RANK_HANDICAP_KM.bank - 0.2 },
    ]);
    expect(ranked.map((f) => f.center.id)).toEqual(['bank-01', 'ts-001']);
  });

  it('keeps pure distance among centers of the same kind, and the true distance in the answer', () => {
    const dir = buildDirectory(CENTERS);
    const point = { lat: 35.4, lng: 117.0 };
    const ranked = nearestRanked(dir, point, 5);
    const plain = nearestCenters(dir, point, 20).filter((f) => f.center.kind !== 'bank');
    const fullService = ranked.filter((f) => f.center.kind !== 'bank').map((f) => f.center.id);
    expect(fullService).toEqual(plain.slice(0, fullService.length).map((f) => f.center.id));
    for (const f of ranked) expect(f.distanceKm).toBeCloseTo(haversineKm(point, f.center.location), 6);
  });

  it('finds a township placed just behind a nearer bank branch, whatever the scan order', () => {
    const near = [at(bank, 35.4, 117.0), at(township, 35.4, 117.004)]; // about 0.36 km apart
    const dir = buildDirectory([...CENTERS.filter((c) => c.id !== bank.id && c.id !== township.id), ...near]);
    expect(nearestRanked(dir, { lat: 35.4, lng: 117.0 }, 1).map((f) => f.center.id)).toEqual(['ts-001']);
    expect(nearestRanked(dir, { lat: 35.4, lng: 117.0 }, 1, 'bank').map((f) => f.center.id)).toEqual(['bank-01']);
  });
});
