/**
 * The routing invariants of DESIGN.md, held over the whole sample directory and catalogue:
 * random item × village × applicant cases with fast-check, then every item for a spread of villages.
 */
import fc from 'fast-check';
import { loadSampleCenters, loadSampleItems } from '../data/sample';
import type { Item } from './catalogue.schema';
import { buildDirectory, type Directory } from './directory';
import type { Center } from './directory.schema';
import { isErrorCode, type Result } from './errors';
import { RouteDecisionSchema, type Applicant, type RouteDecision } from './routing.schema';
import { route } from './routing.rules';
import { TOWNSHIPS } from './townships';

let items: Item[];
let dir: Directory;
let villages: readonly Center[];
let city: Center;

beforeAll(async () => {
  const [centers, loaded] = await Promise.all([loadSampleCenters(), loadSampleItems()]);
  items = loaded;
  dir = buildDirectory(centers);
  villages = dir.ofKind('village');
  city = dir.cityCenter() as Center;
});

const companyLocations: Extract<Applicant, { type: 'company' }>['location'][] = ['zone', ...TOWNSHIPS.map((t) => ({ townshipCode: t.code }))];
const point = fc.record({ lat: fc.double({ min: 35.2, max: 35.6, noNaN: true }), lng: fc.double({ min: 116.75, max: 117.3, noNaN: true }) });

const audienceFits = (item: Item, a: Applicant) => item.audience === 'both' || item.audience === a.type;

/** Every answer is a decision that keeps the invariants, or a coded refusal that names why. */
const checkAnswer = (item: Item, applicant: Applicant, r: Result<RouteDecision>): void => {
  if (!r.ok) {
    expect(isErrorCode(r.error.code)).toBe(true);
    // the sample data is complete, so the only refusal left is an item not meant for this applicant
    expect(r.error.code).toBe('NO_ROUTE_AUDIENCE');
    expect(audienceFits(item, applicant)).toBe(false);
    return;
  }
  expect(audienceFits(item, applicant)).toBe(true);
  checkDecision(item, applicant, r.value);
};

const checkDecision = (item: Item, applicant: Applicant, d: RouteDecision): void => {
  const deciderChain = dir.chain(d.decider.id);
  expect(deciderChain[deciderChain.length - 1]?.id).toBe(city.id);
  for (const option of d.intake) checkPathGoesUp(option.path.map((c) => c.id), d.decider.id, option.center.id);
  expect(new Set(d.intake.filter((o) => o.channel !== 'online').map((o) => o.center.id)).size).toBe(d.intake.filter((o) => o.channel !== 'online').length);
  if (applicant.type === 'person') checkPerson(item, applicant.homeVillageId, d);
};

const checkPathGoesUp = (path: string[], deciderId: string, intakeId: string): void => {
  expect(path[0]).toBe(intakeId);
  expect(path[path.length - 1]).toBe(deciderId);
  expect(dir.chain(path[0]).slice(0, path.length).map((c) => c.id)).toEqual(path);
  for (let i = 1; i < path.length; i++) expect(dir.isAncestor(path[i], path[i - 1])).toBe(true);
  const townships = new Set(path.map((id) => dir.byId.get(id)).filter((c) => c?.kind !== 'city' && c?.kind !== 'zone').map((c) => c?.townshipCode));
  expect(townships.size).toBeLessThanOrEqual(1);
};

const checkPerson = (item: Item, homeVillageId: string, d: RouteDecision): void => {
  expect(d.decider.kind).not.toBe('zone');
  expect(d.intake.every((o) => o.path.every((c) => c.kind !== 'zone'))).toBe(true);
  if (item.level === 'village' && dir.offers(homeVillageId, item.code)) {
    expect(d.decider.id).toBe(homeVillageId);
    expect(d.intake[0].path.map((c) => c.id)).toEqual([homeVillageId]);
  }
};

describe('routing invariants over the whole sample data', () => {
  it('the sample data is the full network: one city, 16 townships, 858 villages', () => {
    expect(dir.ofKind('city')).toHaveLength(1);
    expect(dir.ofKind('township')).toHaveLength(16);
    expect(villages).toHaveLength(858);
  });

  it('random items for random residents and companies keep every invariant and parse with the schema', () => {
    const applicant: fc.Arbitrary<Applicant> = fc.oneof(
      fc.record({ type: fc.constant('person' as const), homeVillageId: fc.constantFrom(...villages.map((v) => v.id)), position: fc.option(point, { nil: undefined }) }),
      fc.record({ type: fc.constant('company' as const), location: fc.constantFrom(...companyLocations), position: fc.option(point, { nil: undefined }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...items), applicant, (item, a) => {
        const r = route(item, a, dir);
        checkAnswer(item, a, r);
        if (r.ok) expect(RouteDecisionSchema.parse(r.value)).toEqual(r.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('every item routes for residents of a spread of villages and for companies everywhere', () => {
    const spread = villages.filter((_, i) => i % 20 === 0);
    const applicants: Applicant[] = [
      ...spread.map((v): Applicant => ({ type: 'person', homeVillageId: v.id })),
      ...companyLocations.map((location): Applicant => ({ type: 'company', location })),
    ];
    for (const item of items) for (const a of applicants) checkAnswer(item, a, route(item, a, dir));
  });

  it('a village item offered at home never leaves the village, for every village', () => {
    const villageItems = items.filter((i) => i.level === 'village' && i.audience !== 'company');
    let settledAtHome = 0;
    for (const v of villages) {
      for (const item of villageItems.filter((i) => dir.offers(v.id, i.code))) {
        const r = route(item, { type: 'person', homeVillageId: v.id }, dir);
        expect(r.ok && r.value.rule === 'VILLAGE' && r.value.decider.id === v.id).toBe(true);
        settledAtHome++;
      }
    }
    expect(settledAtHome).toBeGreaterThan(villages.length * 10);
  });
});
