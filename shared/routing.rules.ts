/**
 * Routing: who decides a matter and where the applicant may hand it in.
 * An ordered cascade of small rules, first match wins (小事不出村、大事不出镇、所有事不出城).
 * Every rule reads data (item level and lists, center kind, offers and entrusted lists),
 * never a particular item code or center id. Missing data is a coded no-route error.
 */
import { onList, type Item } from './catalogue.schema';
import { centerRef, type Center } from './directory.schema';
import type { Directory } from './directory';
import { fail, ok, type Result } from './errors';
import type { Applicant, RouteDecision, RuleCode } from './routing.schema';
import { ROUTE_EXPLAIN_ZH_CN, type ExplainKey } from './routing.explain.zh-CN';
import { routeContext, type RouteContext } from './routing.context';
import { buildIntake, homeOf, intakeLists } from './routing.intake';
import { townshipByCode } from './townships';

/** A rule's answer: the deciding center and the explanation that fits. */
export type Decider = { rule: RuleCode; center: Center; explain: ExplainKey };

/** One rule of the cascade: a decider when it applies, else null. */
export type RoutingRule = (ctx: RouteContext) => Decider | null;

const viaVillage = (ctx: RouteContext, key: 'ENTRUSTED' | 'TOWNSHIP' | 'SAME_AUTHORITY' | 'CITY'): ExplainKey => (ctx.homeVillage ? `${key}_VIA_VILLAGE` : key);

const entrusts = (center: Center, item: Item): boolean => item.lists.some((list) => center.entrustedLists.includes(list));

/** 区内事区内办: a zone company's item on a list the zone branch is entrusted with. */
const zoneRule: RoutingRule = ({ zone, item }) => (zone && entrusts(zone, item) ? { rule: 'ZONE', center: zone, explain: 'ZONE' } : null);

/** A home township whose center carries a list the item is on (in the sample data 太平镇: taiping) decides it. */
const entrustedRule: RoutingRule = (ctx) =>
  entrusts(ctx.homeTownship, ctx.item) ? { rule: 'ENTRUSTED', center: ctx.homeTownship, explain: viaVillage(ctx, 'ENTRUSTED') } : null;

/** 小事不出村: a village item the home village offers. */
const villageRule: RoutingRule = ({ item, homeVillage, dir }) =>
  homeVillage && item.level === 'village' && dir.offers(homeVillage.id, item.code) ? { rule: 'VILLAGE', center: homeVillage, explain: 'VILLAGE' } : null;

/** 大事不出镇: township items, village items not offered at home, and 三级同权 city items. */
const townshipRule: RoutingRule = (ctx) => {
  const { item, homeTownship: center } = ctx;
  if (item.level === 'township') return { rule: 'TOWNSHIP', center, explain: viaVillage(ctx, 'TOWNSHIP') };
  if (item.level === 'village') return { rule: 'TOWNSHIP', center, explain: ctx.homeVillage ? 'VILLAGE_NOT_OFFERED' : 'TOWNSHIP' };
  if (onList(item, 'sameAuthority')) return { rule: 'TOWNSHIP', center, explain: viaVillage(ctx, 'SAME_AUTHORITY') };
  return null;
};

/** 所有事不出城: everything else is decided by the city center. */
const cityRule: RoutingRule = (ctx) => ({ rule: 'CITY', center: ctx.city, explain: viaVillage(ctx, 'CITY') });

/** The cascade, in order; the last rule always applies. */
export const ROUTING_RULES: readonly RoutingRule[] = [zoneRule, entrustedRule, villageRule, townshipRule, cityRule];

const audienceFits = (item: Item, applicant: Applicant): boolean => item.audience === 'both' || item.audience === applicant.type;

/**
 * Decides where a matter goes and where the applicant may hand it in. Pure: no clock, no I/O.
 * Without a position, a decision depends only on the applicant's home, the decider, the rule
 * with its explanation, and the item's intake lists; it is built once per such combination and
 * directory, and shared, frozen.
 */
