import { createCalendar } from './calendar';
import { scanOverdue } from './request.overdue';
import { cn } from '../tests/support/clock';
import { TOWN, townClerk, system, submitted, run, step, codeOf, atState } from '../tests/fixtures/lifecycle.fixture';

describe('scanOverdue', () => {
  it('flags a request whose deadline passed as overdue, with one audit entry', () => {
    const res = scanOverdue(atState.accepted(), cn('2026-10-13T09:00:00'));
    expect(res.changed).toBe(true);
    expect(res.request).toMatchObject({ overdue: true, dueSoon: false, state: 'accepted', version: 6 });
    expect(res.audit).toEqual([expect.objectContaining({ action: 'flagOverdue', fromState: 'accepted', toState: 'accepted' })]);
  });

  it('flags a request within one working day of its deadline as due soon', () => {
    // deadline Mon 12 Oct; on Sat 10 Oct (a make-up working day) one working day is left
    expect(scanOverdue(atState.accepted(), cn('2026-10-10T09:00:00')).request.dueSoon).toBe(true);
    expect(scanOverdue(atState.accepted(), cn('2026-10-09T09:00:00')).changed).toBe(false);
  });

  it('leaves an unchanged request alone: same record, no audit', () => {
    const r = atState.accepted();
    expect(scanOverdue(r, cn('2026-09-30T09:00:00'))).toEqual({ request: r, changed: false, audit: [] });
  });

  it('flags a handoff unconfirmed for more than 2 working days, counting National Day as no days', () => {
    // sent Mon 28 Sep: 29, 30 Sep are two working days; 8 Oct is the third
    const r = atState.inTransit();
    expect(scanOverdue(r, cn('2026-10-07T09:00:00')).changed).toBe(false);
    const res = scanOverdue(r, cn('2026-10-08T09:00:00'));
    expect(res.request.handoffs[0].overdue).toBe(true);
    expect(res.request.overdue).toBe(true);
  });

  it('honors a configured handoff limit', () => {
    expect(scanOverdue(atState.inTransit(), cn('2026-09-30T09:00:00'), { handoffLimitDays: 1 }).request.handoffs[0].overdue).toBe(true);
  });

  it('resolves a pending deadline once an administrator loads the next year', () => {
    const r = step(submitted({ path: [TOWN], promisedDays: 30, at: cn('2026-11-28T09:00:00') }), { type: 'accept' }, townClerk, cn('2026-11-28T09:00:00'));
    expect(scanOverdue(r, cn('2026-11-30T09:00:00')).changed).toBe(false);
    const calendar = createCalendar({ holidays: ['2027-01-01'], workdays: [], years: [2027] });
    const res = scanOverdue(r, cn('2026-11-30T09:00:00'), { calendar });
    // Nov 30 - Dec 31 holds 24 working days; Jan 1 is off; Jan 4-8 are days 25-29, Jan 11 is day 30
    expect(res.request).toMatchObject({ deadline: '2027-01-11T15:59:59.999Z', deadlinePending: false });
  });

  it('is also an event only the system may send', () => {
    expect(codeOf(run(atState.accepted(), { type: 'flagOverdue' }, townClerk, cn('2026-10-13T09:00:00')))).toBe('FORBIDDEN');
    expect(step(atState.accepted(), { type: 'flagOverdue' }, system, cn('2026-10-13T09:00:00')).overdue).toBe(true);
  });
});
