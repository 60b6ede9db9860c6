import { indicatorsFrom, periodOf, periodsBetween } from './indicators';
import { counterDelta, countersOf, zeroCounters } from './indicators.counters';
import { defaultRange, rangeProblem, statsAnswer } from './indicators.view';
import type { Center } from './directory.schema';
import { atState } from '../tests/fixtures/lifecycle.fixture';

describe('periods', () => {
  it('names a day, the Monday of its week and its month', () => {
    expect(periodOf('2026-11-18', 'day')).toBe('2026-11-18');
    expect(periodOf('2026-11-18', 'week')).toBe('2026-11-16');
    expect(periodOf('2026-11-22', 'week')).toBe('2026-11-16'); // a Sunday belongs to the week before
    expect(periodOf('2026-11-18', 'month')).toBe('2026-11');
    expect(periodsBetween('2026-10-30', '2026-11-03', 'month')).toEqual(['2026-10', '2026-11']);
  });

  it('defaults to 30 days, 12 weeks or 12 months ending today, and refuses ranges too long to draw', () => {
    expect(defaultRange('2026-12-01', 'day')).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    expect(defaultRange('2026-12-01', 'week')).toEqual({ from: '2026-09-14', to: '2026-12-01' });
    expect(defaultRange('2026-03-15', 'month')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(rangeProblem('2026-02-01', '2026-01-01', 'day')).toBe('开始日期不能晚于结束日期');
    expect(rangeProblem('2024-01-01', '2026-12-31', 'day')).toMatch(/最多显示400个时段/);
    expect(rangeProblem('2024-01-01', '2026-12-31', 'week')).toBeNull();
  });
});

describe('counters', () => {
  it('a write moves only what changed: the acceptance adds one accepted, at the intake village on its China day', () => {
    const received = atState.received();
    const accepted = atState.accepted();
    expect(counterDelta(received, accepted)).toEqual([{ day: '2026-09-29', centerId: 'v-001', counters: { accepted: 1 } }]);
    expect(counterDelta(accepted, accepted)).toEqual([]);
    expect([...countersOf(atState.closed()).values()].reduce((n, c) => n + (c.settledTownship ?? 0), 0)).toBe(1);
  });

  it('puts the 90th percentile of the time to confirm in its bucket, and beyond the last one when it lies there', () => {
    const c = { ...zeroCounters(), handoffsConfirmed: 10, handoffMinutes: 600, wait1: 8, wait8: 1, waitMore: 1 };
    expect(indicatorsFrom(c).handoffs).toMatchObject({ meanHoursToConfirm: 1, p90HoursToConfirm: 8, p90Beyond: false });
    expect(indicatorsFrom({ ...c, wait1: 1, waitMore: 8 }).handoffs).toMatchObject({ p90HoursToConfirm: 120, p90Beyond: true });
    expect(indicatorsFrom(zeroCounters()).handoffs.p90HoursToConfirm).toBeNull();
  });
});

describe('the answer', () => {
  const centers = [
    { id: 'v-110-001', kind: 'village', name: '甲村', townshipCode: '110' },
    { id: 'ts-110', kind: 'township', name: '峄山镇为民服务中心', townshipCode: '110' },
    { id: 'city', kind: 'city', name: '市民中心', townshipCode: null },
  ] as unknown as Center[];
  const sums = {
    byDay: [{ day: '2026-11-02', counters: { ...zeroCounters(), submitted: 3 } }],
    byCenter: [
      { centerId: 'v-110-001', counters: { ...zeroCounters(), submitted: 2, settledVillage: 1 } },
      { centerId: 'ts-110', counters: { ...zeroCounters(), submitted: 1 } },
      { centerId: 'city', counters: { ...zeroCounters(), settledCity: 1 } },
    ],
    late: [{ centerId: 'v-110-001', n: 1 }],
  };
  it('breaks the city down by township (the city center its own row) and a township by its centers', () => {
    const city = statsAnswer({ at: '2026-11-16T02:00:00.000Z', period: 'week', from: '2026-11-02', to: '2026-11-15', townshipCode: null }, sums, centers);
    expect(city.series.map((s) => [s.period, s.indicators.requests])).toEqual([
      ['2026-11-02', 3],
      ['2026-11-09', 0],
    ]);
    const yishan = city.breakdown.find((b) => b.id === '110')!;
    expect(yishan).toMatchObject({ name: '峄山镇', kind: 'township', drill: true, indicators: { requests: 3, badReviews: { rectificationLate: 1 } } });
    expect(city.breakdown.find((b) => b.id === 'city')).toMatchObject({ kind: 'city', drill: false });
    expect(city.breakdown).toHaveLength(17);
    expect(city.indicators.settledShare).toMatchObject({ village: 0.5, city: 0.5 });
    const town = statsAnswer(
      { at: '2026-11-16T02:00:00.000Z', period: 'day', from: '2026-11-02', to: '2026-11-02', townshipCode: '110' },
      { ...sums, byCenter: sums.byCenter.slice(0, 2) },
      centers,
    );
    expect(town.breakdown.map((b) => [b.id, b.kind])).toEqual([
      ['v-110-001', 'village'],
      ['ts-110', 'township'],
    ]);
    expect(town.scope).toEqual({ townshipCode: '110', name: '峄山镇' });
  });
});
