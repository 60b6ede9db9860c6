/**
 * Which village offers which village item (村居可办事项), one row a pair. The file is the whole
 * list for the villages: a village's offers become exactly its rows; other centers keep theirs.
 */
import type { Center } from './directory.schema';
import type { Item } from './catalogue.schema';
import { cellReader, locateColumns, type Column, type ImportIssue, type Parsed, type Rows } from './import.report';

/** The offers layout: key, Chinese heading, required. */
export const OFFER_COLUMNS: readonly Column[] = [
  { key: 'centerId', zh: '村居编号', required: true },
  { key: 'itemCode', zh: '事项编码', required: true },
];

/** Reads the pairs and answers every village center with its new offers (other centers untouched). */
export const parseOffers = (file: Rows, centers: readonly Center[], items: readonly Pick<Item, 'code' | 'level'>[]): Parsed<Center> => {
  const { at, errors } = locateColumns(OFFER_COLUMNS, file.header);
  if (errors.length) return { records: [], errors, warnings: [] };
  const byId = new Map(centers.map((c) => [c.id, c]));
  const levels = new Map(items.map((i) => [i.code, i.level]));
  const offers = new Map<string, Set<string>>();
  const warnings: ImportIssue[] = [];
  file.rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = cellReader(at, cells);
    const center = byId.get(cell('centerId'));
    const level = levels.get(cell('itemCode'));
    if (!center || center.kind !== 'village') return void errors.push({ row, column: '村居编号', message: `没有编号为“${cell('centerId')}”的村居` });
    if (!level) return void errors.push({ row, column: '事项编码', message: `事项清单中没有“${cell('itemCode')}”` });
    if (level !== 'village') return void errors.push({ row, column: '事项编码', message: `“${cell('itemCode')}”不是村居事项，村居只能办理村居层级的事项` });
    const set = offers.get(center.id) ?? new Set<string>();
    if (set.has(cell('itemCode'))) warnings.push({ row, message: `第${row}行重复` });
    offers.set(center.id, set.add(cell('itemCode')));
  });
  const records = centers.filter((c) => c.kind === 'village').map((c) => ({ ...c, offers: [...(offers.get(c.id) ?? [])].sort(), sample: false }));
  for (const c of records) if (!c.offers.length) warnings.push({ message: `${c.name}没有任何可办事项` });
  return { records, errors, warnings };
};
