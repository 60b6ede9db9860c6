/**
 * Where an applicant may hand a matter in, once the decider is known. Every option carries
 * the path the file travels, from the intake center up its own chain to the decider, so
 * no option ever moves sideways between townships. Ranked: home first, then nearest, online last.
 *
 * Without a position the options depend only on the decider, the applicant's home and the
 * item's bank / 全市通办 / online lists, so they are built once per such combination and
 * directory and then shared (frozen) by every decision that has the same ones.
 */
import { onList } from './catalogue.schema';
import { centerRef, type Center, type LatLng } from './directory.schema';
import { geoDistanceKm, geoPoint, nearestAmong, type Directory, type GeoPoint } from './directory';
import type { IntakeChannel, IntakeOption } from './routing.schema';
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

/** The ranked intake options for a decided matter; reused across decisions when no position is known. */
export const buildIntake = (ctx: RouteContext, decider: Center): IntakeOption[] => {
  if (ctx.applicant.position) return freshIntake(ctx, decider);
  let built = reusable.get(ctx.dir);
  if (!built) reusable.set(ctx.dir, (built = new Map()));
  const key = reuseKey(ctx, decider);
  let options = built.get(key);
  if (!options) built.set(key, (options = frozen(freshIntake(ctx, decider))));
  return options;
};

/** Options already built per directory, by what they depend on (see the module comment). */
const reusable = new WeakMap<Directory, Map<string, IntakeOption[]>>();

const reuseKey = ({ item, homeVillage, homeTownship, zone }: RouteContext, decider: Center): string =>
  `${decider.id}|${homeVillage?.id ?? ''}|${homeTownship.id}|${zone?.id ?? ''}|${onList(item, 'bank') ? 'b' : ''}${onList(item, 'citywide') ? 'c' : ''}${onList(item, 'online') ? 'o' : ''}`;

/** Shared answers must not be changed by one caller under another's feet. */
const frozen = (options: IntakeOption[]): IntakeOption[] => {
  for (const o of options) {
    o.path.forEach(Object.freeze);
    Object.freeze(o.path);
    Object.freeze(o.center);
    Object.freeze(o);
  }
  return Object.freeze(options) as IntakeOption[];
};

/** Builds the ranked intake options for a decided matter, every time (the reference the reused ones equal). */
export const freshIntake = (ctx: RouteContext, decider: Center): IntakeOption[] => {
  const { position } = ctx.applicant;
  const home = ctx.homeVillage ?? ctx.zone ?? ctx.homeTownship;
  const s: Scope = { ctx, decider, position: position ? geoPoint(position) : null, reference: position ?? home.location };
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
    ? { channel: 'online', center: centerRef(s.decider), path: [centerRef(s.decider)], note: INTAKE_NOTES_ZH_CN.online({ center: s.decider.name, decider: s.decider.name }) }
    : null;

/** An option at a center, with its path up to the decider; null when the decider is not in its chain. */
const option = (s: Scope, channel: IntakeChannel, note: NoteKey, center: Center): IntakeOption | null => {
  const path = pathUp(s, center);
  if (!path) return null;
  const names = { center: center.name, decider: s.decider.name };
  return { channel, center: centerRef(center), path: path.map(centerRef), ...distance(s, center), note: INTAKE_NOTES_ZH_CN[note](names) };
};

const pathUp = (s: Scope, from: Center): Center[] | null => {
  const chain = s.ctx.dir.chain(from.id);
  const top = chain.findIndex((c) => c.id === s.decider.id);
  return top < 0 ? null : chain.slice(0, top + 1);
};

const distance = (s: Scope, center: Center): { distanceKm?: number } => {
  if (!s.position) return {};
  const km = geoDistanceKm(s.position, s.ctx.dir.geoOf(center.id) ?? geoPoint(center.location));
  return { distanceKm: Math.round(km * 100) / 100 };
};
