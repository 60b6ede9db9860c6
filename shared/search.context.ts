/**
 * What a search knows about the person searching, and what it offers when it finds nothing:
 * the viewer's kind and home (so home items rank first and company-only items fall for a
 * resident), the list filters, and the help of a center to phone plus the life events.
 */
import { LIFE_EVENTS, type Audience, type Item, type ItemLevel, type LifeEvent } from './catalogue.schema';
import type { SearchHelp } from './api.schema';
import { nearestOf, type Directory } from './directory';
import type { LatLng } from './directory.schema';
import type { Role } from './identity.schema';
import type { SearchViewer } from './search.rank';

/** Items some village center takes in, per directory: what anyone can start in their own village. */
const villageOffers = new WeakMap<Directory, ReadonlySet<string>>();
const offeredInVillages = (dir: Directory): ReadonlySet<string> => {
  let set = villageOffers.get(dir);
  if (!set) {
    set = new Set(dir.ofKind('village').flatMap((c) => c.offers));
    villageOffers.set(dir, set);
  }
  return set;
};

/**
 * The searching person: a company member looks for company items; a resident for personal ones,
 * their home village's first; someone not signed in as a resident of some village. Clerks and
 * the administrator see the plain ranking.
 */
export const searchViewerOf = (dir: Directory, user: { role: Role; homeVillageId?: string } | null): SearchViewer => {
  if (user?.role === 'company') return { audience: 'company', homeOffers: new Set() };
  if (user && user.role !== 'resident') return { audience: null, homeOffers: new Set() };
  const home = user?.homeVillageId ? dir.byId.get(user.homeVillageId) : undefined;
  return { audience: 'person', homeOffers: home ? new Set(home.offers) : offeredInVillages(dir) };
};

/** The list filters a search result still honours. */
export type ItemFilters = { audience?: Audience; level?: ItemLevel; lifeEvent?: LifeEvent; codes?: readonly string[] };

/** Tells whether an item passes the filters (each one absent means any). */
export const passesFilters = (item: Item, f: ItemFilters): boolean =>
  (!f.audience || item.audience === f.audience) &&
  (!f.level || item.level === f.level) &&
  (!f.lifeEvent || item.lifeEvents.includes(f.lifeEvent)) &&
  (!f.codes || f.codes.includes(item.code));

/** Centers a resident phones to ask where a matter is handled: villages, townships and the city, not banks. */
const ASKABLE = ['village', 'township', 'city'] as const;

/** The center to phone when nothing was found: the nearest to the phone, else the caller's home, else the city center. */
export const searchHelp = (dir: Directory, near: LatLng | undefined, homeVillageId: string | undefined): SearchHelp => {
  const lifeEvents = [...LIFE_EVENTS];
  const view = (c: Directory['centers'][number], distanceKm?: number) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    phone: c.phone,
    hours: c.hours,
    ...(distanceKm === undefined ? {} : { distanceKm: Math.round(distanceKm * 100) / 100 }),
  });
  if (near) {
    const [nearest] = nearestOf(
      dir,
      ASKABLE.flatMap((k) => dir.ofKind(k)),
      near,
      1,
    );
    if (nearest) return { center: view(nearest.center, nearest.distanceKm), because: 'nearest', lifeEvents };
  }
  const home = homeVillageId ? dir.byId.get(homeVillageId) : undefined;
  if (home) return { center: view(home), because: 'home', lifeEvents };
  const city = dir.cityCenter();
  return { center: city ? view(city) : null, because: 'city', lifeEvents };
};
