/**
 * The DirectoryStore contract: centers and items come back as stored, filtered, ordered and paged alike on every adapter.
 */
import type { DirectoryStore } from '../../cloudfunctions/core/stores/directory.port';
import { makeCenter, makeItem } from '../support/directory.fixture';
import { PAGE } from './contract.kit';

/** Defines the directory and catalogue sentences over the fresh store `current()` answers. */
export function directoryContract(current: () => DirectoryStore): void {
  describe('DirectoryStore: directory and catalogue', () => {
    let store: DirectoryStore;
    beforeEach(() => {
      store = current();
    });

    const centers = [
      makeCenter({ id: 'city', kind: 'city', name: '邹城市政务服务中心', townshipCode: null, parentId: null }),
      makeCenter({ id: 't-001', kind: 'township', name: '钢山街道便民服务中心', parentId: 'city' }),
      makeCenter({ id: 'v-001', name: '东关村便民服务站' }),
      makeCenter({ id: 'v-002', name: '西关村便民服务站' }),
      makeCenter({ id: 'v-101', name: '太平村便民服务站', townshipCode: '101', parentId: 't-101' }),
    ];
    const items = [
      makeItem({ code: 'T-0002', name: '农村宅基地审批', lifeEvents: ['建房'] }),
      makeItem({ code: 'V-0001', name: '独生子女证明', level: 'village', lifeEvents: ['生育', '上学'] }),
      makeItem({ code: 'C-0001', name: '企业设立登记', level: 'city', audience: 'company', lifeEvents: ['开办企业'] }),
      makeItem({ code: 'T-0001', name: '高龄津贴申领', lifeEvents: ['养老'] }),
    ];

    it('a center comes back exactly as it was stored', async () => {
      await store.upsertCenters(centers);
      expect(await store.getCenter('t-001')).toEqual(centers[1]);
      expect(await store.getCenter('nowhere')).toBeNull();
    });

    it('centers are listed by kind, township and name, ordered by id, with page totals', async () => {
      await store.upsertCenters(centers);
      const villages = await store.listCenters({ kind: 'village' }, { page: 1, pageSize: 2 });
      expect(villages.total).toBe(3);
      expect(villages.items.map((c) => c.id)).toEqual(['v-001', 'v-002']);
      const second = await store.listCenters({ kind: 'village' }, { page: 2, pageSize: 2 });
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(second.items.map((c) => c.id)).toEqual(['v-101']);
      expect((await store.listCenters({ townshipCode: '001' }, PAGE)).items.map((c) => c.id)).toEqual(['t-001', 'v-001', 'v-002']);
      expect((await store.listCenters({ q: '东关' }, PAGE)).items.map((c) => c.id)).toEqual(['v-001']);
      expect((await store.allCenters()).map((c) => c.id)).toEqual(['city', 't-001', 'v-001', 'v-002', 'v-101']);
    });

    it('upserting a center again replaces it instead of adding a second one', async () => {
      await store.upsertCenters(centers);
      await store.upsertCenters([{ ...centers[2], name: '东关社区便民服务站' }]);
      expect((await store.getCenter('v-001'))?.name).toBe('东关社区便民服务站');
      expect((await store.allCenters()).length).toBe(5);
      expect((await store.listCenters({ q: '东关社区' }, PAGE)).total).toBe(1);
    });

    it('an item search matches the name or the code, and filters by level, audience, life event and codes', async () => {
      await store.upsertItems(items);
      expect(await store.getItem('V-0001')).toEqual(items[1]);
      expect((await store.searchItems({ q: '宅基地' }, PAGE)).items.map((i) => i.code)).toEqual(['T-0002']);
      expect((await store.searchItems({ q: 't-000' }, PAGE)).items.map((i) => i.code)).toEqual(['T-0001', 'T-0002']);
      expect((await store.searchItems({ level: 'township' }, PAGE)).total).toBe(2);
      expect((await store.searchItems({ audience: 'company' }, PAGE)).items.map((i) => i.code)).toEqual(['C-0001']);
      expect((await store.searchItems({ lifeEvent: '上学' }, PAGE)).items.map((i) => i.code)).toEqual(['V-0001']);
      expect((await store.searchItems({ codes: ['V-0001', 'C-0001', 'X-9999'] }, PAGE)).items.map((i) => i.code)).toEqual(['C-0001', 'V-0001']);
      expect((await store.searchItems({ q: '%' }, PAGE)).total).toBe(0);
    });

    it('items are ordered by code and paged with the total of all matches', async () => {
      await store.upsertItems(items);
      const page = await store.searchItems({}, { page: 2, pageSize: 3 });
      expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page.items.map((i) => i.code)).toEqual(['V-0001']);
      expect((await store.searchItems({}, PAGE)).items.map((i) => i.code)).toEqual(['C-0001', 'T-0001', 'T-0002', 'V-0001']);
    });

    it('allItems answers the whole catalogue by code, for the search index', async () => {
      expect(await store.allItems()).toEqual([]);
      await store.upsertItems(items);
      const all = await store.allItems();
      expect(all.map((i) => i.code)).toEqual(['C-0001', 'T-0001', 'T-0002', 'V-0001']);
      expect(all[3]).toEqual(items[1]);
    });

    it('the synonym set is written only over the version its editor read, so two editors never overwrite each other', async () => {
      const set = (version: number, terms: string[]) => ({
        id: 'synonyms' as const,
        version,
        groups: [{ terms }],
        updatedAt: '2026-12-01T08:00:00.000Z',
        updatedBy: 'u-admin',
      });
      expect(await store.getSynonyms()).toBeNull();
      expect(await store.putSynonyms(set(1, ['口粮田', '承包地']))).toEqual({ ok: true, value: set(1, ['口粮田', '承包地']) });
      expect(await store.getSynonyms()).toEqual(set(1, ['口粮田', '承包地']));
      const second = await store.putSynonyms(set(1, ['别的', '说法']));
      expect(second.ok ? null : second.error.code).toBe('CONFLICT');
      expect((await store.putSynonyms(set(2, ['自留地', '承包地']), 1)).ok).toBe(true);
      const stale = await store.putSynonyms(set(2, ['过时', '的稿']), 1);
      expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
      expect(await store.getSynonyms()).toEqual(set(2, ['自留地', '承包地']));
    });

    it('re-importing an item drops the life events it no longer has', async () => {
      await store.upsertItems(items);
      await store.upsertItems([{ ...items[1], lifeEvents: ['生育'] }]);
      expect((await store.searchItems({ lifeEvent: '上学' }, PAGE)).total).toBe(0);
      expect((await store.searchItems({ lifeEvent: '生育' }, PAGE)).total).toBe(1);
    });
  });
}
