import { loadSampleCenters, loadSampleItems } from '../data/sample';
import { buildDirectory } from './directory';
import { attributeOf, formValuesOf, homeVillageAt, searchWindow, serviceOf, SERVICE_AREA_VILLAGE_KM } from './open311.mapping';
import type { FormField } from './catalogue.schema';

const dir = buildDirectory(loadSampleCenters());
const DAY = 86_400_000;
const NOW = Date.parse('2026-10-01T00:00:00.000Z');

describe('the Open311 mapping', () => {
  it('finds the village center a location in Zoucheng is nearest to, and refuses one outside with a code', () => {
    const village = dir.ofKind('village')[100];
    const home = homeVillageAt(dir, { lat: village.location.lat + 0.002, lng: village.location.lng });
    expect(home.ok && home.value.center.id).toBe(village.id);
    for (const outside of [
      { lat: 35.41, lng: 116.59 },
      { lat: 39.9, lng: 116.4 },
      { lat: 35.0, lng: 117.0 },
    ]) {
      const r = homeVillageAt(dir, outside);
      expect(r.ok ? 'ok' : r.error.code).toBe('OUTSIDE_SERVICE_AREA');
    }
    expect(SERVICE_AREA_VILLAGE_KM).toBeLessThan(10);
  });

  it('searches the last 90 days by default, from a start or up to an end, and never more than 90 days', () => {
    expect(searchWindow({}, NOW)).toEqual({ ok: true, value: { fromMs: NOW - 90 * DAY, toMs: NOW } });
    const start = '2026-06-01T00:00:00+08:00';
    expect(searchWindow({ start_date: start }, NOW)).toEqual({ ok: true, value: { fromMs: Date.parse(start), toMs: Date.parse(start) + 90 * DAY } });
    const tooLong = searchWindow({ start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' }, NOW);
    expect(tooLong.ok ? 'ok' : tooLong.error.code).toBe('DATE_RANGE_TOO_LONG');
    const reversed = searchWindow({ start_date: '2026-06-02T00:00:00+08:00', end_date: '2026-06-01T00:00:00+08:00' }, NOW);
    expect(reversed.ok ? 'ok' : reversed.error.code).toBe('VALIDATION_FAILED');
  });

  it('maps every form field type to a GeoReport datatype, a select to a value list, and a datetime to its day', () => {
    const field = (type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({ key: `f_${type}`, label: '字段', type, required: true, ...extra });
    expect(
      ['text', 'textarea', 'number', 'date', 'select', 'phone', 'idNumber'].map(
        (t) => attributeOf(field(t as FormField['type'], { options: ['甲'] }), 0).datatype,
      ),
    ).toEqual(['string', 'text', 'number', 'datetime', 'singlevaluelist', 'string', 'string']);
    expect(attributeOf(field('select', { options: ['首次', '补办'] }), 2)).toMatchObject({
      order: 3,
      values: [
        { key: '首次', name: '首次' },
        { key: '补办', name: '补办' },
      ],
    });
    expect(attributeOf(field('text'), 0).values).toBeUndefined();
    expect(formValuesOf([field('date'), field('text')], { f_date: '2026-12-01T09:00:00+08:00', f_text: '说明', other: 'x' })).toEqual({
      f_date: '2026-12-01',
      f_text: '说明',
    });
  });

  it('describes every sample item as a realtime service, with metadata exactly where it has a form', () => {
    for (const item of loadSampleItems()) {
      const s = serviceOf(item);
      expect(s).toMatchObject({
        service_code: item.code,
        service_name: item.name,
        type: 'realtime',
        group: item.category,
        metadata: item.formFields.length > 0,
      });
      expect(s.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
