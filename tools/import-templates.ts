/**
 * Writes the import templates (data/templates/*.csv and *.xlsx): the layouts' headings and a
 * few example rows, each marked 示例 so nobody imports them by mistake. Run: npx tsx tools/import-templates.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCsv, writeXlsx } from '../cloudfunctions/core/services/import.files';
import type { Rows } from '../shared/import.report';
import { rowsOfCenters, rowsOfItems, rowsOfOffers } from '../shared/import.rows';
import { loadSampleCenters, loadSampleItems } from '../data/sample';

const OUT = join(__dirname, '..', 'data', 'templates');

/** The sample's city, its first township and two of that township's villages: enough to show the chain. */
const exampleCenters = () => {
  const all = loadSampleCenters();
  const township = all.find((c) => c.kind === 'township')!;
  const villages = all.filter((c) => c.parentId === township.id).slice(0, 2);
  return [all.find((c) => c.kind === 'city')!, township, ...villages].map((c) => ({ ...c, name: `${c.name}（示例）` }));
};

const main = async () => {
  mkdirSync(OUT, { recursive: true });
  const centers = exampleCenters();
  const items = loadSampleItems()
    .filter((i) => i.level === 'village')
    .slice(0, 2)
    .concat(
      loadSampleItems()
        .filter((i) => i.level === 'township')
        .slice(0, 1),
    );
  const villagesWithOffers = centers.map((c) => (c.kind === 'village' ? { ...c, offers: items.filter((i) => i.level === 'village').map((i) => i.code) } : c));
  const files: [string, string, Rows][] = [
    ['centers', '服务中心', rowsOfCenters(centers)],
    ['items', '事项清单', rowsOfItems(items.map((i) => ({ ...i, name: `${i.name}（示例）` })))],
    ['offers', '村居可办事项', rowsOfOffers(villagesWithOffers)],
  ];
  for (const [name, sheet, rows] of files) {
    writeFileSync(join(OUT, `${name}.csv`), writeCsv(rows));
    writeFileSync(join(OUT, `${name}.xlsx`), await writeXlsx(sheet, rows));
  }
  console.log(`templates written to ${OUT}`);
};

void main();
