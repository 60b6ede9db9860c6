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
import { EVIDENCE_COLUMNS, ROSTER_COLUMNS } from '../shared/certify.import';
import { idCheckChar } from '../shared/validators';

/** A made-up, checksum-valid ID number for the templates' example rows (示例, never a real person). */
const exampleId = (birth: string, seq: string) => `370883${birth}${seq}${idCheckChar(`370883${birth}${seq}`)}`;

/** The re-certification templates: two people on a roster, and evidence records for them. */
const certifyTemplates = (villageId: string): [string, string, Rows][] => {
  const [a, b] = [exampleId('19500101', '001'), exampleId('19380505', '002')];
  return [
    [
      'roster',
      '认证名册',
      {
        header: ROSTER_COLUMNS.map((c) => c.zh),
        rows: [
          [a, '王某某（示例）', '城乡居民养老保险待遇领取', villageId, '2026-01-01', '2026-12-31'],
          [b, '李某某（示例）', '高龄津贴', villageId, '2026-03-01', ''],
        ],
      },
    ],
    [
      'evidence',
      '核验记录',
      {
        header: EVIDENCE_COLUMNS.map((c) => c.zh),
        rows: [
          [a, '医保结算', '2026-05-06', 'YB-示例-0001'],
          [b, '社保卡用卡', '2026-07-12', ''],
        ],
      },
    ],
  ];
};

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
    ...certifyTemplates(centers.find((c) => c.kind === 'village')!.id),
  ];
  for (const [name, sheet, rows] of files) {
    writeFileSync(join(OUT, `${name}.csv`), writeCsv(rows));
    writeFileSync(join(OUT, `${name}.xlsx`), await writeXlsx(sheet, rows));
  }
  console.log(`templates written to ${OUT}`);
};

void main();
