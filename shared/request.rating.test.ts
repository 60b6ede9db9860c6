import { cn } from '../tests/support/clock';
import { TOWN, admin, applicant, townClerk, villageClerk, submitted, run, step, codeOf, atState } from '../tests/fixtures/lifecycle.fixture';

describe('rate (好差评)', () => {
  it('is not open before a decision', () => {
    expect(codeOf(run(atState.accepted(), { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-08T10:00:00')))).toBe('RATING_NOT_OPEN');
  });

  it('closes a delivered request and cannot be given twice', () => {
    const r = atState.closed();
    expect(r).toMatchObject({ state: 'closed', closedAt: cn('2026-10-15T10:00:00'), rating: { level: '满意' } });
    expect(codeOf(run(r, { type: 'rate', level: '非常满意', comment: '' }, applicant, cn('2026-10-16T10:00:00')))).toBe('ALREADY_RATED');
  });

  it('may be given after the decision, before delivery, without changing the state', () => {
    expect(step(atState.approved(), { type: 'rate', level: '基本满意', comment: '' }, applicant, cn('2026-10-13T12:00:00')).state).toBe('approved');
  });

  it('is open for 5 working days after delivery and closed after', () => {
    // delivered Wed 14 Oct: 15, 16, 19, 20, 21 Oct are the five working days
    const r = atState.delivered();
    expect(codeOf(run(r, { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-21T17:00:00')))).toBe('ok');
    expect(codeOf(run(r, { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-22T09:00:00')))).toBe('RATING_WINDOW_CLOSED');
  });

  it('a bad review opens a rectification due in 15 working days', () => {
    const r = step(atState.delivered(), { type: 'rate', level: '不满意', comment: '等太久', reasons: ['办理时间太长'] }, applicant, cn('2026-10-15T10:00:00'));
    // 16 Oct (1), 19-23 Oct (6), 26-30 Oct (11), 2-5 Nov (15)
    expect(r.rectification).toEqual({ openedAt: cn('2026-10-15T10:00:00'), deadline: '2026-11-05T15:59:59.999Z', state: 'open' });
  });

  it('the rectification term may be set by the event or by the options', () => {
    const byEvent = step(
      atState.delivered(),
      { type: 'rate', level: '非常不满意', comment: '', reasons: ['其他'], rectificationDays: 1 },
      applicant,
      cn('2026-10-15T10:00:00'),
    );
    expect(byEvent.rectification?.deadline).toBe('2026-10-16T15:59:59.999Z');
    const byOptions = step(atState.delivered(), { type: 'rate', level: '非常不满意', comment: '', reasons: ['其他'] }, applicant, cn('2026-10-15T10:00:00'), {
      rectificationDays: 2,
    });
    expect(byOptions.rectification?.deadline).toBe('2026-10-19T15:59:59.999Z');
  });

  it('a bad review over New Year 2027 gets a strict calendar-day rectification deadline marked pending', () => {
    let r = step(submitted({ path: [TOWN], promisedDays: 1, at: cn('2026-12-28T09:00:00') }), { type: 'accept' }, townClerk, cn('2026-12-28T09:00:00'));
    r = step(r, { type: 'decide', outcome: 'approved', reasons: '符合条件' }, townClerk, cn('2026-12-29T09:00:00'));
    r = step(r, { type: 'deliver' }, townClerk, cn('2026-12-30T09:00:00'));
    r = step(r, { type: 'rate', level: '不满意', comment: '', reasons: ['结果不合理'] }, applicant, cn('2027-01-02T09:00:00'));
    expect(r.rectification).toMatchObject({ deadline: '2027-01-17T15:59:59.999Z', deadlinePending: true });
    expect(r.state).toBe('closed');
  });

  it('cannot be judged late when the calendar does not cover the days since delivery', () => {
    let r = step(submitted({ path: [TOWN], promisedDays: 1, at: cn('2026-12-28T09:00:00') }), { type: 'accept' }, townClerk, cn('2026-12-28T09:00:00'));
    r = step(r, { type: 'decide', outcome: 'approved', reasons: '符合条件' }, townClerk, cn('2026-12-29T09:00:00'));
    r = step(r, { type: 'deliver' }, townClerk, cn('2026-12-30T09:00:00'));
    expect(codeOf(run(r, { type: 'rate', level: '满意', comment: '' }, applicant, cn('2027-01-12T09:00:00')))).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('a bad review and its return call (整改回访)', () => {
  const bad = (reasons: string[], comment = '') =>
    run(atState.delivered(), { type: 'rate', level: '不满意', comment, reasons }, applicant, cn('2026-10-15T10:00:00'));
  const rectifying = () =>
    step(atState.delivered(), { type: 'rate', level: '非常不满意', comment: '跑了三趟', reasons: ['来回跑了多次'] }, applicant, cn('2026-10-15T10:00:00'));
  const call = {
    type: 'returnCall' as const,
    caller: '李*',
    calledAt: cn('2026-10-16T09:30:00'),
    note: '已致歉，说明了材料要求，下次可网上预约',
    satisfied: true,
  };

  it('regression: 不满意 with no reason is refused, so a bad review always says what went wrong', () => {
    expect(codeOf(bad([]))).toBe('RATING_REASON_REQUIRED');
    expect(codeOf(bad([], '等太久'))).toBe('RATING_REASON_REQUIRED');
  });

  it('takes reason tags from the list only, with the optional text beside them', () => {
    expect(codeOf(bad(['排队太长']))).toBe('VALIDATION_FAILED');
    const r = bad(['办理时间太长', '办理时间太长'], '  等了两周 ');
    expect(r.ok && r.value.request.rating).toMatchObject({ level: '不满意', reasons: ['办理时间太长'], comment: '等了两周' });
  });

  it('a good rating needs no reason', () => {
    expect(codeOf(run(atState.delivered(), { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-15T10:00:00')))).toBe('ok');
  });

  it('is recorded by a clerk of the deciding center, which closes the case with who called, when, what was said and the outcome', () => {
    const r = step(rectifying(), call, townClerk, cn('2026-10-16T10:00:00'));
    expect(r.state).toBe('closed');
    expect(r.rectification).toMatchObject({
      state: 'closed',
      returnCall: {
        by: townClerk.userId,
        caller: '李*',
        at: cn('2026-10-16T09:30:00'),
        note: call.note,
        satisfied: true,
        recordedAt: cn('2026-10-16T10:00:00'),
      },
    });
  });

  it('is not for the intake village, nor twice, nor without a bad review', () => {
    expect(codeOf(run(rectifying(), call, villageClerk, cn('2026-10-16T10:00:00')))).toBe('NOT_HOLDER');
    const done = step(rectifying(), call, townClerk, cn('2026-10-16T10:00:00'));
    expect(codeOf(run(done, call, townClerk, cn('2026-10-16T11:00:00')))).toBe('RECTIFICATION_NOT_OPEN');
    expect(codeOf(run(atState.closed(), call, townClerk, cn('2026-10-16T10:00:00')))).toBe('RECTIFICATION_NOT_OPEN');
  });

  it("may be recorded by the city's administrator for any center, and by no resident", () => {
    const r = step(rectifying(), call, admin, cn('2026-10-16T10:00:00'));
    expect(r.rectification).toMatchObject({ state: 'closed', returnCall: { by: admin.userId, caller: '李*' } });
    expect(codeOf(run(rectifying(), call, applicant, cn('2026-10-16T10:00:00')))).toBe('FORBIDDEN');
  });

  it('regression: takes a call written to the minute of the bad review itself', () => {
    const sameMinute = step(rectifying(), { ...call, calledAt: cn('2026-10-15T10:00:00') }, townClerk, cn('2026-10-15T10:00:30'));
    expect(sameMinute.rectification?.state).toBe('closed');
  });

  it('refuses an empty note and a call in the future or before the bad review', () => {
    expect(codeOf(run(rectifying(), { ...call, note: '  ' }, townClerk, cn('2026-10-16T10:00:00')))).toBe('REASON_REQUIRED');
    expect(codeOf(run(rectifying(), { ...call, calledAt: cn('2026-10-16T12:00:00') }, townClerk, cn('2026-10-16T10:00:00')))).toBe('VALIDATION_FAILED');
    expect(codeOf(run(rectifying(), { ...call, calledAt: cn('2026-10-14T12:00:00') }, townClerk, cn('2026-10-16T10:00:00')))).toBe('VALIDATION_FAILED');
  });
});
