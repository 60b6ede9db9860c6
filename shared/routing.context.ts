/**
 * What routing sees of a matter: the item, the applicant, and the applicant's home resolved
 * in the directory (home village, home township, the zone branch for a zone company).
 * The rules and the intake options both read it; missing data is a coded no-route error.
 */
import type { Item } from './catalogue.schema';
import type { Center } from './directory.schema';
import type { Directory } from './directory';
import { fail, ok, type Result } from './errors';
import type { CompanyLocation } from './identity.schema';
import type { Applicant } from './routing.schema';

/** What the rules see: the matter, and the applicant's home resolved in the directory. */
export type RouteContext = {
  item: Item;
  applicant: Applicant;
  dir: Directory;
  city: Center;
  /** persons only: companies have no home village */
  homeVillage: Center | null;
  homeTownship: Center;
  /** the zone branch, for a company located in the development zone */
  zone: Center | null;
};

type Home = Pick<RouteContext, 'homeVillage' | 'homeTownship' | 'zone'>;

/** Resolves the applicant's home in the directory, or names the data that is missing. */
export const routeContext = (item: Item, applicant: Applicant, dir: Directory): Result<RouteContext> => {
  const city = dir.cityCenter();
  if (!city) return fail('NO_ROUTE_CITY_MISSING', undefined, 'the directory has no center of kind city');
  const home = applicant.type === 'person' ? personHome(applicant.homeVillageId, dir) : companyHome(applicant.location, dir);
  if (!home.ok) return home;
  const linked = [home.value.homeTownship, home.value.zone].every((c) => !c || dir.isAncestor(city.id, c.id));
  if (!linked) return fail('NO_ROUTE_CENTER_MISSING', undefined, `the chain of ${home.value.homeTownship.id} does not reach ${city.id}`);
  return ok({ item, applicant, dir, city, ...home.value });
};

const personHome = (villageId: string, dir: Directory): Result<Home> => {
  const village = dir.byId.get(villageId);
  if (!village || village.kind !== 'village')
    return fail('NO_ROUTE_HOME_UNKNOWN', { homeVillageId: 'NO_ROUTE_HOME_UNKNOWN' }, `no village center ${villageId}`);
  const township = village.parentId ? dir.byId.get(village.parentId) : undefined;
  if (!township || township.kind !== 'township') {
    return fail(
      'NO_ROUTE_TOWNSHIP_MISSING',
      { homeVillageId: 'NO_ROUTE_TOWNSHIP_MISSING' },
      `village ${village.id} has no township center ${village.parentId}`,
    );
  }
  return ok({ homeVillage: village, homeTownship: township, zone: null });
};

const companyHome = (location: CompanyLocation, dir: Directory): Result<Home> => {
  if (location !== 'zone') return townshipHome(location.townshipCode, dir, null);
  const zone = dir.zoneCenter();
  if (!zone) return fail('NO_ROUTE_ZONE_MISSING', undefined, 'the directory has no center of kind zone');
  return townshipHome(zone.townshipCode, dir, zone);
};

const townshipHome = (code: string | null, dir: Directory, zone: Center | null): Result<Home> => {
  const township = code ? dir.townshipCenter(code) : undefined;
  if (!township) return fail('NO_ROUTE_TOWNSHIP_MISSING', { townshipCode: 'NO_ROUTE_TOWNSHIP_MISSING' }, `no township center with code ${code}`);
  return ok({ homeVillage: null, homeTownship: township, zone });
};
