import { buildDirectory } from './directory';
import type { Center } from './directory.schema';
import type { Applicant, RouteDecision } from './routing.schema';
import { RouteDecisionSchema } from './routing.schema';
import { route } from './routing.rules';
import { CENTERS, ITEMS } from '../tests/fixtures/routing.fixture';

const dir = buildDirectory(CENTERS);
const person = (homeVillageId: string, position?: { lat: number; lng: number }): Applicant => ({ type: 'person', homeVillageId, position });
const company = (location: 'zone' | string, position?: { lat: number; lng: number }): Applicant => ({
  type: 'company',
  location: location === 'zone' ? 'zone' : { townshipCode: location },
  position,
});

const decide = (item: keyof typeof ITEMS, applicant: Applicant, d = dir): RouteDecision => {
  const r = route(ITEMS[item], applicant, d);
  if (!r.ok) throw new Error(`expected a route, got ${r.error.code} ${r.error.detail ?? ''}`);
  expect(RouteDecisionSchema.parse(r.value)).toEqual(r.value);
  return r.value;
};
const failure = (item: keyof typeof ITEMS, applicant: Applicant, d = dir) => {
  const r = route(ITEMS[item], applicant, d);
  if (r.ok) throw new Error(`expected a no-route error, got rule ${r.value.rule}`);
  return r.error;
};
const channels = (d: RouteDecision) => d.intake.map((o) => `${o.channel}:${o.center.id}`);
const pathIds = (d: RouteDecision, i: number) => d.intake[i].path.map((c) => c.id);
const without = (id: string): Center[] => CENTERS.filter((c) => c.id !== id);

describe('routing rules, first match wins', () => {
  it('a zone company takes a zone item to the zone branch, and only there or online', () => {
    const d = decide('zoneItem', company('zone'));
    expect(d.rule).toBe('ZONE');
    expect(d.decider.id).toBe('zone');
    expect(channels(d)).toEqual(['decider:zone']);
    expect(d.explanation).toBe('您的企业位于经济开发区，这个事项由行政审批服务局经济开发区分局办理，区内事区内办。');
  });

  it('a company outside the zone takes a zone item to the city', () => {
    const d = decide('zoneItem', company('001'));
    expect(d.rule).toBe('CITY');
    expect(channels(d)).toEqual(['home_township:ts-001', 'decider:city']);
    expect(pathIds(d, 0)).toEqual(['ts-001', 'city']);
  });

  it("a Taiping resident takes an item on Taiping's entrusted list to 太平镇, not to the city", () => {
    const d = decide('taipingItem', person('v-107-001'));
    expect(d.rule).toBe('ENTRUSTED');
    expect(d.decider.id).toBe('ts-107');
    expect(d.explanation).toContain('太平镇承接了市级下放的权力，这件事在太平镇为民服务中心就能办，不用跑市里。');
    expect(pathIds(d, 0)).toEqual(['v-107-001', 'ts-107']);
  });

  it('a resident elsewhere takes the same entrusted item to the city', () => {
    expect(decide('taipingItem', person('v-001-001')).rule).toBe('CITY');
  });

  it('a village item offered at home is settled in the home village', () => {
    const d = decide('villageItem', person('v-001-001'));
    expect(d.rule).toBe('VILLAGE');
    expect(d.decider.id).toBe('v-001-001');
    expect(channels(d)).toEqual(['home_village:v-001-001']);
    expect(pathIds(d, 0)).toEqual(['v-001-001']);
    expect(d.explanation).toBe('这是村级事项，您所在的东关村为民服务中心就能办，小事不出村。');
  });

  it('a village item the home village does not offer goes to the home township, and says so', () => {
    const d = decide('villageItem', person('v-001-002'));
    expect(d.rule).toBe('TOWNSHIP');
    expect(d.decider.id).toBe('ts-001');
    expect(d.explanation).toContain('西关村为民服务中心暂未开展');
    expect(channels(d)).toEqual(['home_village:v-001-002', 'decider:ts-001']);
  });

  it('a township item is decided by the home township and can be handed in at the home village', () => {
    const d = decide('townshipItem', person('v-002-001'));
    expect(d.rule).toBe('TOWNSHIP');
    expect(d.decider.id).toBe('ts-002');
    expect(pathIds(d, 0)).toEqual(['v-002-001', 'ts-002']);
    expect(d.explanation).toBe('这件事由千泉街道为民服务中心审批。您可以就近在千泉村为民服务中心提交，村代办员帮您把材料送到镇上，大事不出镇。');
  });

  it('a zone company takes a township item to the township the zone sits in', () => {
    const d = decide('townshipItem', company('zone'));
    expect(d.decider.id).toBe('ts-002');
    expect(channels(d)).toEqual(['decider:ts-002']);
  });

  it('a city item under 三级同权 is decided by the home township', () => {
    const d = decide('sameAuthority', person('v-001-003'));
    expect(d.rule).toBe('TOWNSHIP');
    expect(d.decider.id).toBe('ts-001');
    expect(d.explanation).toContain('市县镇三级同权');
  });

  it('a city item goes to the city, handed up from the home village', () => {
    const d = decide('cityItem', person('v-001-001'));
    expect(d.rule).toBe('CITY');
    expect(d.decider).toEqual({ id: 'city', kind: 'city', name: '邹城市政务服务中心' });
    expect(pathIds(d, 0)).toEqual(['v-001-001', 'ts-001', 'city']);
    expect(channels(d)).toEqual(['home_village:v-001-001', 'decider:city']);
    expect(d.explanation).toBe('这件事由邹城市政务服务中心办理，可在东关村为民服务中心提交由代办员逐级移交，所有事不出城。');
  });
});

