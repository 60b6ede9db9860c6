/**
 * Where an applicant may hand a matter in, once the decider is known. Every option carries
 * the path the file travels, from the intake center up its own chain to the decider, so
 * no option ever moves sideways between townships. Ranked: home first, then nearest, online last.
 * Without a position the options depend only on the decider, `homeOf` and `intakeLists`, so
 * routing builds them once per such combination and shares them (routing.rules.ts).
 */
import { onList, type Item } from './catalogue.schema';
import { centerRef, type Center, type CenterKind, type LatLng } from './directory.schema';
import { geoDistanceKm, geoPoint, nearestAmong, type Directory, type GeoPoint } from './directory';
import type { IntakeChannel, IntakeOption, RouteDecision } from './routing.schema';
import { INTAKE_NOTES_ZH_CN, type NoteKey } from './routing.explain.zh-CN';
import type { RouteContext } from './routing.context';

/** How many bank branches or 全市通办 centers an answer lists at most. */
export const MAX_NEARBY_OPTIONS = 3;

type Scope = {
  ctx: RouteContext;
  decider: Center;
  /** the applicant's position, when known: distances are reported only then */
  position: GeoPoint | null;
  /** where "nearby" is measured from: the position, else the applicant's home center */
  reference: LatLng;
};

/** The applicant's home as intake options see it: the village, else the zone branch, else the township. */
export const homeOf = (ctx: RouteContext): Center => ctx.homeVillage ?? ctx.zone ?? ctx.homeTownship;

/**
 * The item's lists intake options without a position depend on (bank, 全市通办, online); with
 * the decider and the applicant's home (`homeOf`), they are all such options depend on.
 */
export const intakeLists = ({ item }: RouteContext): string =>
  `${onList(item, 'bank') ? 'b' : ''}${onList(item, 'citywide') ? 'c' : ''}${onList(item, 'online') ? 'o' : ''}`;

/** Builds the ranked intake options for a decided matter. */
export const buildIntake = (ctx: RouteContext, decider: Center): IntakeOption[] => {
  const { position } = ctx.applicant;
  const s: Scope = { ctx, decider, position: position ? geoPoint(position) : null, reference: position ?? homeOf(ctx).location };
  const first = homeOption(s);
  const listed = new Set([decider.id, ...(first ? [first.center.id] : [])]);
  const nearby = [...bankOptions(s, listed), ...citywideOptions(s, listed)];
  const rest = (first?.center.id === decider.id ? nearby : [option(s, 'decider', 'decider', decider), ...nearby]).filter(present);
  const ranked = s.position ? rest.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0)) : rest;
  return [first, ...ranked, onlineOption(s)].filter(present);
};

const present = (o: IntakeOption | null): o is IntakeOption => o !== null;

/** The home village (帮办代办) for a person; the home township for a company when the decider is above it. */
const homeOption = (s: Scope): IntakeOption | null => {
  const { homeVillage, homeTownship, dir } = s.ctx;
  if (homeVillage) return option(s, 'home_village', homeVillage.id === s.decider.id ? 'home_village_decides' : 'home_village', homeVillage);
  return dir.isAncestor(s.decider.id, homeTownship.id) ? option(s, 'home_township', 'home_township', homeTownship) : null;
};

/** 政银合作: the nearest partner bank branches whose chain reaches the decider. */
const bankOptions = (s: Scope, listed: Set<string>): (IntakeOption | null)[] =>
  onList(s.ctx.item, 'bank') ? nearbyOptions(s, 'bank', [s.ctx.dir.descendants(s.decider.id, 'bank')], listed) : [];

/** 全市通办: other nearby service centers whose chain reaches the decider. */
const citywideOptions = (s: Scope, listed: Set<string>): (IntakeOption | null)[] => {
  if (!onList(s.ctx.item, 'citywide')) return [];
  const { dir } = s.ctx;
  return nearbyOptions(s, 'citywide', [dir.descendants(s.decider.id, 'township'), dir.descendants(s.decider.id, 'village')], listed);
};

const nearbyOptions = (s: Scope, channel: 'bank' | 'citywide', candidates: readonly (readonly Center[])[], listed: Set<string>): (IntakeOption | null)[] => {
  const nearest = nearestAmong(s.ctx.dir, candidates, s.reference, MAX_NEARBY_OPTIONS + listed.size)
    .filter(({ center }) => !listed.has(center.id))
    .slice(0, MAX_NEARBY_OPTIONS);
  nearest.forEach(({ center }) => listed.add(center.id));
  return nearest.map(({ center }) => option(s, channel, channel, center));
};

/** 全程网办: applying online, decided where the matter is decided anyway. */
const onlineOption = (s: Scope): IntakeOption | null =>
  onList(s.ctx.item, 'online')
    ? {
        channel: 'online',
        center: centerRef(s.decider),
        path: [centerRef(s.decider)],
        note: INTAKE_NOTES_ZH_CN.online({ center: s.decider.name, decider: s.decider.name }),
      }
    : null;

/** An option at a center, with its path up to the decider; null when the decider is not in its chain. */
const option = (s: Scope, channel: IntakeChannel, note: NoteKey, center: Center): IntakeOption | null => {
  const path = pathUp(s, center);
  if (!path) return null;
  const names = { center: center.name, decider: s.decider.name };
  return { channel, center: centerRef(center), path: path.map(centerRef), ...distance(s, center), note: INTAKE_NOTES_ZH_CN[note](names) };
};

const pathUp = (s: Scope, from: Center): Center[] | null => chainUpTo(s.ctx.dir, from.id, s.decider.id);

/** The chain of a center up to and including the decider; null when the decider is not on it. */
const chainUpTo = (dir: Directory, fromId: string, deciderId: string): Center[] | null => {
  const chain = dir.chain(fromId);
  const top = chain.findIndex((c) => c.id === deciderId);
  return top < 0 ? null : chain.slice(0, top + 1);
};

/** The service centers (为民服务中心) that take 全市通办 matters in: not a bank branch, not the zone bureau. */
const CITYWIDE_KINDS: ReadonlySet<CenterKind> = new Set(['city', 'township', 'village']);

/**
 * The intake option at the center an applicant chose: one the route listed, or, for a 全市通办
 * item, any service center whose own chain climbs to the decider (the route lists only a few
 * nearby ones). Null when neither holds: the path never moves sideways between townships.
 */
export const intakeOptionAt = (item: Pick<Item, 'lists'>, decision: RouteDecision, dir: Directory, centerId: string): IntakeOption | null => {
  const listed = decision.intake.find((o) => o.center.id === centerId);
  if (listed || !onList(item, 'citywide')) return listed ?? null;
  const center = dir.byId.get(centerId);
  const path = center && CITYWIDE_KINDS.has(center.kind) ? chainUpTo(dir, center.id, decision.decider.id) : null;
  if (!center || !path) return null;
  const note = INTAKE_NOTES_ZH_CN.citywide({ center: center.name, decider: decision.decider.name });
  return { channel: 'citywide', center: centerRef(center), path: path.map(centerRef), note };
};

const distance = (s: Scope, center: Center): { distanceKm?: number } => {
  if (!s.position) return {};
  const km = geoDistanceKm(s.position, s.ctx.dir.geoOf(center.id) ?? geoPoint(center.location));
  return { distanceKm: Math.round(km * 100) / 100 };
};
