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

/** The broken invariants of one answer, as readable lines; empty when the answer is sound. */
const violations = (item: Item, applicant: Applicant, r: Result<RouteDecision>): string[] => {
  const where = `${item.code} for ${JSON.stringify(applicant)}`;
  if (!r.ok) {
    // the sample data is complete, so the only refusal left is an item not meant for this applicant
    const sound = isErrorCode(r.error.code) && r.error.code === 'NO_ROUTE_AUDIENCE' && !audienceFits(item, applicant);
    return sound ? [] : [`${where}: unexpected refusal ${r.error.code} ${r.error.detail ?? ''}`];
  }
  const problems = [
    ...(audienceFits(item, applicant) ? [] : ['routed an item not meant for this applicant']),
    ...decisionViolations(r.value),
    ...(applicant.type === 'person' ? personViolations(item, applicant.homeVillageId, r.value) : []),
  ];
  return problems.map((p) => `${where}: ${p}`);
};

const decisionViolations = (d: RouteDecision): string[] => {
  const deciderChain = dir.chain(d.decider.id);
  const inCity = deciderChain[deciderChain.length - 1]?.id === city.id;
  const offline = d.intake.filter((o) => o.channel !== 'online').map((o) => o.center.id);
  return [
    ...(inCity ? [] : [`decider ${d.decider.id} is not inside the city`]),
    ...(new Set(offline).size === offline.length ? [] : ['an intake center is listed twice']),
    ...d.intake.flatMap((o) =>
      pathViolations(
        o.path.map((c) => c.id),
        d.decider.id,
        o.center.id,
      ),
    ),
  ];
};

const pathViolations = (path: string[], deciderId: string, intakeId: string): string[] => {
  const label = path.join('>');
  const upOwnChain =
    dir
      .chain(path[0])
      .slice(0, path.length)
      .map((c) => c.id)
      .join('>') === label;
  const stepsUp = path.every((id, i) => i === 0 || dir.isAncestor(id, path[i - 1]));
  const townships = new Set(
    path
      .map((id) => dir.byId.get(id))
      .filter((c) => c?.kind !== 'city' && c?.kind !== 'zone')
      .map((c) => c?.townshipCode),
  );
  return [
    ...(path[0] === intakeId && path[path.length - 1] === deciderId ? [] : [`path ${label} does not run from ${intakeId} to ${deciderId}`]),
    ...(upOwnChain && stepsUp ? [] : [`path ${label} leaves its own chain`]),
    ...(townships.size <= 1 ? [] : [`path ${label} moves between townships`]),
  ];
};

const personViolations = (item: Item, homeVillageId: string, d: RouteDecision): string[] => {
  const toZone = d.decider.kind === 'zone' || d.intake.some((o) => o.path.some((c) => c.kind === 'zone'));
  const offeredAtHome = item.level === 'village' && dir.offers(homeVillageId, item.code);
  const stayedHome = d.decider.id === homeVillageId && d.intake[0].path.map((c) => c.id).join('>') === homeVillageId;
  return [
    ...(toZone ? ["a person's matter reached the zone branch"] : []),
    ...(offeredAtHome && !stayedHome ? ['a village item offered at home left the village'] : []),
  ];
};

describe('routing invariants over the whole sample data', () => {
  it('the sample data is the full network: one city, 16 townships, 858 villages', () => {
    expect(dir.ofKind('city')).toHaveLength(1);
    expect(dir.ofKind('township')).toHaveLength(16);
    expect(villages).toHaveLength(858);
  });

  it('random items for random residents and companies keep every invariant and parse with the schema', () => {
    const applicant: fc.Arbitrary<Applicant> = fc.oneof(
      fc.record({
        type: fc.constant('person' as const),
        homeVillageId: fc.constantFrom(...villages.map((v) => v.id)),
        position: fc.option(point, { nil: undefined }),
      }),
      fc.record({ type: fc.constant('company' as const), location: fc.constantFrom(...companyLocations), position: fc.option(point, { nil: undefined }) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...items), applicant, (item, a) => {
        const r = route(item, a, dir);
        expect(violations(item, a, r)).toEqual([]);
        if (r.ok) expect(RouteDecisionSchema.parse(r.value)).toEqual(r.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('every item routes for residents of a spread of villages and for companies everywhere', () => {
    const spread = villages.filter((_, i) => i % 5 === 0);
    const applicants: Applicant[] = [
      ...spread.map((v): Applicant => ({ type: 'person', homeVillageId: v.id })),
      ...companyLocations.map((location): Applicant => ({ type: 'company', location })),
    ];
    const found = items.flatMap((item) => applicants.flatMap((a) => violations(item, a, route(item, a, dir))));
    expect(found).toEqual([]);
    expect(items.length * applicants.length).toBeGreaterThan(100_000);
  });

  it('a village item offered at home never leaves the village, for every village', () => {
    const villageItems = items.filter((i) => i.level === 'village' && i.audience !== 'company');
    const cases = villages.flatMap((v) => villageItems.filter((i) => dir.offers(v.id, i.code)).map((item) => ({ v, item })));
    const left = cases.filter(({ v, item }) => {
      const r = route(item, { type: 'person', homeVillageId: v.id }, dir);
      return !(r.ok && r.value.rule === 'VILLAGE' && r.value.decider.id === v.id && r.value.intake.every((o) => o.path.length === 1));
    });
    expect(left.map(({ v, item }) => `${item.code}@${v.id}`)).toEqual([]);
    expect(cases.length).toBeGreaterThan(villages.length * 10);
  });
});