describe('routing reads data, not item codes', () => {
  it("any township entrusted with a list decides that list's items for its residents", () => {
    const entrusted = CENTERS.map((c) => (c.id === 'ts-001' ? { ...c, entrustedLists: ['taiping' as const] } : c));
    const d = decide('taipingItem', person('v-001-001'), buildDirectory(entrusted));
    expect(d.rule).toBe('ENTRUSTED');
    expect(d.decider.id).toBe('ts-001');
    expect(d.explanation).toContain('钢山街道承接了市级下放的权力，这件事在钢山街道为民服务中心就能办');
  });

  it('a zone branch no longer entrusted with the zone list lets zone items fall through to the city', () => {
    const unentrusted = CENTERS.map((c) => (c.kind === 'zone' ? { ...c, entrustedLists: [] } : c));
    expect(decide('zoneItem', company('zone'), buildDirectory(unentrusted)).rule).toBe('CITY');
  });

  it('the home village comes first even when the decider is nearer', () => {
    const d = decide('townshipItem', person('v-001-003', { lat: 35.41, lng: 116.98 }));
    expect(channels(d)).toEqual(['home_village:v-001-003', 'decider:ts-001']);
    expect(d.intake[0].distanceKm).toBeGreaterThan(d.intake[1].distanceKm ?? Infinity);
  });
});

