/**
 * Builds the sample catalogue from the hand-written stems: exactly 53 village and 186 township
 * items, every city stem as a city item, then draws the zone (59) and 太平镇 (268) lists.
 * Each item's details come from a PRNG seeded by its name, so editing one stem leaves the
 * others unchanged.
 */
import { ItemListSchema, type Item, type ItemLevel, type ItemList } from '../../shared/catalogue.schema';
import { SAMPLE_COUNTS } from '../../data/sample/sample-counts';
import { CATEGORIES, LEVEL_CONDITIONS } from './catalogue/categories';
import { drawFormFields, drawMaterials } from './catalogue/forms';
import { stemNames, type Stem, type StemGroup } from './catalogue/stem.types';
import { CITY_STEMS } from './catalogue/stems.city';
import { TOWNSHIP_STEMS } from './catalogue/stems.township';
import { VILLAGE_STEMS } from './catalogue/stems.village';
import { createRng, type Rng } from './prng';

/** One name waiting to become an item, with the stem and group it came from. */
interface Draft {
  name: string;
  group: StemGroup;
  stem: Stem;
}

const LEVEL_LETTER: Record<ItemLevel, string> = { village: 'V', township: 'T', city: 'C' };
const IMMEDIATE_SHARE: Record<ItemLevel, number> = { village: 0.7, township: 0.3, city: 0.2 };
const MAX_PROMISED_DAYS: Record<ItemLevel, number> = { village: 5, township: 15, city: 20 };
const ONLINE_SHARE: Record<ItemLevel, number> = { village: 0.1, township: 0.1, city: 0.25 };

const draftsOf = (group: StemGroup): Draft[] => group.stems.flatMap((stem) => stemNames(stem).map((name) => ({ name, group, stem })));

/** Takes n drafts one group at a time, so trimming spreads over categories; answers in authored order. */
export const takeRoundRobin = (groups: readonly StemGroup[], n: number): Draft[] => {
  const queues = groups.map(draftsOf);
  const chosen = new Set<Draft>();
  for (let round = 0; chosen.size < n; round += 1) {
    const before = chosen.size;
    for (const queue of queues) if (round < queue.length && chosen.size < n) chosen.add(queue[round]);
    if (chosen.size === before) throw new Error(`the stems give only ${before} names, ${n} needed`);
  }
  return queues.flat().filter((d) => chosen.has(d));
};

/** Orders lists as the schema does, so records diff cleanly. */
const canonicalLists = (lists: Iterable<ItemList>): ItemList[] => {
  const set = new Set(lists);
  return ItemListSchema.options.filter((l) => set.has(l));
};

const drawTiming = (rng: Rng, level: ItemLevel): Pick<Item, 'promisedDays' | 'statutoryDays' | 'kind'> => {
  if (rng.chance(IMMEDIATE_SHARE[level])) return { promisedDays: 0, statutoryDays: rng.pick([0, 0, 5, 20]), kind: 'immediate' };
  const promisedDays = rng.int(1, MAX_PROMISED_DAYS[level]);
  return { promisedDays, statutoryDays: Math.max(promisedDays, rng.pick([5, 10, 15, 20, 30])), kind: 'promised' };
};

/** Builds one item from a draft; zone and taiping are added later by `drawSpecialLists`. */
export const buildItem = (draft: Draft, level: ItemLevel, code: string): Item => {
  const { group, stem, name } = draft;
  const [, , lifeEvents = [], extra = {}] = stem;
  const rng = createRng(`item:${name}`);
  const audience = extra.audience ?? group.audience;
  const category = CATEGORIES[group.category];
  const lists = canonicalLists([...(extra.lists ?? []), ...(rng.chance(ONLINE_SHARE[level]) ? (['online'] as const) : [])]);
  const conditions = [LEVEL_CONDITIONS[level], ...rng.shuffle(category.conditions).slice(0, rng.int(1, 2))];
  return {
    code,
    name,
    audience,
    category: group.category,
    lifeEvents: [...lifeEvents],
    level,
    lists,
    materials: drawMaterials(rng, audience, group.category),
    conditions,
    fee: extra.fee ?? '不收费',
    ...drawTiming(rng, level),
    visits: lists.includes('online') ? 0 : 1,
    department: group.department ?? (level === 'township' ? category.townshipOffice : category.department),
    formFields: drawFormFields(rng, audience, lifeEvents),
    sample: true,
  };
};

const codeFor = (level: ItemLevel, index: number): string => `ZC-${LEVEL_LETTER[level]}-${String(index + 1).padStart(4, '0')}`;

const buildLevel = (drafts: Draft[], level: ItemLevel): Item[] => drafts.map((d, i) => buildItem(d, level, codeFor(level, i)));

const addList = (items: Item[], chosen: Set<string>, list: ItemList): Item[] =>
  items.map((it) => (chosen.has(it.code) ? { ...it, lists: canonicalLists([...it.lists, list]) } : it));

/**
 * Draws the zone list from zone-eligible company matters and the 太平镇 list from the other city
 * items. 三级同权 items stay off both: the township already decides them.
 */
export const drawSpecialLists = (cityItems: Item[], zoneEligible: Set<string>): Item[] => {
  const free = cityItems.filter((it) => !it.lists.includes('sameAuthority'));
  const zonePool = free.filter((it) => zoneEligible.has(it.name) && it.audience !== 'person');
  const zone = createRng('zone-list').shuffle(zonePool).slice(0, SAMPLE_COUNTS.zoneItems);
  const taiping = createRng('taiping-list').shuffle(free).slice(0, SAMPLE_COUNTS.taipingItems);
  if (zone.length < SAMPLE_COUNTS.zoneItems || taiping.length < SAMPLE_COUNTS.taipingItems)
    throw new Error('not enough city stems for the zone or 太平镇 lists');
  const withZone = addList(cityItems, new Set(zone.map((it) => it.code)), 'zone');
  return addList(withZone, new Set(taiping.map((it) => it.code)), 'taiping');
};

/** Builds the whole sample catalogue in code order: village, township, then city items. */
export const buildItems = (): Item[] => {
  const village = buildLevel(takeRoundRobin(VILLAGE_STEMS, SAMPLE_COUNTS.villageItems), 'village');
  const township = buildLevel(takeRoundRobin(TOWNSHIP_STEMS, SAMPLE_COUNTS.townshipItems), 'township');
  const cityDrafts = CITY_STEMS.flatMap(draftsOf);
  const zoneEligible = new Set(cityDrafts.filter((d) => d.group.zoneEligible).map((d) => d.name));
  const city = drawSpecialLists(buildLevel(cityDrafts, 'city'), zoneEligible);
  const items = [...village, ...township, ...city];
  const names = new Set(items.map((it) => it.name));
  if (names.size !== items.length) throw new Error('duplicate item names in the stems');
  return items;
};
