import { makeHandoff, makeRequest } from '../../../../tests/support/request.fixture';
import { clerkDeadline } from './deadline';

// Monday 2026-03-02, 09:00 China time; the deadline is the end of Friday 2026-03-06 China time
const NOW = '2026-03-02T01:00:00.000Z';
const FRIDAY_END = '2026-03-06T15:59:59.999Z';
const accepted = (o = {}) => makeRequest({ state: 'accepted', acceptedAt: NOW, deadline: FRIDAY_END, holderCenterId: 't-001', ...o });

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
    expect(clerkDeadline(accepted({ deadline: '2027-01-20T15:59:59.999Z' }), '2026-12-28T01:00:00.000Z')).toEqual({ text: '截止2027-01-20', tone: 'gray', date: '2027-01-20' });
  });

  it('stops the clock while paused and shows the promised term before acceptance', () => {
    expect(clerkDeadline(accepted({ state: 'paused' }), NOW)).toEqual({ text: '暂停计时', tone: 'gray' });
    expect(clerkDeadline(makeRequest(), NOW)).toEqual({ text: '受理后5个工作日', tone: 'gray' });
  });
});
