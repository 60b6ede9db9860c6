/**
 * Decisions without a position are built once per rule, decider, home and item lists, and
 * shared by every pair with the same ones: they must equal decisions built afresh (intake
 * options included), and no caller may change them under another.
 */
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import type { Item } from './catalogue.schema';
import { buildDirectory, type Directory } from './directory';
import type { Center } from './directory.schema';
import { routeContext } from './routing.context';
import { buildIntake } from './routing.intake';
import { route, routeAfresh } from './routing.rules';
import type { Applicant } from './routing.schema';
import { TOWNSHIPS } from './townships';

let items: Item[];
let dir: Directory;
let applicants: Applicant[];

beforeAll(() => {
  items = loadSampleItems();
  dir = buildDirectory(loadSampleCenters());
  const villages = dir.ofKind('village').filter((_, i) => i % 9 === 0);
  applicants = [
    ...villages.map((v): Applicant => ({ type: 'person', homeVillageId: v.id })),
    { type: 'company', location: 'zone' },
    ...TOWNSHIPS.map((t): Applicant => ({ type: 'company', location: { townshipCode: t.code } })),
  ];
});

describe('reused decisions', () => {
  it('equal the decisions built afresh for every item and a spread of residents and companies', () => {
    const differing = items.flatMap((item) =>
      applicants.flatMap((applicant) =>
        JSON.stringify(route(item, applicant, dir)) === JSON.stringify(routeAfresh(item, applicant, dir))
          ? []
          : [`${item.code} for ${JSON.stringify(applicant)}`],
      ),
    );
    expect(differing).toEqual([]);
  });

  it('carry the intake options built afresh for their decider and home', () => {
    const differing: string[] = [];
    for (const item of items) {
      for (const applicant of applicants) {
        const decision = route(item, applicant, dir);
        if (!decision.ok) continue;
        const ctx = routeContext(item, applicant, dir);
        if (!ctx.ok) throw new Error(ctx.error.code);
        const fresh = buildIntake(ctx.value, dir.byId.get(decision.value.decider.id) as Center);
        if (JSON.stringify(fresh) !== JSON.stringify(decision.value.intake)) differing.push(`${item.code} for ${JSON.stringify(applicant)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('are shared between decisions with the same decider, home and lists, and cannot be changed by a caller', () => {
    const item = items.find((i) => i.level === 'township' && i.audience !== 'company')!;
    const applicant: Applicant = { type: 'person', homeVillageId: dir.ofKind('village')[0].id };
    const first = route(item, applicant, dir);
    const second = route(item, applicant, dir);
    if (!first.ok || !second.ok) throw new Error('expected a route');
    expect(second).toBe(first);
    expect(() => first.value.intake.pop()).toThrow(TypeError);
    expect(() => {
      first.value.explanation = '';
    }).toThrow(TypeError);
    expect(() => {
      first.value.intake[0].path[0].name = '改过的名字';
    }).toThrow(TypeError);
    expect(second.value.intake).toHaveLength(first.value.intake.length);
  });

  it('are built afresh when the applicant gives a position, because distances differ', () => {
    const item = items.find((i) => i.level === 'township' && i.audience !== 'company')!;
    const home = dir.ofKind('village')[0];
    const at = (lat: number): Applicant => ({ type: 'person', homeVillageId: home.id, position: { lat, lng: home.location.lng } });
    const near = route(item, at(home.location.lat), dir);
    const far = route(item, at(home.location.lat + 0.2), dir);
    if (!near.ok || !far.ok) throw new Error('expected a route');
    expect(near.value.intake).not.toBe(far.value.intake);
    expect(near.value.intake[0].distanceKm).not.toEqual(far.value.intake[0].distanceKm);
  });
});
