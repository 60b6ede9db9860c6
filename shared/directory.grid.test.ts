/**
 * The grid index behind nearestOf answers exactly what a scan of every candidate answers:
 * the same centers in the same order with the same distances, for random points inside
 * Zoucheng, around it, anywhere in China and anywhere on the globe, ties included.
 */
import fc from 'fast-check';
import { loadSampleCenters } from '../data/sample';
import { buildDirectory, nearestByScan, nearestOf, type Directory } from './directory';
import { buildGrid, gridNearest } from './directory.grid';
import type { Center, LatLng } from './directory.schema';

let dir: Directory;
let lists: { name: string; centers: readonly Center[] }[];

beforeAll(() => {
  const sample = loadSampleCenters();
  // twins at the very same spot as an existing center, so equal distances have to be ranked too
  const twins = sample
    .filter((c) => c.kind === 'village')
    .slice(0, 60)
    .map((c) => ({ ...c, id: `${c.id}-twin` }));
  dir = buildDirectory([...sample, ...twins]);
  lists = [
    { name: 'every center', centers: dir.centers },
    { name: 'the villages', centers: dir.ofKind('village') },
    { name: 'the villages under the city', centers: dir.descendants('city', 'village') },
  ];
});

const within = (latMin: number, latMax: number, lngMin: number, lngMax: number) =>
  fc.record({ lat: fc.double({ min: latMin, max: latMax, noNaN: true }), lng: fc.double({ min: lngMin, max: lngMax, noNaN: true }) });

const AREAS: [string, fc.Arbitrary<LatLng>][] = [
  ['inside Zoucheng', within(35.2, 35.6, 116.75, 117.3)],
  ['around Zoucheng', within(34.5, 36.5, 116, 118)],
  ['anywhere in China', within(18, 53.5, 73.5, 135)],
  ['anywhere on the globe', within(-89.9, 89.9, -179.9, 179.9)],
];

const ids = (found: { center: Center; distanceKm: number }[]) => found.map((f) => `${f.center.id}@${f.distanceKm}`);

describe('nearest centers from the grid index', () => {
  it('index the lists they answer from: every list here is large enough to get a grid', () => {
    expect(lists.map((l) => l.centers.length).every((n) => n >= 48)).toBe(true);
  });

  it.each(AREAS)('equal a scan of every candidate for random points %s', (_area, points) => {
    fc.assert(
      fc.property(points, fc.integer({ min: 1, max: 12 }), fc.nat({ max: 2 }), (point, limit, l) => {
        const { centers } = lists[l];
        expect(ids(nearestOf(dir, centers, point, limit))).toEqual(ids(nearestByScan(dir, centers, point, limit)));
      }),
      { numRuns: 400 },
    );
  });

  it('rank centers at the same spot by their place in the list, as a scan does', () => {
    const twin = dir.byId.get('v-101-001-twin') ?? dir.centers.find((c) => c.id.endsWith('-twin'))!;
    const found = nearestOf(dir, dir.centers, twin.location, 2);
    expect(found.map((f) => f.distanceKm)).toEqual([0, 0]);
    expect(ids(found)).toEqual(ids(nearestByScan(dir, dir.centers, twin.location, 2)));
  });

  it('answer every candidate when the limit exceeds the list', () => {
    const few = dir
      .ofKind('village')
      .slice(0, 5)
      .map((c) => dir.geoOf(c.id)!);
    expect(
      gridNearest(buildGrid(few), few[0], 10)
        .map((h) => h.index)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
  });
});
