/**
 * The CatalogueStore contract: an import replaces whole lists at once and is recorded, and an
 * undo of the last one brings the directory and the catalogue back exactly as they were.
 */
import type { CatalogueStore, ImportRecord } from '../../cloudfunctions/core/stores/catalogue.port';
import type { DirectoryStore } from '../../cloudfunctions/core/stores/directory.port';
import { makeCenter, makeItem } from '../support/directory.fixture';
import { PAGE, codeOf, value } from './contract.kit';

const record = (id: string, kind: ImportRecord['kind'] = 'centers'): ImportRecord => ({
  id,
  kind,
  fileName: `${kind}.csv`,
  fileHash: 'ab'.repeat(32),
  by: 'admin',
  at: '2026-12-01T01:00:00.000Z',
  counts: { rows: 2, add: 1, change: 1, retire: 1, unchanged: 0 },
  state: 'applied',
});

/** Everything a reader of the catalogue can see, as one comparable value. */
const snapshot = async (s: DirectoryStore) =>
  JSON.stringify({
    centers: await s.allCenters(),
    items: (await s.searchItems({}, { page: 1, pageSize: 100 })).items,
    village: await s.listCenters({ kind: 'village' }, PAGE),
    one: await s.getCenter('v-001'),
    item: await s.getItem('ZC-V-0001'),
  });

/** Defines the import sentences over the fresh store `current()` answers. */
export function catalogueContract(current: () => CatalogueStore & DirectoryStore): void {
  describe('CatalogueStore: imports of the official lists', () => {
    let store: CatalogueStore & DirectoryStore;
    beforeEach(async () => {
      store = current();
      await store.upsertItems([makeItem({ code: 'ZC-V-0001' }), makeItem({ code: 'ZC-V-0002' })]);
      await store.upsertCenters([makeCenter({ id: 'v-001', offers: ['ZC-V-0001'] }), makeCenter({ id: 'v-002' })]);
    });

    it('an import replaces the whole list: new records appear, missing ones retire, the other list stays', async () => {
      const items = await store.searchItems({}, PAGE);
      value(
        await store.applyImport(
          { centers: [makeCenter({ id: 'v-001', name: '改名村为民服务中心', sample: false }), makeCenter({ id: 'v-003', sample: false })] },
          record('imp-1'),
        ),
      );
      expect((await store.allCenters()).map((c) => c.id)).toEqual(['v-001', 'v-003']);
      expect((await store.getCenter('v-001'))?.name).toBe('改名村为民服务中心');
      expect(await store.getCenter('v-002')).toBeNull();
      expect((await store.listCenters({ q: '改名' }, PAGE)).total).toBe(1);
      expect(await store.searchItems({}, PAGE)).toEqual(items);
      expect((await store.listImports(PAGE)).items).toEqual([record('imp-1')]);
    });

    it('undoing the last import restores the lists exactly as they were, and only the last applied one can be undone', async () => {
      const before = await snapshot(store);
      value(await store.applyImport({ centers: [makeCenter({ id: 'v-009', sample: false })] }, record('imp-1')));
      const middle = await snapshot(store);
      value(await store.applyImport({ items: [makeItem({ code: 'ZC-V-0001', name: '新名称事项', sample: false })] }, record('imp-2', 'items')));
      expect(await store.getItem('ZC-V-0002')).toBeNull();
      expect(codeOf(await store.undoImport('imp-1', 'admin', '2026-12-02T01:00:00.000Z'))).toBe('CONFLICT');
      expect(value(await store.undoImport('imp-2', 'admin', '2026-12-02T01:00:00.000Z'))).toMatchObject({ id: 'imp-2', state: 'undone', undoneBy: 'admin' });
      expect(await snapshot(store)).toBe(middle);
      expect(codeOf(await store.undoImport('imp-2', 'admin', '2026-12-02T01:00:00.000Z'))).toBe('CONFLICT');
      value(await store.undoImport('imp-1', 'admin', '2026-12-02T01:00:00.000Z'));
      expect(await snapshot(store)).toBe(before);
      expect((await store.listImports(PAGE)).items.map((r) => [r.id, r.state])).toEqual([
        ['imp-2', 'undone'],
        ['imp-1', 'undone'],
      ]);
    });
  });
}
