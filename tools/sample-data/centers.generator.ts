/**
 * Builds the sample directory: the city center, the 16 real townships, 858 generated village
 * centers, the development-zone branch and the partner bank branches. What each center offers
 * is derived from the catalogue, so routing exercises real data.
 */
import type { Item, ItemList } from '../../shared/catalogue.schema';
import type { Center, CenterKind, LatLng } from '../../shared/directory.schema';
import { TOWNSHIPS } from '../../shared/townships';
import { SAMPLE_COUNTS } from '../../data/sample/sample-counts';
import { BANK_BRANCHES } from './banks';
import { drawCommunityName, drawVillageName } from './names';
import { createRng, type Rng } from './prng';
import { CITY_ANCHOR, jitter, TOWNSHIP_PLAN, ZONE_ANCHOR } from './township-plan';

const OFFICE_HOURS = '周一至周五 9:00-12:00 13:00-17:00';
const CITY_HOURS = '周一至周五 9:00-12:00 13:00-17:00；周六 9:00-12:00（延时服务）';
const BANK_HOURS = '周一至周日 9:00-17:00';
const VILLAGE_HOURS = [OFFICE_HOURS, OFFICE_HOURS, '周一至周五 8:30-11:30', '周一、周三、周五 上午 8:30-11:30', '周一至周六 上午 8:30-11:30'];
/** How far village centers scatter around their township's seat. */
const VILLAGE_RADIUS_KM = 5.5;
/** Share of villages that lack a few village items, so "not offered at home" routes to the township. */
const GAP_SHARE = 0.05;
const GAP_ITEMS = 3;

/** The catalogue sliced the way centers offer it. */
interface Offerings {
  all: string[];
  village: string[];
  township: string[];
  onList: (list: ItemList) => string[];
}

const offeringsOf = (items: Item[]): Offerings => ({
  all: items.map((it) => it.code),
  village: items.filter((it) => it.level === 'village').map((it) => it.code),
  township: items.filter((it) => it.level === 'township').map((it) => it.code),
  onList: (list) => items.filter((it) => it.lists.includes(list)).map((it) => it.code),
});

/** Puts offered codes in catalogue order, without repeats. */
const inCatalogueOrder = (codes: string[], all: string[]): string[] => {
  const set = new Set(codes);
  return all.filter((c) => set.has(c));
};

const phone = (rng: Rng): string => `0537-52${rng.int(10000, 99999)}`;

interface CenterDraft {
  id: string;
  kind: CenterKind;
  name: string;
  townshipCode: string | null;
  parentId: string | null;
  location: LatLng;
  address: string;
  hours: string;
  offers: string[];
  entrustedLists?: ItemList[];
}

/** Fills the fields every center shares, in schema order. */
const center = (d: CenterDraft, rng: Rng): Center => ({
  id: d.id,
  kind: d.kind,
  name: d.name,
  townshipCode: d.townshipCode,
  parentId: d.parentId,
  location: { ...d.location, approximate: true },
  address: d.address,
  phone: phone(rng),
  hours: d.hours,
  offers: d.offers,
  entrustedLists: d.entrustedLists ?? [],
  sample: true,
});

const cityCenter = (o: Offerings): Center =>
  center(
    {
      id: 'city',
      kind: 'city',
      name: '邹城市政务服务中心',
      townshipCode: null,
      parentId: null,
      location: CITY_ANCHOR,
      address: '邹城市钢山街道太平东路 邹城市政务服务中心',
      hours: CITY_HOURS,
      offers: o.all,
    },
    createRng('center:city'),
  );

const zoneCenter = (o: Offerings): Center =>
  center(
    {
      id: 'zone',
      kind: 'zone',
      name: '邹城市行政审批服务局经济开发区分局',
      townshipCode: '002',
      parentId: 'city',
      location: ZONE_ANCHOR,
      address: '邹城市千泉街道 邹城经济开发区管委会政务服务大厅',
      hours: OFFICE_HOURS,
      offers: o.onList('zone'),
      entrustedLists: ['zone'],
    },
    createRng('center:zone'),
  );

/** 太平镇 decides the city powers entrusted to it; the list is data on its center. */
const ENTRUSTED_BY_TOWNSHIP: Readonly<Record<string, ItemList[]>> = { '107': ['taiping'] };

