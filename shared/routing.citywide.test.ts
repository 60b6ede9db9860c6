import { buildDirectory } from './directory';
import { route } from './routing.rules';
import { intakeOptionAt } from './routing.intake';
import { makeItem } from '../tests/fixtures/routing.fixture';
import { CENTERS, ITEMS } from '../tests/fixtures/routing.fixture';
import type { RouteDecision } from './routing.schema';

const dir = buildDirectory(CENTERS);
const resident = { type: 'person' as const, homeVillageId: 'v-001-001' };
const decide = (item: keyof typeof ITEMS | ReturnType<typeof makeItem>): RouteDecision => {
  const r = route(typeof item === 'string' ? ITEMS[item] : item, resident, dir);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const ids = (path: readonly { id: string }[]) => path.map((c) => c.id);

describe('a 全市通办 item handed in at a center the guide did not list', () => {
  const decision = decide('citywideItem');
  const listed = new Set(decision.intake.map((o) => o.center.id));
  const unlisted = CENTERS.filter((c) => ['city', 'township', 'village'].includes(c.kind) && !listed.has(c.id));

  it('is taken in at any service center, not only the few nearby ones the guide lists (it was INTAKE_NOT_ALLOWED)', () => {
    expect(unlisted.length).toBeGreaterThan(0);
    for (const c of unlisted) {
      expect(intakeOptionAt(ITEMS.citywideItem, decision, dir, c.id)).toMatchObject({ channel: 'citywide', center: { id: c.id } });
    }
  });

  it('still travels only up its own chain to the decider', () => {
    for (const c of unlisted) {
      const option = intakeOptionAt(ITEMS.citywideItem, decision, dir, c.id)!;
      expect(ids(option.path)).toEqual(ids(dir.chain(c.id)).slice(0, ids(dir.chain(c.id)).indexOf('city') + 1));
      expect(option.path[option.path.length - 1].id).toBe(decision.decider.id);
    }
  });

  it('is not taken in at a bank branch or the zone bureau, which are no 为民服务中心', () => {
    for (const id of ['bank-04', 'zone']) expect(intakeOptionAt(ITEMS.citywideItem, decision, dir, id)).toBeNull();
  });

  it("is not taken in sideways: a township-decided item at another township's village has no path", () => {
    const townshipCitywide = makeItem({ code: 'W-0002', level: 'township', lists: ['citywide'] });
    const d = decide(townshipCitywide);
    expect(d.decider.id).toBe('ts-001');
    expect(intakeOptionAt(townshipCitywide, d, dir, 'v-002-001')).toBeNull();
    expect(intakeOptionAt(townshipCitywide, d, dir, 'v-001-003')).toMatchObject({ channel: 'citywide' });
  });
});

describe('an item not on the citywide list', () => {
  it('is taken in only where its route lists an option', () => {
    const decision = decide('cityItem');
    expect(intakeOptionAt(ITEMS.cityItem, decision, dir, decision.intake[0].center.id)).toBe(decision.intake[0]);
    expect(intakeOptionAt(ITEMS.cityItem, decision, dir, 'v-107-001')).toBeNull();
  });
});