describe('routing refusals', () => {
  it('a company-only item is refused for a person', () => {
    expect(failure('companyOnly', person('v-001-001')).code).toBe('NO_ROUTE_AUDIENCE');
  });

  it('a person-only item is refused for a company', () => {
    expect(failure('villageItem', company('001')).code).toBe('NO_ROUTE_AUDIENCE');
  });

  it("an unknown home village is named in the error's detail, and its field carries the code, never the raw input (ts-103 was shown as the message)", () => {
    const e = failure('cityItem', person('v-999-001'));
    expect(e.code).toBe('NO_ROUTE_HOME_UNKNOWN');
    expect(e.fields).toEqual({ homeVillageId: 'NO_ROUTE_HOME_UNKNOWN' });
    expect(e.detail).toContain('v-999-001');
  });

  it('a center that is not a village is not accepted as a home village', () => {
    expect(failure('cityItem', person('ts-001')).code).toBe('NO_ROUTE_HOME_UNKNOWN');
  });

  it('a village whose township center is missing names the township', () => {
    const e = failure('townshipItem', person('v-001-001'), buildDirectory(without('ts-001')));
    expect(e.code).toBe('NO_ROUTE_TOWNSHIP_MISSING');
    expect(e.detail).toContain('ts-001');
  });

  it('a company in an unknown township names the code in the detail, and on the field only the error code', () => {
    const e = failure('cityItem', company('108'));
    expect(e.code).toBe('NO_ROUTE_TOWNSHIP_MISSING');
    expect(e.fields).toEqual({ townshipCode: 'NO_ROUTE_TOWNSHIP_MISSING' });
    expect(e.detail).toContain('108');
  });

  it('a directory without the city center cannot route', () => {
    expect(failure('villageItem', person('v-001-001'), buildDirectory(without('city'))).code).toBe('NO_ROUTE_CITY_MISSING');
  });

  it('a zone company cannot route when the zone branch is missing', () => {
    expect(failure('zoneItem', company('zone'), buildDirectory(without('zone'))).code).toBe('NO_ROUTE_ZONE_MISSING');
  });

  it('a township cut off from the city is reported as missing center data', () => {
    const cut = CENTERS.map((c) => (c.id === 'ts-002' ? { ...c, parentId: null } : c));
    expect(failure('townshipItem', person('v-002-001'), buildDirectory(cut)).code).toBe('NO_ROUTE_CENTER_MISSING');
  });
});

describe('intake options', () => {
  it('with a position, options after home are ranked by distance and carry it', () => {
    const d = decide('citywideItem', person('v-001-001', { lat: 35.386, lng: 116.946 }));
    expect(d.intake[0].channel).toBe('home_village');
    const rest = d.intake.slice(1).map((o) => o.distanceKm ?? -1);
    expect(rest.every((km) => km >= 0)).toBe(true);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(d.intake[1].center.id).toBe('v-002-001');
  });

  it('without a position no option claims a distance', () => {
    const d = decide('citywideItem', person('v-001-001'));
    expect(d.intake.some((o) => o.distanceKm !== undefined)).toBe(false);
  });

  it('a bank item decided by the city lists the three nearest banks, each path up its own chain', () => {
    const d = decide('bankItem', person('v-107-001', { lat: 35.52, lng: 116.85 }));
    const banks = d.intake.filter((o) => o.channel === 'bank');
    expect(banks.map((o) => o.center.id)).toEqual(['bank-02', 'bank-01', 'bank-03']);
    expect(banks[0].path.map((c) => c.id)).toEqual(['bank-02', 'ts-107', 'city']);
    expect(banks[0].note).toContain('政银合作');
  });

  it("a bank item decided by a township lists only that township's banks", () => {
    const d = decide('bankTownshipItem', person('v-001-002'));
    const banks = d.intake.filter((o) => o.channel === 'bank');
    expect(banks.map((o) => o.center.id).sort()).toEqual(['bank-01', 'bank-04']);
    expect(banks.every((o) => o.path.map((c) => c.id).join('>') === `${o.center.id}>ts-001`)).toBe(true);
  });

  it('a citywide item lists up to three other centers, none twice', () => {
    const d = decide('citywideItem', person('v-001-001'));
    const ids = d.intake.map((o) => o.center.id);
    expect(d.intake.filter((o) => o.channel === 'citywide')).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an online item ends with the online option at the decider', () => {
    const d = decide('onlineItem', person('v-001-001'));
    const last = d.intake[d.intake.length - 1];
    expect(last).toEqual({ channel: 'online', center: d.decider, path: [d.decider], note: '网上申请，全程网办' });
  });
});