const townshipCenter = (code: string, name: string, o: Offerings): Center => {
  const plan = TOWNSHIP_PLAN[code];
  const rng = createRng(`center:ts-${code}`);
  const entrustedLists = ENTRUSTED_BY_TOWNSHIP[code] ?? [];
  const own = [...o.village, ...o.township, ...o.onList('sameAuthority'), ...entrustedLists.flatMap(o.onList)];
  return center(
    {
      id: `ts-${code}`,
      kind: 'township',
      name: `${name}为民服务中心`,
      townshipCode: code,
      parentId: 'city',
      location: plan.anchor,
      address: `邹城市${name}${plan.road}${rng.int(1, 199)}号`,
      hours: OFFICE_HOURS,
      offers: inCatalogueOrder(own, o.all),
      entrustedLists,
    },
    rng,
  );
};

/** Draws a name not yet used in the township; streets get mostly 社区. */
const uniqueGrassrootsName = (rng: Rng, street: boolean, used: Set<string>): string => {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const community = rng.chance(street ? 0.75 : 0.08);
    const name = community ? `${drawCommunityName(rng)}社区` : `${drawVillageName(rng)}村`;
    if (used.has(name)) continue;
    used.add(name);
    return name;
  }
  throw new Error('ran out of village names');
};

const villageCenters = (code: string, township: string, offers: (id: string) => string[]): Center[] => {
  const plan = TOWNSHIP_PLAN[code];
  const rng = createRng(`villages:${code}`);
  const used = new Set<string>();
  return Array.from({ length: plan.villages }, (_, i) => {
    const id = `v-${code}-${String(i + 1).padStart(3, '0')}`;
    const name = uniqueGrassrootsName(rng, plan.street, used);
    return center(
      {
        id,
        kind: 'village',
        name: `${name}为民服务中心`,
        townshipCode: code,
        parentId: `ts-${code}`,
        location: jitter(plan.anchor, VILLAGE_RADIUS_KM, rng.next),
        address: `邹城市${township}${name}党群服务中心`,
        hours: rng.pick(VILLAGE_HOURS),
        offers: offers(id),
      },
      rng,
    );
  });
};

/** Decides which villages lack which few village items (deterministic, about 5%). */
export const villageGaps = (villageCodes: string[]): { gapItems: string[]; lacks: (villageId: string) => boolean } => {
  const gapItems = createRng('village-gap-items').shuffle(villageCodes).slice(0, GAP_ITEMS);
  return { gapItems, lacks: (id) => createRng(`village-gap:${id}`).chance(GAP_SHARE) };
};

const bankCenters = (o: Offerings): Center[] =>
  BANK_BRANCHES.map((b, i) => {
    const plan = TOWNSHIP_PLAN[b.townshipCode];
    const rng = createRng(`center:bank-${i}`);
    return center(
      {
        id: `bank-${String(i + 1).padStart(2, '0')}`,
        kind: 'bank',
        name: b.name,
        townshipCode: b.townshipCode,
        parentId: `ts-${b.townshipCode}`,
        location: jitter(plan.anchor, 1.5, rng.next),
        address: `邹城市${b.township}${plan.road}${rng.int(1, 299)}号`,
        hours: BANK_HOURS,
        offers: o.onList('bank'),
      },
      rng,
    );
  });

/** Builds the whole sample directory for a catalogue: city, townships, zone, villages, banks. */
export const buildCenters = (items: Item[]): Center[] => {
  const o = offeringsOf(items);
  const gaps = villageGaps(o.village);
  const villageOffers = (id: string): string[] => (gaps.lacks(id) ? o.village.filter((c) => !gaps.gapItems.includes(c)) : o.village);
  const townships = TOWNSHIPS.map((t) => townshipCenter(t.code, t.name, o));
  const villages = TOWNSHIPS.flatMap((t) => villageCenters(t.code, t.name, villageOffers));
  if (villages.length !== SAMPLE_COUNTS.villages) throw new Error(`the plan gives ${villages.length} villages`);
  return [cityCenter(o), ...townships, zoneCenter(o), ...villages, ...bankCenters(o)];
};
