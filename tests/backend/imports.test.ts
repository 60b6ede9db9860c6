/**
 * Imports of the official lists through the admin function, on both stores: a dry run reports
 * exact counts, an apply then an undo restores the catalogue exactly, a broken file changes
 * nothing, XLSX reads like CSV, and a 900-center, 600-item import completes.
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { writeCsv, writeXlsx } from '../../cloudfunctions/core/services/import.files';
import { rowsOfCenters, rowsOfItems, rowsOfOffers } from '../../shared/import.rows';
import type { Rows } from '../../shared/import.report';
import { loadSampleCenters, loadSampleItems } from '../../data/sample';

const file = (name: string, bytes: Buffer) => ({ name, dataBase64: bytes.toString('base64') });
const csv = (name: string, rows: Rows) => file(name, writeCsv(rows));

describe.each<StoreKind>(['sqlite', 'cloudbase'])('imports on the %s store', (kind) => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await makeHarness(kind, '2026-12-01T02:00:00.000Z');
    admin = await h.login('admin');
  }, 60_000);
  afterAll(() => h.close());

  /** Everything a reader of the catalogue sees. */
  const snapshot = async () =>
    JSON.stringify([await h.deps.directory.allCenters(), (await h.deps.directory.searchItems({}, { page: 1, pageSize: 600 })).items]);
  /** A dry run, then the apply of the same file. */
  const importFile = async (action: string, f: ReturnType<typeof file>) => {
    const dry = await h.ok('admin', action, { file: f }, admin);
    expect(dry.report.errors).toEqual([]);
    return h.ok('admin', action, { file: f, dryRun: false, confirmHash: dry.fileHash }, admin);
  };

  it('a 900-center, 600-item import completes and the records are no longer marked sample', async () => {
    const centers = loadSampleCenters();
    const extraItems = Array.from({ length: 41 }, (_, i) => ({ ...loadSampleItems()[0], code: `ZC-X-${String(i).padStart(4, '0')}`, name: `补充事项${i}` }));
    const items = [...loadSampleItems(), ...extraItems];
    expect([centers.length, items.length]).toEqual([902, 600]);
    const itemAnswer = await importFile('importItems', csv('items.csv', rowsOfItems(items)));
    expect(itemAnswer.applied).toMatchObject({ kind: 'items', counts: { rows: 600, add: 41 } });
    const centerAnswer = await importFile('importCenters', csv('centers.csv', rowsOfCenters(centers)));
    expect(centerAnswer.applied.counts.rows).toBe(902);
    expect((await h.deps.directory.getCenter('city'))?.sample).toBe(false);
    expect((await h.deps.directory.getItem('ZC-X-0040'))?.sample).toBe(false);
    expect((await h.ok('directory', 'getCenter', { id: 'v-101-001' })).center.sample).toBe(false);
  }, 120_000);

  it('a dry run reports exact counts, field by field, and writes nothing', async () => {
    const before = await snapshot();
    const current = rowsOfCenters(await h.deps.directory.allCenters());
    const edited: Rows = {
      header: current.header,
      rows: current.rows.filter((r) => r[0] !== 'v-101-002').map((r) => (r[0] === 'v-101-001' ? [...r.slice(0, 6), '0537-1234567', ...r.slice(7)] : r)),
    };
    const township = edited.rows.find((r) => r[0] === 'v-101-003')!;
    edited.rows.push([
      'v-101-900',
      '村居',
      '101',
      'ts-101',
      '新设村为民服务中心',
      '香城镇新设村',
      '0537-0000000',
      '周一至周五 9:00-17:00',
      township[8],
      township[9],
      '',
    ]);
    const { report } = await h.ok('admin', 'importCenters', { file: csv('centers.csv', edited) }, admin);
    expect(report.counts).toEqual({ add: 1, change: 1, retire: 1, unchanged: current.rows.length - 2 });
    expect(report.add).toEqual(['v-101-900']);
    expect(report.retire).toEqual(['v-101-002']);
    expect(report.change).toEqual([{ id: 'v-101-001', fields: [{ field: 'phone', from: expect.any(String), to: '0537-1234567' }] }]);
    expect(report.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('新设村为民服务中心还没有可办事项') }));
    expect(await snapshot()).toBe(before);
  });

  it('an apply then an undo restores the catalogue exactly as it was', async () => {
    const before = await snapshot();
    const current = rowsOfCenters(await h.deps.directory.allCenters());
    const renamed: Rows = {
      header: current.header,
      rows: current.rows.map((r) => (r[0] === 'v-101-001' ? [r[0], r[1], r[2], r[3], '改名村为民服务中心', ...r.slice(5)] : r)),
    };
    const { applied } = await importFile('importCenters', csv('centers.csv', renamed));
    expect((await h.ok('directory', 'getCenter', { id: 'v-101-001' })).center.name).toBe('改名村为民服务中心');
    const { items } = await h.ok('admin', 'listImports', {}, admin);
    expect(items[0]).toMatchObject({ id: applied.id, by: admin, fileName: 'centers.csv', fileHash: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'applied' });
    await h.ok('admin', 'undoImport', { id: applied.id }, admin);
    expect(await snapshot()).toBe(before);
    expect((await h.ok('directory', 'getCenter', { id: 'v-101-001' })).center.name).not.toBe('改名村为民服务中心');
  });

  it('a broken file is reported by row and column in Chinese and cannot be applied', async () => {
    const before = await snapshot();
    const current = rowsOfCenters(await h.deps.directory.allCenters());
    const broken: Rows = {
      header: current.header,
      rows: [...current.rows, [...current.rows[5]], ['v-bad', '村居', '999', 'ts-404', '坏村', '', '', '', '95', 'x', '不存在清单']],
    };
    const dry = await h.ok('admin', 'importCenters', { file: csv('centers.csv', broken) }, admin);
    const errors = dry.report.errors.map((e: { row?: number; column?: string; message: string }) => `${e.row}:${e.column}:${e.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${current.rows.length + 1}:编号:编号“${current.rows[5][0]}”与第6行重复`)),
        expect.stringContaining('镇街代码“999”不在邹城市16个镇街之中'),
        expect.stringContaining('纬度 95 不在邹城市范围内'),
        expect.stringContaining('经度不是数字'),
        expect.stringContaining('没有名为“不存在清单”的清单'),
      ]),
    );
    const apply = await h.call('admin', 'importCenters', { file: csv('centers.csv', broken), dryRun: false, confirmHash: dry.fileHash }, admin);
    expect(apply).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    const unchecked = await h.call('admin', 'importCenters', { file: csv('centers.csv', current), dryRun: false }, admin);
    expect(unchecked).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { confirmHash: '请先检查这份文件，再确认导入' } } });
    const notAList = await h.ok('admin', 'importCenters', { file: file('centers.pdf', Buffer.from('%PDF')) }, admin);
    expect(notAList.report.errors).toEqual([{ message: '只能导入 .csv 或 .xlsx 文件' }]);
    expect(await snapshot()).toBe(before);
  });

  it('an XLSX file reads like its CSV, and a village item on the zone list or a township item offered by a village is refused', async () => {
    const items = rowsOfItems((await h.deps.directory.searchItems({ level: 'village' }, { page: 1, pageSize: 3 })).items);
    const all = rowsOfItems((await h.deps.directory.searchItems({}, { page: 1, pageSize: 600 })).items);
    const zoned: Rows = { header: all.header, rows: all.rows.map((r) => (r[0] === items.rows[0][0] ? [...r.slice(0, 5), '开发区', ...r.slice(6)] : r)) };
    const xlsx = await h.ok('admin', 'importItems', { file: file('items.xlsx', await writeXlsx('事项清单', zoned)) }, admin);
    expect(xlsx.report.rowsRead).toBe(all.rows.length);
    expect(xlsx.report.errors).toEqual([
      {
        row: all.rows.findIndex((r) => r[0] === items.rows[0][0]) + 1,
        column: '所属清单',
        message: '村居事项不能列入开发区清单（开发区清单只收镇街或市级事项）',
      },
    ]);
    const township = (await h.deps.directory.searchItems({ level: 'township' }, { page: 1, pageSize: 1 })).items[0];
    const offers = rowsOfOffers(await h.deps.directory.allCenters());
    const bad: Rows = { header: offers.header, rows: [...offers.rows, ['v-101-001', township.code], ['v-none', items.rows[0][0]]] };
    const dry = await h.ok('admin', 'importOffers', { file: csv('offers.csv', bad) }, admin);
    expect(dry.report.errors).toEqual([
      { row: offers.rows.length + 1, column: '事项编码', message: `“${township.code}”不是村居事项，村居只能办理村居层级的事项` },
      { row: offers.rows.length + 2, column: '村居编号', message: '没有编号为“v-none”的村居' },
    ]);
  });

  it('an offers import sets each village offers exactly, and new guides use it at once', async () => {
    const offers = rowsOfOffers(await h.deps.directory.allCenters());
    const village = offers.rows[0][0];
    const kept = offers.rows.filter((r) => r[0] !== village || r === offers.rows[0]);
    const { applied } = await importFile('importOffers', csv('offers.csv', { header: offers.header, rows: kept }));
    expect(applied.kind).toBe('offers');
    expect((await h.deps.directory.getCenter(village))?.offers).toEqual([offers.rows[0][1]]);
    const { items } = await h.ok('directory', 'getCenter', { id: village });
    expect(items.map((i: { code: string }) => i.code)).toEqual([offers.rows[0][1]]);
  });

  it('only an administrator may import', async () => {
    const clerk = await h.login('clerk', { centerId: 'city' });
    expect(await h.call('admin', 'importCenters', { file: csv('c.csv', { header: ['编号'], rows: [] }) }, clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
