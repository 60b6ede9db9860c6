import type { AuditEntry } from '@shared/request.schema';
import { applicantActions, centerIdsOf, chinaTime, deadlineView, timelineSteps } from './timeline';

const entry = (at: string, action: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  at, action, actor: { userId: 'u1', role: 'clerk', name: '张*', centerId: 'v-001' }, ...extra,
});
const names = { 'v-001': '东村为民服务中心', 't-101': '香城镇为民服务中心' };

describe('the request timeline', () => {
  it('lists the steps oldest first with where, when in China time, and the masked name of who acted', () => {
    const steps = timelineSteps(
      [
        entry('2026-03-03T01:00:00.000Z', 'confirmHandoff', { actor: { userId: 'c2', role: 'clerk', name: '李*', centerId: 't-101' }, fromState: 'in_transit', toState: 'prechecked' }),
        entry('2026-03-02T01:30:00.000Z', 'submit', { actor: { userId: 'r1', role: 'resident', name: '王*' }, centerId: 'v-001', toState: 'submitted' }),
        entry('2026-03-02T02:00:00.000Z', 'sendHandoff', { fromState: 'prechecked', toState: 'in_transit' }),
      ],
      names,
    );
    expect(steps.map((s) => [s.title, s.state, s.where, s.when, s.who])).toEqual([
      ['提交申请', '已提交', '东村为民服务中心', '2026-03-02 09:30', '申请人 王*'],
      ['移交', '流转中', '东村为民服务中心', '2026-03-02 10:00', '工作人员 张*'],
      ['签收', '已预审', '香城镇为民服务中心', '2026-03-03 09:00', '工作人员 李*'],
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
    const ids = centerIdsOf({ path: ['v-001', 't-101'], intakeCenterId: 'v-001', deciderId: 't-101' }, [entry('2026-03-02T01:00:00.000Z', 'accept', { centerId: 'city' })]);
    expect(ids.sort()).toEqual(['city', 't-101', 'v-001']);
  });

  it('reads China time across midnight UTC', () => {
    expect(chinaTime('2026-03-02T17:05:00.000Z')).toBe('2026-03-03 01:05');
  });
});

describe('the deadline a resident sees', () => {
  const base = { state: 'accepted' as const, promisedDays: 5, overdue: false };

  it('counts the working days left, skipping the weekend', () => {
    // Friday 2026-03-06 morning; the deadline is the end of Tuesday 2026-03-10: Mon and Tue are left
    const v = deadlineView({ ...base, deadline: '2026-03-10T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z');
    expect(v).toEqual({ text: '还剩2个工作日', detail: '截止日期 2026-03-10', tone: 'warn' });
  });

  it('says 期限待定 when the calendar of the deadline year is not published yet', () => {
    expect(deadlineView({ ...base, deadlinePending: true }, '2026-12-28T01:00:00.000Z').text).toBe('期限待定');
  });

  it('shows the date without a count when the server knew a year this build’s calendar does not', () => {
    expect(deadlineView({ ...base, deadline: '2027-01-20T15:59:59.999Z' }, '2026-12-28T01:00:00.000Z')).toMatchObject({ text: '截止日期 2027-01-20', tone: 'gray' });
  });

  it('says the clock stands still while materials are being supplemented', () => {
    expect(deadlineView({ ...base, state: 'paused', deadline: '2026-03-10T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z').text).toBe('待补正，期限暂停计算');
  });

  it('promises the term from acceptance before a request is accepted', () => {
    expect(deadlineView({ ...base, state: 'submitted' }, '2026-03-06T01:00:00.000Z').text).toBe('受理后5个工作日内办结');
  });

  it('flags a passed deadline', () => {
    expect(deadlineView({ ...base, deadline: '2026-03-03T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z').tone).toBe('bad');
  });
});

describe('what the applicant may do', () => {
  it('offers withdraw before a decision, supplement while paused and a rating once decided and not yet rated', () => {
    expect(applicantActions({ state: 'paused' })).toEqual({ withdraw: true, supplement: true, rate: false });
    expect(applicantActions({ state: 'approved' })).toEqual({ withdraw: false, supplement: false, rate: true });
    expect(applicantActions({ state: 'delivered', rating: { level: '满意', comment: '', at: '2026-03-06T01:00:00.000Z' } }).rate).toBe(false);
  });
});
