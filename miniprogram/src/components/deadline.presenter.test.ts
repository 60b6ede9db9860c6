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
    expect(deadlineView(withdrawn, NOW)).toEqual({ text: '已撤回', tone: 'gray' });
    expect(clerkDeadline(withdrawn, NOW)).toMatchObject({ text: '已结束', tone: 'gray' });
  });
});
