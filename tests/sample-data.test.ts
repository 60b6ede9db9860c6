import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CenterSchema } from '../shared/directory.schema';
import { ItemSchema, type ItemList, type LifeEvent } from '../shared/catalogue.schema';
import { TOWNSHIPS } from '../shared/townships';
import { loadSampleCenters, loadSampleItems, SAMPLE_COUNTS } from '../data/sample';
import { renderSampleFiles } from '../tools/sample-data/sample-data.generator';

const centers = loadSampleCenters();
const items = loadSampleItems();
const ofKind = (kind: string) => centers.filter((c) => c.kind === kind);
const atLevel = (level: string) => items.filter((it) => it.level === level);
const onList = (list: ItemList) => items.filter((it) => it.lists.includes(list));
const byId = new Map(centers.map((c) => [c.id, c]));
const codesOf = (list: { code: string }[]) => list.map((it) => it.code);

describe('the sample directory', () => {
  it('has one city center near 35.405N 116.966E at the top of the chain', () => {
    const [city] = ofKind('city');
    expect(ofKind('city')).toHaveLength(1);
    expect(city).toMatchObject({ id: 'city', name: '邹城市政务服务中心', townshipCode: null, parentId: null });
    expect(city.location.lat).toBeCloseTo(35.405, 2);
    expect(city.location.lng).toBeCloseTo(116.966, 2);
  });

  it('has the 16 real townships with their codes and names, under the city', () => {
    const townships = ofKind('township');
    expect(townships.map((t) => [t.id, t.townshipCode, t.name])).toEqual(TOWNSHIPS.map((t) => [`ts-${t.code}`, t.code, `${t.name}为民服务中心`]));
    expect(townships).toHaveLength(SAMPLE_COUNTS.townships);
    expect(townships.every((t) => t.parentId === 'city')).toBe(true);
  });

  it('has exactly 858 village centers, each under its own township', () => {
    const villages = ofKind('village');
    expect(villages).toHaveLength(SAMPLE_COUNTS.villages);
    for (const v of villages) {
      expect(v.id).toMatch(new RegExp(`^v-${v.townshipCode}-\\d{3}$`));
      expect(v.parentId).toBe(`ts-${v.townshipCode}`);
      expect(byId.get(v.parentId!)?.kind).toBe('township');
    }
  });

  it('spreads the villages over every township in plausible numbers', () => {
    for (const t of TOWNSHIPS) {
      const count = ofKind('village').filter((v) => v.townshipCode === t.code).length;
      expect(count).toBeGreaterThanOrEqual(30);
      expect(count).toBeLessThanOrEqual(85);
    }
  });

  it('names village centers as 村 or 社区 centers, unique within their township', () => {
    const villages = ofKind('village');
    for (const v of villages) expect(v.name).toMatch(/^[\u4e00-\u9fa5]{2,6}(村|社区)为民服务中心$/);
    const keys = villages.map((v) => `${v.townshipCode}:${v.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const streetCommunities = villages.filter((v) => v.townshipCode!.startsWith('00') && v.name.includes('社区'));
    expect(streetCommunities.length).toBeGreaterThan(villages.filter((v) => v.townshipCode!.startsWith('00')).length / 2);
  });

  it('has the development-zone branch in 千泉街道 deciding the zone list', () => {
    expect(ofKind('zone')).toEqual([
      expect.objectContaining({ id: 'zone', name: '邹城市行政审批服务局经济开发区分局', parentId: 'city', townshipCode: '002', entrustedLists: ['zone'] }),
    ]);
    expect(byId.get('zone')!.offers).toEqual(codesOf(onList('zone')));
  });

  it('gives the taiping list to 太平镇 only, and no other entrusted list except the zone', () => {
    const entrusted = centers.filter((c) => c.entrustedLists.length > 0).map((c) => [c.id, c.entrustedLists]);
    expect(entrusted).toEqual([
      ['ts-107', ['taiping']],
      ['zone', ['zone']],
    ]);
  });

  it('has at least 20 bank branches under township centers, spread over streets and towns', () => {
    const banks = ofKind('bank');
    expect(banks.length).toBeGreaterThanOrEqual(SAMPLE_COUNTS.minBanks);
    for (const b of banks) {
      expect(b.id).toMatch(/^bank-\d{2}$/);
      expect(byId.get(b.parentId!)).toMatchObject({ kind: 'township', townshipCode: b.townshipCode });
      expect(b.offers).toEqual(codesOf(onList('bank')));
    }
    expect(new Set(banks.map((b) => b.townshipCode)).size).toBeGreaterThanOrEqual(8);
    expect(banks.some((b) => b.townshipCode === '001')).toBe(true);
  });

  it('gives every center a unique id, a phone, hours and an address', () => {
    expect(new Set(centers.map((c) => c.id)).size).toBe(centers.length);
    for (const c of centers) {
      expect(c.phone).toMatch(/^0537-52\d{5}$/);
      expect(c.hours).not.toBe('');
      expect(c.address).toMatch(/^邹城市/);
    }
  });

  it('keeps every generated coordinate around Zoucheng and labelled approximate', () => {
    for (const c of centers) {
      expect(c.location.approximate).toBe(true);
      expect(c.location.lat).toBeGreaterThan(35.2);
      expect(c.location.lat).toBeLessThan(35.55);
      expect(c.location.lng).toBeGreaterThan(116.8);
      expect(c.location.lng).toBeLessThan(117.25);
    }
  });
});

describe('the sample catalogue', () => {
  it('has 53 village items, 186 township items and at least 120 city items', () => {
    expect(atLevel('village')).toHaveLength(SAMPLE_COUNTS.villageItems);
    expect(atLevel('township')).toHaveLength(SAMPLE_COUNTS.townshipItems);
    expect(atLevel('city').length).toBeGreaterThanOrEqual(SAMPLE_COUNTS.minCityItems);
  });

  it('puts exactly 59 construction and market-access items on the zone list, none for persons only', () => {
    const zone = onList('zone');
    expect(zone).toHaveLength(SAMPLE_COUNTS.zoneItems);
    expect(zone.every((it) => it.audience !== 'person')).toBe(true);
    expect(zone.every((it) => it.lifeEvents.includes('工程建设') || it.lifeEvents.includes('开办企业'))).toBe(true);
  });

  it('puts exactly 268 city items on the 太平镇 list', () => {
    expect(onList('taiping')).toHaveLength(SAMPLE_COUNTS.taipingItems);
    expect(onList('taiping').every((it) => it.level === 'city')).toBe(true);
  });

  it('makes 乡村建设规划许可 a city item of 三级同权, among a handful of others', () => {
    expect(items.find((it) => it.name === '乡村建设规划许可')).toMatchObject({ level: 'city', lists: ['sameAuthority'] });
    const same = onList('sameAuthority');
    expect(same.length).toBeGreaterThanOrEqual(3);
    expect(same.every((it) => it.level === 'city' && !it.lists.includes('taiping') && !it.lists.includes('zone'))).toBe(true);
  });

  it('has 政银合作, 全市通办 and online items', () => {
    expect(onList('bank').map((it) => it.name)).toEqual(expect.arrayContaining(['社会保障卡申领', '个体工商户设立登记']));
    expect(onList('citywide').length).toBeGreaterThanOrEqual(5);
    expect(onList('online').length).toBeGreaterThanOrEqual(20);
  });

  it('has unique codes and unique, realistic names', () => {
    expect(new Set(items.map((it) => it.code)).size).toBe(items.length);
    expect(new Set(items.map((it) => it.name)).size).toBe(items.length);
    for (const it of items) {
      expect(it.code).toMatch(/^ZC-[VTC]-\d{4}$/);
      expect(it.name).not.toMatch(/(事项|Item|item)\s*\d+|\d+$/);
      expect(it.name).toMatch(/^[\u4e00-\u9fa5（）0-9-]+$/);
    }
  });

  it('keeps timing and the one-visit promise consistent', () => {
    for (const it of items) {
      expect(it.statutoryDays).toBeGreaterThanOrEqual(it.promisedDays);
      expect(it.kind === 'immediate').toBe(it.promisedDays === 0);
      expect(it.promisedDays).toBeLessThanOrEqual(20);
      if (it.lists.includes('online')) expect(it.visits).toBe(0);
    }
  });

  it('types no field that asks for an ID number or a credit code as plain text (regression: 身份证号码或统一社会信用代码 was `text`)', () => {
    const identity = items.flatMap((it) => it.formFields).filter((f) => /身份证|信用代码/.test(f.label));
    expect(identity.length).toBeGreaterThan(0);
    const types = new Set(identity.map((f) => f.type));
    expect([...types].every((t) => t === 'idNumber' || t === 'idOrCreditCode' || t === 'creditCode')).toBe(true);
    expect(identity.filter((f) => /身份证/.test(f.label)).every((f) => f.type === 'idNumber' || f.type === 'idOrCreditCode')).toBe(true);
  });

  it('gives every item 2-5 materials and 2-5 form fields with unique keys', () => {
    for (const it of items) {
      expect(it.materials.length).toBeGreaterThanOrEqual(2);
      expect(it.materials.length).toBeLessThanOrEqual(5);
      expect(it.formFields.length).toBeGreaterThanOrEqual(2);
      expect(it.formFields.length).toBeLessThanOrEqual(5);
      expect(new Set(it.formFields.map((f) => f.key)).size).toBe(it.formFields.length);
    }
  });

  it('lets residents find a good number of items by each common life event', () => {
    const events: LifeEvent[] = ['生育', '上学', '就业', '养老', '建房', '婚姻', '残疾人', '社会救助'];
    for (const e of events) expect(items.filter((it) => it.lifeEvents.includes(e)).length).toBeGreaterThanOrEqual(10);
  });

  it('covers many departments and categories', () => {
    expect(new Set(items.map((it) => it.category)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(items.map((it) => it.department)).size).toBeGreaterThanOrEqual(15);
  });
});

describe('what the sample centers offer', () => {
  const villageCodes = codesOf(atLevel('village'));
  const townshipCodes = codesOf(atLevel('township'));

  it('only names codes that exist in the catalogue', () => {
    const known = new Set(codesOf(items));
    for (const c of centers) expect(c.offers.filter((code) => !known.has(code))).toEqual([]);
  });

  it('has most villages offer every village item, and about 5% lack a few so routing reaches the township', () => {
    const villages = ofKind('village');
    const lacking = villages.filter((v) => v.offers.length < villageCodes.length);
    expect(lacking.length).toBeGreaterThanOrEqual(20);
    expect(lacking.length).toBeLessThanOrEqual(70);
    for (const v of villages) {
      expect(v.offers.every((code) => villageCodes.includes(code))).toBe(true);
      expect(v.offers.length).toBeGreaterThanOrEqual(villageCodes.length - 3);
    }
  });

  it('has townships offer the village, township and 三级同权 items, and 太平镇 its entrusted items too', () => {
    const base = [...villageCodes, ...townshipCodes, ...codesOf(onList('sameAuthority'))];
    for (const t of ofKind('township')) {
      expect(t.offers).toEqual(expect.arrayContaining(base));
      const extra = t.offers.filter((code) => !base.includes(code));
      expect(extra).toEqual(t.id === 'ts-107' ? codesOf(onList('taiping')).filter((c) => !base.includes(c)) : []);
    }
  });

  it('has the city center offer every item', () => {
    expect(byId.get('city')!.offers).toEqual(codesOf(items));
  });
});

describe('the sample data files', () => {
  it('parse record by record with the shared schemas and are all marked sample', () => {
    const raw = (name: string): unknown[] => JSON.parse(readFileSync(join(__dirname, '..', 'data', 'sample', name), 'utf8'));
    for (const c of raw('centers.json')) expect(CenterSchema.parse(c).sample).toBe(true);
    for (const it of raw('items.json')) expect(ItemSchema.parse(it).sample).toBe(true);
  });

  it('come out byte-identical from two runs of the generator', () => {
    expect(renderSampleFiles()).toEqual(renderSampleFiles());
  });

  it('are what the generator writes now (run npm run generate:sample after editing the stems)', () => {
    const files = renderSampleFiles();
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(__dirname, '..', 'data', 'sample', name), 'utf8') === text).toBe(true);
    }
  });

  it('stay small enough to ship', () => {
    const bytes = Object.values(renderSampleFiles()).reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0);
    expect(bytes).toBeLessThan(1.7 * 1024 * 1024);
  });
});
