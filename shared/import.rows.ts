/**
 * The lists written back as rows in the import layouts: the templates, and a file of the lists
 * in force that an administrator can edit and import again (a round trip changes nothing).
 */
import type { Center } from './directory.schema';
import type { Item } from './catalogue.schema';
import { CENTER_COLUMNS } from './import.centers';
import { ITEM_COLUMNS } from './import.items';
import { OFFER_COLUMNS } from './import.offers';
import type { Column, Rows } from './import.report';

const KIND_ZH: Record<Center['kind'], string> = { city: '市级', township: '镇街', village: '村居', zone: '开发区', bank: '银行' };
const LEVEL_ZH: Record<Item['level'], string> = { village: '村居', township: '镇街', city: '市级' };
const AUDIENCE_ZH: Record<Item['audience'], string> = { person: '个人', company: '企业', both: '个人和企业' };

const headerOf = (layout: readonly Column[]) => layout.map((c) => c.zh);

/** A material in the one-cell form the import reads back. */
const materialText = (m: Item['materials'][number]) => `${m.name}${m.paper ? '' : '[电子]'}${m.required ? '' : '[可选]'}`;

/** The centers as rows of the centers layout. */
export const rowsOfCenters = (centers: readonly Center[]): Rows => ({
  header: headerOf(CENTER_COLUMNS),
  rows: centers.map((c) => [
    c.id,
    KIND_ZH[c.kind],
    c.townshipCode ?? '',
    c.parentId ?? '',
    c.name,
    c.address,
    c.phone,
    c.hours,
    String(c.location.lat),
    String(c.location.lng),
    c.entrustedLists.join('；'),
  ]),
});

/** The items as rows of the items layout. */
export const rowsOfItems = (items: readonly Item[]): Rows => ({
  header: headerOf(ITEM_COLUMNS),
  rows: items.map((i) => [
    i.code,
    i.name,
    LEVEL_ZH[i.level],
    AUDIENCE_ZH[i.audience],
    i.category,
    i.lists.join('；'),
    i.lifeEvents.join('；'),
    i.kind === 'immediate' ? '即办件' : '承诺件',
    String(i.promisedDays),
    String(i.statutoryDays),
    String(i.visits),
    i.fee,
    i.department,
    i.conditions.join('；'),
    i.materials.map(materialText).join('；'),
  ]),
});

/** Every village's offers as rows of the offers layout. */
export const rowsOfOffers = (centers: readonly Center[]): Rows => ({
  header: headerOf(OFFER_COLUMNS),
  rows: centers.filter((c) => c.kind === 'village').flatMap((c) => c.offers.map((code) => [c.id, code])),
});
