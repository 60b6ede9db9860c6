import fc from 'fast-check';
import { LIBRARY_CLOCK } from './request.clock';
import { canSeeDemand, demandOverdue, newDemand, stepDemand, type DemandActor, type DemandStep } from './demand.machine';
import { demandStats } from './demand.stats';
import type { Demand } from './demand.schema';

const LIMITS = { ackDays: 1, answerDays: 5 };
const MONDAY = '2026-11-16T01:00:00.000Z'; // 09:00 in China
const officer: DemandActor = { id: 'clerk-zone', role: 'clerk', centerId: 'zone' };
const city: DemandActor = { id: 'clerk-city', role: 'clerk', centerId: 'city' };
const member: DemandActor = { id: 'u-1', role: 'company', companyId: 'co-1' };
const stranger: DemandActor = { id: 'u-9', role: 'company', companyId: 'co-9' };
const offPath: DemandActor = { id: 'clerk-ts-001', role: 'clerk', centerId: 'ts-001' };

const raised = (): Demand => {
  const r = newDemand(
    {
      id: 'dm-1',
      company: { companyId: 'co-1', companyName: '示例公司', location: 'zone' },
      officer: { centerId: 'zone', userId: 'clerk-zone' },
      input: { category: '融资', title: '贷款贴息', description: '想了解贷款贴息', attachments: [], shareable: false },
      by: member,
      now: MONDAY,
    },
    LIBRARY_CLOCK,
    LIMITS,
  );
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const at = (hours: number) => new Date(Date.parse(MONDAY) + hours * 3_600_000).toISOString();

describe('a demand', () => {
  it('raised on a Monday morning must be acknowledged by Tuesday night and answered within five working days', () => {
    const d = raised();
    expect([d.ackDueAt, d.answerDueAt]).toEqual(['2026-11-17T15:59:59.999Z', '2026-11-23T15:59:59.999Z']);
    expect(demandOverdue(d, at(24))).toEqual({ ack: false, answer: false });
    expect(demandOverdue(d, at(40))).toEqual({ ack: true, answer: false });
  });

  it('goes officer → city → company, and a bad rating sends it back to the officer with a fresh term', () => {
    const steps: [DemandStep, DemandActor][] = [
      [{ action: 'acknowledge' }, officer],
      [{ action: 'forward', to: 'city', note: '市级政策' }, officer],
      [{ action: 'answer', text: '可以申报' }, city],
      [{ action: 'rate', level: '非常不满意', comment: '' }, member],
    ];
    let d = raised();
    for (const [i, [s, a]] of steps.entries()) {
      const r = stepDemand(d, s, a, at(24 * (i + 1)), LIBRARY_CLOCK, LIMITS);
      if (!r.ok) throw new Error(`${s.action}: ${r.error.code}`);
      d = r.value;
    }
    expect(d).toMatchObject({ state: 'reopened', holderCenterId: 'zone', path: ['zone', 'city'], reopens: 1, version: 5 });
    // rated on Friday 11-20: five working days from then, not from the raising
    expect(d.answerDueAt).toBe('2026-11-27T15:59:59.999Z');
  });

  it('refuses the wrong person with a coded error: a stranger, a clerk off the path, the officer answering a forwarded demand', () => {
    const d = raised();
    const code = (s: DemandStep, a: DemandActor, x = d) => {
      const r = stepDemand(x, s, a, at(1), LIBRARY_CLOCK, LIMITS);
      return r.ok ? 'OK' : r.error.code;
    };
    expect(code({ action: 'acknowledge' }, offPath)).toBe('FORBIDDEN');
    expect(code({ action: 'acknowledge' }, member)).toBe('FORBIDDEN');
    expect(code({ action: 'rate', level: '满意', comment: '' }, stranger)).toBe('FORBIDDEN');
    expect(code({ action: 'rate', level: '满意', comment: '' }, member)).toBe('RATING_NOT_OPEN');
    expect(code({ action: 'answer', text: '答复' }, officer)).toBe('ILLEGAL_TRANSITION');
    const forwarded = [{ action: 'acknowledge' as const }, { action: 'forward' as const, to: 'city', note: '转办' }].reduce(
      (x, s) => (stepDemand(x, s, officer, at(1), LIBRARY_CLOCK, LIMITS) as { value: Demand }).value,
      d,
    );
    expect(code({ action: 'answer', text: '答复' }, officer, forwarded)).toBe('NOT_HOLDER');
    expect(canSeeDemand(offPath, forwarded)).toBe(false);
    expect(canSeeDemand(city, forwarded)).toBe(true);
    expect(canSeeDemand(stranger, forwarded)).toBe(false);
  });

  it('whatever steps anyone tries, each applied step moves the version by one and keeps the holder on the path', () => {
    const actors = [officer, city, member, stranger, offPath];
    const step = fc.oneof(
      fc.constant<DemandStep>({ action: 'acknowledge' }),
      fc.constantFrom('city', 'ts-103', 'zone').map((to): DemandStep => ({ action: 'forward', to, note: '转办' })),
      fc.constant<DemandStep>({ action: 'answer', text: '答复' }),
      fc.constantFrom('满意', '不满意').map((level): DemandStep => ({ action: 'rate', level: level as '满意', comment: '' })),
      fc.constant<DemandStep>({ action: 'returnCall', note: '回访' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(step, fc.constantFrom(...actors)), { maxLength: 30 }), (tries) => {
        let d = raised();
        for (const [i, [s, a]] of tries.entries()) {
          const r = stepDemand(d, s, a, at(i + 1), LIBRARY_CLOCK, LIMITS);
          if (!r.ok) continue;
          expect(r.value.version).toBe(d.version + 1);
          expect(r.value.path).toContain(r.value.holderCenterId);
          expect(r.value.path[0]).toBe('zone');
          d = r.value;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the demand indicators', () => {
  it('count by category and place, take the medians of the times and the share of good ratings', () => {
    const d = raised();
    const acked = {
      ...d,
      state: 'closed' as const,
      acknowledgedAt: at(2),
      answer: { text: '答复', at: at(6), by: 'clerk-zone', centerId: 'zone' },
      rating: { level: '满意' as const, comment: '', at: at(7) },
    };
    const bad = {
      ...d,
      state: 'reopened' as const,
      category: '用工' as const,
      acknowledgedAt: at(4),
      answer: { text: '答复', at: at(10), by: 'clerk-zone', centerId: 'zone' },
      rating: { level: '不满意' as const, comment: '', at: at(11) },
    };
    const s = demandStats([acked, bad, d], at(40));
    expect(s).toMatchObject({
      total: 3,
      medianAckHours: 3,
      medianAnswerHours: 8,
      overdue: { ack: 1, answer: 0 },
      satisfaction: { rated: 2, good: 1, share: 0.5 },
    });
    expect(s.byTownship).toEqual([{ code: 'zone', name: '经济开发区', count: 3 }]);
  });
});
