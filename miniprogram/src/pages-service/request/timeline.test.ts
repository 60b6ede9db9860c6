import type { AuditEntry } from '@shared/request.schema';
import { centerIdsOf, chinaTime, timelineSteps } from './timeline';

const entry = (at: string, action: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  at,
  action,
  actor: { userId: 'u1', role: 'clerk', name: '张*', centerId: 'v-001' },
  ...extra,
});
const names = { 'v-001': '东村为民服务中心', 't-101': '香城镇为民服务中心' };

describe('the request timeline', () => {
  it('lists the steps oldest first with where, when in China time, and the masked name of who acted', () => {
    const steps = timelineSteps(
      [
        entry('2026-03-03T01:00:00.000Z', 'confirmHandoff', {
          actor: { userId: 'c2', role: 'clerk', name: '李*', centerId: 't-101' },
          fromState: 'in_transit',
          toState: 'prechecked',
        }),
        entry('2026-03-02T01:30:00.000Z', 'submit', { actor: { userId: 'r1', role: 'resident', name: '王*' }, centerId: 'v-001', toState: 'submitted' }),
        entry('2026-03-02T02:00:00.000Z', 'sendHandoff', { fromState: 'prechecked', toState: 'in_transit' }),
      ],
      names,
    );
    expect(steps.map((s) => [s.title, s.state, s.where, s.when, s.who])).toEqual([
      ['提交申请', '已提交', '东村为民服务中心', '2026-03-02 09:30', '申请人 王*'],
      ['移交', '流转中', '东村为民服务中心', '2026-03-02 10:00', '工作人员 张*'],
      ['签收', '已签收', '香城镇为民服务中心', '2026-03-03 09:00', '工作人员 李*'],
    ]);
  });

  it('leaves out reads of the record, which are audit lines but not steps of the matter', () => {
    expect(timelineSteps([entry('2026-03-02T01:00:00.000Z', 'read')], names)).toEqual([]);
  });

  it('keeps the order of steps recorded in the same instant', () => {
    const at = '2026-03-02T01:00:00.000Z';
    expect(timelineSteps([entry(at, 'accept'), entry(at, 'pause')], names).map((s) => s.title)).toEqual(['受理', '要求补正']);
  });

  it('names every center on the path and in the entries once', () => {
    const ids = centerIdsOf({ path: ['v-001', 't-101'], intakeCenterId: 'v-001', deciderId: 't-101' }, [
      entry('2026-03-02T01:00:00.000Z', 'accept', { centerId: 'city' }),
    ]);
    expect(ids.sort()).toEqual(['city', 't-101', 'v-001']);
  });

  it('reads China time across midnight UTC', () => {
    expect(chinaTime('2026-03-02T17:05:00.000Z')).toBe('2026-03-03 01:05');
  });
});
