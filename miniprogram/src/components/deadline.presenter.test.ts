import { makeHandoff, makeRequest } from '../../../tests/support/request.fixture';
import { presentDeadline, type Clocked } from './deadline.presenter';

// Monday 2026-03-02, 09:00 China time; the deadline is the end of Friday 2026-03-06 China time
const NOW = '2026-03-02T01:00:00.000Z';
const FRIDAY_END = '2026-03-06T15:59:59.999Z';
const accepted = (o = {}) => makeRequest({ state: 'accepted', acceptedAt: NOW, deadline: FRIDAY_END, holderCenterId: 't-001', ...o });

const clerkDeadline = (r: Clocked, now: string) => presentDeadline(r, now, 'clerk');
const deadlineView = (r: Clocked, now: string) => presentDeadline(r, now, 'resident');

describe('a deadline on a clerk screen', () => {
  it('counts the working days left on the holiday calendar', () => {
    expect(clerkDeadline(accepted(), NOW)).toEqual({ text: '剩4个工作日', tone: 'ok', date: '2026-03-06' });
  });

  it('says 即将到期 in amber when the scheduler flagged it due soon', () => {
    expect(clerkDeadline(accepted({ dueSoon: true }), '2026-03-05T01:00:00.000Z')).toMatchObject({ text: '即将到期 · 剩1个工作日', tone: 'warn' });
  });

  it('says 已超期 in red when overdue, and for a handoff left unconfirmed too long', () => {
    expect(clerkDeadline(accepted({ overdue: true }), NOW)).toMatchObject({ text: '已超期', tone: 'bad' });
    const lateHandoff = makeRequest({ state: 'in_transit', holderCenterId: 't-001', handoffs: [makeHandoff({ overdue: true })] });
    expect(clerkDeadline(lateHandoff, NOW)).toMatchObject({ text: '已超期', tone: 'bad' });
  });

  it('says 期限待定 when the holiday calendar does not cover the deadline yet', () => {
    expect(clerkDeadline(accepted({ deadline: undefined, deadlinePending: true }), NOW)).toEqual({ text: '期限待定', tone: 'gray' });
  });

  it('shows the date without a count when the deadline lies beyond this build’s calendar', () => {
    expect(clerkDeadline(accepted({ deadline: '2027-01-20T15:59:59.999Z' }), '2026-12-28T01:00:00.000Z')).toEqual({
      text: '截止2027-01-20',
      tone: 'gray',
      date: '2027-01-20',
    });
  });

  it('stops the clock while paused and shows the promised term before acceptance', () => {
    expect(clerkDeadline(accepted({ state: 'paused' }), NOW)).toEqual({ text: '暂停计时', tone: 'gray' });
    expect(clerkDeadline(makeRequest(), NOW)).toEqual({ text: '受理后5个工作日', tone: 'gray' });
  });
});

describe('the deadline a resident sees', () => {
  const base = { state: 'accepted' as const, promisedDays: 5, overdue: false, dueSoon: false, handoffs: [] };

  it('counts the working days left, skipping the weekend', () => {
    // Friday 2026-03-06 morning; the deadline is the end of Tuesday 2026-03-10: Mon and Tue are left
    const v = deadlineView({ ...base, deadline: '2026-03-10T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z');
    expect(v).toEqual({ text: '还剩2个工作日', detail: '截止日期 2026-03-10', tone: 'warn' });
  });

  it('says 期限待定 when the calendar of the deadline year is not published yet', () => {
    expect(deadlineView({ ...base, deadlinePending: true }, '2026-12-28T01:00:00.000Z').text).toBe('期限待定');
  });

  it('shows the date without a count when the server knew a year this build’s calendar does not', () => {
    expect(deadlineView({ ...base, deadline: '2027-01-20T15:59:59.999Z' }, '2026-12-28T01:00:00.000Z')).toMatchObject({
      text: '截止日期 2027-01-20',
      tone: 'gray',
    });
  });

  it('says the clock stands still while materials are being supplemented', () => {
    expect(deadlineView({ ...base, state: 'paused', deadline: '2026-03-10T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z').text).toBe('待补正，期限暂停计算');
  });

  it('promises the term from acceptance before a request is accepted', () => {
    expect(deadlineView({ ...base, state: 'submitted' }, '2026-03-06T01:00:00.000Z').text).toBe('受理后5个工作日内办结');
  });

  it('regression: a closed matter reads 按期办结 beside its 已办结 state, not 已办结 twice', () => {
    expect(deadlineView({ ...base, state: 'closed' }, NOW)).toEqual({ text: '按期办结', tone: 'ok' });
    expect(deadlineView({ ...base, state: 'delivered', overdue: true }, NOW)).toEqual({ text: '超期办结', tone: 'bad' });
  });

  it('regression: a 即办件 promises 当场办结, not 受理后0个工作日内办结', () => {
    expect(deadlineView({ ...base, state: 'submitted', promisedDays: 0 }, NOW).text).toBe('当场办结');
    expect(clerkDeadline({ ...base, state: 'submitted', promisedDays: 0 }, NOW).text).toBe('当场办结');
  });

  it('tells the applicant by when to supplement, and the clerk when that date has passed', () => {
    const pauses = [{ from: NOW, reason: '缺材料', missing: ['户口簿'], supplementBy: FRIDAY_END }];
    const paused = { ...base, state: 'paused' as const, pauses };
    expect(deadlineView(paused, NOW)).toMatchObject({ text: '待补正，期限暂停计算', detail: '请于2026-03-06前补齐材料，补齐后继续计时' });
    expect(clerkDeadline(paused, NOW)).toEqual({ text: '暂停计时 · 补正至2026-03-06', tone: 'gray' });
    const monday = '2026-03-09T01:00:00.000Z';
    expect(clerkDeadline(paused, monday)).toMatchObject({ text: '补正已逾期（应于2026-03-06前）', tone: 'bad' });
    expect(deadlineView(paused, monday)).toMatchObject({ text: '补正期限已过，请尽快补齐', tone: 'bad' });
    const sent = { ...paused, pauses: [{ ...pauses[0], supplementedAt: NOW }] };
    expect(clerkDeadline(sent, monday).text).toBe('暂停计时');
  });

  it('flags a passed deadline', () => {
    expect(deadlineView({ ...base, deadline: '2026-03-03T15:59:59.999Z' }, '2026-03-06T01:00:00.000Z').tone).toBe('bad');
  });
});

describe('one clock, two audiences', () => {
  it('words the same deadline for the resident and for the clerk', () => {
    const r = makeRequest({ state: 'accepted', acceptedAt: NOW, deadline: FRIDAY_END, holderCenterId: 't-001' });
    expect(deadlineView(r, NOW)).toEqual({ text: '还剩4个工作日', detail: '截止日期 2026-03-06', tone: 'ok' });
    expect(clerkDeadline(r, NOW)).toEqual({ text: '剩4个工作日', tone: 'ok', date: '2026-03-06' });
  });

  it('tells the resident the state of a stopped matter, and the clerk that it has ended', () => {
    const withdrawn = makeRequest({ state: 'withdrawn' });
    expect(deadlineView(withdrawn, NOW)).toEqual({ text: '不再计算期限', tone: 'gray' });
    expect(clerkDeadline(withdrawn, NOW)).toMatchObject({ text: '已结束', tone: 'gray' });
  });
});
