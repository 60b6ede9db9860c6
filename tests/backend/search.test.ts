/**
 * directory.searchItems through the handlers on both stores: the search index built at catalogue
 * load, the caller's home and kind in the ranking, the help a fruitless search carries, and the
 * administrator's synonym groups (admin only, versioned, audited, searched at once).
 */
import { makeHarness, type Harness, type StoreKind } from '../support/harness';
import { loadSampleCenters } from '../../data/sample';

const home = loadSampleCenters().find((c) => c.id === 'v-101-001')!;
const codes = (r: { items: { code: string }[] }) => r.items.map((i) => i.code);

describe.each<StoreKind>(['sqlite', 'cloudbase'])('item search on the %s store', (kind) => {
  let h: Harness;
  let resident: string;
  let admin: string;
  beforeAll(async () => {
    h = await makeHarness(kind);
    resident = await h.login('resident', { villageId: home.id });
    admin = await h.login('admin');
  }, 60_000);
  afterAll(() => h?.close());

  it('finds the village’s 最低生活保障申请代办 first for 低保 (the reported miss), for anyone and for a resident of the village', async () => {
    expect(codes(await h.ok('directory', 'searchItems', { q: '低保' }))[0]).toBe('ZC-V-0021');
    const mine = await h.ok('directory', 'searchItems', { q: '低保', pageSize: 20 }, resident);
    expect(codes(mine)[0]).toBe('ZC-V-0021');
    expect(codes(mine)).toContain('ZC-T-0010');
    expect(mine.help).toBeUndefined();
  });

  it('finds 宅基地审批 for 建房 and 个体工商户设立登记 for 营业执照 (the other two reported misses)', async () => {
    expect(codes(await h.ok('directory', 'searchItems', { q: '建房' }, resident))[0]).toBe('ZC-T-0081');
    expect(codes(await h.ok('directory', 'searchItems', { q: '营业执照' }, resident))[0]).toBe('ZC-T-0147');
  });

  it('pages through the ranking with the total of all matches, and keeps the filters', async () => {
    const first = await h.ok('directory', 'searchItems', { q: '登记', page: 1, pageSize: 5 }, resident);
    const second = await h.ok('directory', 'searchItems', { q: '登记', page: 2, pageSize: 5 }, resident);
    const both = await h.ok('directory', 'searchItems', { q: '登记', page: 1, pageSize: 10 }, resident);
    expect([...codes(first), ...codes(second)]).toEqual(codes(both));
    expect(first.total).toBe(both.total);
    const villageOnly = await h.ok('directory', 'searchItems', { q: '登记', level: 'village', pageSize: 100 }, resident);
    expect(villageOnly.total).toBeGreaterThan(0);
    expect(villageOnly.items.every((i: { level: string }) => i.level === 'village')).toBe(true);
    const atHome = await h.ok('directory', 'searchItems', { q: '低保', centerId: home.id }, resident);
    expect(codes(atHome).every((c) => home.offers.includes(c))).toBe(true);
  });

  it('a search that finds nothing offers the nearest center’s phone, else the home center’s, else the city’s, and the life events', async () => {
    const near = await h.ok('directory', 'searchItems', { q: '火星移民', near: { lat: home.location.lat, lng: home.location.lng } });
    expect(near).toMatchObject({ total: 0, items: [], help: { because: 'nearest', center: { id: home.id, phone: home.phone } } });
    expect(near.help.lifeEvents).toContain('社会救助');
    const mine = await h.ok('directory', 'searchItems', { q: '火星移民' }, resident);
    expect(mine.help).toMatchObject({ because: 'home', center: { id: home.id, phone: home.phone } });
    const anyone = await h.ok('directory', 'searchItems', { q: '火星移民' });
    expect(anyone.help).toMatchObject({ because: 'city', center: { kind: 'city' } });
  });

  it('a search longer than 40 characters is refused with a Chinese field message', async () => {
    const long = await h.call('directory', 'searchItems', { q: '低'.repeat(41) });
    expect(long.ok ? null : long.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { q: '搜索词不超过40个字' } });
  });

  it('only the administrator reads and edits the synonym groups', async () => {
    expect((await h.call('admin', 'listSynonyms', {}, resident)).ok).toBe(false);
    const denied = await h.call('admin', 'setSynonyms', { groups: [{ terms: ['口粮田', '耕地地力保护补贴'] }], version: 0 }, resident);
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    const view = await h.ok('admin', 'listSynonyms', {}, admin);
    expect(view.version).toBe(0);
    expect(view.extra).toEqual([]);
    expect(view.shipped.find((g: { terms: string[] }) => g.terms.includes('低保'))?.terms).toContain('最低生活保障');
  });

  it('an administrator’s new group is searched at once, and a second editor holding the old version gets CONFLICT', async () => {
    expect((await h.ok('directory', 'searchItems', { q: '口粮田' }, resident)).total).toBe(0);
    const saved = await h.ok('admin', 'setSynonyms', { groups: [{ terms: ['口粮田', '耕地地力保护补贴'] }], version: 0 }, admin);
    expect(saved).toMatchObject({ version: 1, extra: [{ terms: ['口粮田', '耕地地力保护补贴'] }] });
    expect(codes(await h.ok('directory', 'searchItems', { q: '口粮田' }, resident))[0]).toBe('ZC-V-0038');
    const stale = await h.call('admin', 'setSynonyms', { groups: [], version: 0 }, admin);
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect((await h.ok('admin', 'listSynonyms', {}, admin)).extra).toEqual([{ terms: ['口粮田', '耕地地力保护补贴'] }]);
  });

  it('a bad group is refused with a coded error in Chinese and nothing stored changes', async () => {
    const before = await h.ok('admin', 'listSynonyms', {}, admin);
    const bad = await h.call('admin', 'setSynonyms', { groups: [{ terms: ['只有一个'] }], version: before.version }, admin);
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '填写的内容有误，请按提示修改' });
    expect(bad.ok ? {} : bad.error.fields).toEqual({ 'groups.0.terms': '每组至少两个词' });
    const odd = await h.call('admin', 'setSynonyms', { groups: [{ terms: ['低 保!', '最低生活保障'] }], version: before.version }, admin);
    expect(odd.ok ? {} : odd.error.fields).toEqual({ 'groups.0.terms.0': '词语只能包含汉字、字母或数字' });
    expect(await h.ok('admin', 'listSynonyms', {}, admin)).toEqual(before);
  });
});