export const route = (item: Item, applicant: Applicant, dir: Directory): Result<RouteDecision> => {
  if (!audienceFits(item, applicant)) return refusal(item, applicant);
  const ctx = routeContext(item, applicant, dir);
  if (!ctx.ok) return ctx;
  const decider = firstMatch(ctx.value);
  if (applicant.position) return ok(decide(ctx.value, decider));
  const byKey = reusableFor(dir, homeOf(ctx.value), decider.center);
  const key = `${decider.rule}|${decider.explain}|${intakeLists(ctx.value)}`;
  let answer = byKey.get(key);
  if (!answer) byKey.set(key, (answer = frozen(ok(decide(ctx.value, decider)))));
  return answer;
};

/** The same decision built afresh every time: the reference a reused one equals. */
export const routeAfresh = (item: Item, applicant: Applicant, dir: Directory): Result<RouteDecision> => {
  if (!audienceFits(item, applicant)) return refusal(item, applicant);
  const ctx = routeContext(item, applicant, dir);
  return ctx.ok ? ok(decide(ctx.value, firstMatch(ctx.value))) : ctx;
};

/** The audience refusal of an item, one frozen value per item and applicant type (a fifth of all pairs are refused). */
const refusal = (item: Item, applicant: Applicant): Result<RouteDecision> => {
  let byType = refusals.get(item);
  if (!byType) refusals.set(item, (byType = new Map()));
  let answer = byType.get(applicant.type);
  if (!answer) {
    answer = fail('NO_ROUTE_AUDIENCE', { audience: item.audience }, `${item.code} serves ${item.audience}, not a ${applicant.type}`);
    if (!answer.ok) [answer.error.fields, answer.error].forEach(Object.freeze);
    byType.set(applicant.type, Object.freeze(answer));
  }
  return answer;
};
const refusals = new WeakMap<Item, Map<Applicant['type'], Result<RouteDecision>>>();

const decide = (ctx: RouteContext, decider: Decider): RouteDecision => ({
  rule: decider.rule,
  decider: centerRef(decider.center),
  intake: buildIntake(ctx, decider.center),
  explanation: explain(ctx, decider),
});

type Reused = Map<string, Result<RouteDecision>>;
/** Decisions already built: per directory, home and decider (by identity), then by rule, explanation and lists. */
const reusable = new WeakMap<Directory, Map<Center, Map<Center, Reused>>>();

const reusableFor = (dir: Directory, home: Center, decider: Center): Reused => {
  let byHome = reusable.get(dir);
  if (!byHome) reusable.set(dir, (byHome = new Map()));
  let byDecider = byHome.get(home);
  if (!byDecider) byHome.set(home, (byDecider = new Map()));
  let byKey = byDecider.get(decider);
  if (!byKey) byDecider.set(decider, (byKey = new Map()));
  return byKey;
};

/** A shared answer must not be changed by one caller under another's feet. */
const frozen = (answer: Result<RouteDecision>): Result<RouteDecision> => {
  if (answer.ok) {
    for (const o of answer.value.intake) [...o.path, o.center, o.path, o].forEach(Object.freeze);
    [answer.value.decider, answer.value.intake, answer.value].forEach(Object.freeze);
  }
  return Object.freeze(answer);
};

const firstMatch = (ctx: RouteContext): Decider => {
  for (const rule of ROUTING_RULES) {
    const decider = rule(ctx);
    if (decider) return decider;
  }
  throw new Error('ROUTING_RULES must end with a rule that always applies');
};

const explain = (ctx: RouteContext, d: Decider): string =>
  ROUTE_EXPLAIN_ZH_CN[d.explain]({
    decider: d.center.name,
    deciderTownship: (d.center.townshipCode && townshipByCode(d.center.townshipCode)?.name) || d.center.name,
    township: ctx.homeTownship.name,
    city: ctx.city.name,
    village: ctx.homeVillage?.name,
  });
