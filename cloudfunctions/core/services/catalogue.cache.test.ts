import { makeItem } from '../../../tests/support/directory.fixture';
import { createCatalogueCache } from './catalogue.cache';

const item = makeItem({ code: 'ZC-T-0001', level: 'township', formFields: [{ key: 'reason', label: '申请事由', type: 'text', required: true }] });
const store = {
  allCenters: async () => [],
  allItems: async () => [item],
  getSynonyms: async () => null,
  getItem: async (code: string) => (code === item.code ? { ...item } : null),
};

describe('the catalogue cache', () => {
  it('builds an item form schema once while the item stays cached, and again after an invalidation', async () => {
    const cache = createCatalogueCache(store, () => 0);
    const first = await cache.item(item.code);
    const schema = cache.baseFormSchema(first!);
    expect(cache.baseFormSchema((await cache.item(item.code))!)).toBe(schema);
    cache.invalidate();
    const reloaded = await cache.item(item.code);
    expect(cache.baseFormSchema(reloaded!)).not.toBe(schema);
    expect(cache.baseFormSchema(reloaded!).safeParse({ reason: '因家庭需要' }).success).toBe(true);
    expect(cache.baseFormSchema(reloaded!).safeParse({}).success).toBe(false);
  });

  it('gives an item it does not hold a schema of its own', async () => {
    const cache = createCatalogueCache(store, () => 0);
    const outsider = { ...item, formFields: [] };
    expect(cache.baseFormSchema(outsider).safeParse({ reason: 'x' }).success).toBe(true);
  });
});
