import { buildDirectory, haversineKm, nearestCenters } from './directory';
import { CENTERS } from '../tests/fixtures/routing.fixture';

const dir = buildDirectory(CENTERS);
const ids = (cs: readonly { id: string }[]) => cs.map((c) => c.id);

describe('directory', () => {
  it('a village chain climbs through its own township to the city', () => {
    expect(ids(dir.chain('v-001-002'))).toEqual(['v-001-002', 'ts-001', 'city']);
    expect(ids(dir.chain('bank-02'))).toEqual(['bank-02', 'ts-107', 'city']);
    expect(dir.chain('nowhere')).toEqual([]);
  });

  it('finds the city, a township by code, the zone and the banks of a township', () => {
    expect(dir.cityCenter()?.id).toBe('city');
    expect(dir.townshipCenter('107')?.id).toBe('ts-107');
    expect(dir.townshipCenter('999')).toBeUndefined();
    expect(dir.zoneCenter()?.id).toBe('zone');
    expect(ids(dir.banksIn('001'))).toEqual(['bank-01', 'bank-04']);
  });

  it('lists the children and the descendants of a center', () => {
    expect(ids(dir.children.get('ts-001') ?? [])).toEqual(['v-001-001', 'v-001-002', 'v-001-003', 'bank-01', 'bank-04']);
    expect(ids(dir.descendants('city', 'village'))).toHaveLength(5);
    expect(ids(dir.descendants('ts-107', 'bank'))).toEqual(['bank-02']);
  });

  it('an ancestor sits strictly above, never beside or below', () => {
    expect(dir.isAncestor('city', 'v-001-001')).toBe(true);
    expect(dir.isAncestor('ts-001', 'v-001-001')).toBe(true);
    expect(dir.isAncestor('ts-002', 'v-001-001')).toBe(false);
    expect(dir.isAncestor('v-001-001', 'ts-001')).toBe(false);
    expect(dir.isAncestor('city', 'city')).toBe(false);
  });

  it('a parent cycle in bad data ends the chain instead of looping', () => {
    const bad = buildDirectory([
      { ...CENTERS[1], id: 'ts-a', parentId: 'ts-b' },
      { ...CENTERS[1], id: 'ts-b', parentId: 'ts-a' },
    ]);
    expect(ids(bad.chain('ts-a'))).toEqual(['ts-a', 'ts-b']);
  });

  it('haversine gives about 111 km per degree of latitude', () => {
    expect(haversineKm({ lat: 35, lng: 117 }, { lat: 36, lng: 117 })).toBeCloseTo(111.2, 0);
    expect(haversineKm({ lat: 35.4, lng: 116.97 }, { lat: 35.4, lng: 116.97 })).toBe(0);
  });

  it('nearest centers come nearest first, limited, and filtered by kind', () => {
    const near = nearestCenters(dir, { lat: 35.52, lng: 116.85 }, 2);
    expect(ids(near.map((n) => n.center))).toEqual(['ts-107', 'bank-02']);
    expect(near[0].distanceKm).toBeLessThan(near[1].distanceKm);
    const villages = nearestCenters(dir, { lat: 35.4, lng: 116.97 }, 10, 'village');
    expect(villages).toHaveLength(5);
    expect(villages.every((n) => n.center.kind === 'village')).toBe(true);
    expect(nearestCenters(dir, { lat: 35.4, lng: 116.97 }, 0)).toEqual([]);
  });
});
