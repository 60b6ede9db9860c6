import { ACTION_LABELS_ZH_CN, STATE_LABELS_ZH_CN, requestStatusLabel } from './labels.zh-CN';
import { EVENT_TYPES, type RequestEvent } from './request.events';
import { allowedEvents } from './request.machine';
import { RequestSchema, RequestStateSchema, type Actor } from './request.schema';
import { cn } from '../tests/support/clock';
import {
  VILLAGE,
  TOWN,
  CITY,
  CODE,
  applicant,
  stranger,
  villageClerk,
  townClerk,
  cityClerk,
  admin,
  system,
  submitted,
  run,
  step,
  codeOf,
  checklist,
  send,
  atState,
} from '../tests/fixtures/lifecycle.fixture';

describe('the full walk village to township across National Day 2026', () => {
  it('ends closed with a deadline counted on the holiday calendar and one audit entry per step', () => {
    const trail: string[] = [];
    let r = submitted();
    const go = (event: RequestEvent, actor: Actor, at: string) => {
      const res = run(r, event, actor, cn(at));
      if (!res.ok) throw res.error;
      expect(res.value.audit).toHaveLength(1);
      trail.push(`${res.value.audit[0].action}:${res.value.request.state}@${res.value.request.holderCenterId}`);
      r = res.value.request;
    };
    go({ type: 'precheck' }, villageClerk, '2026-09-28T09:30:00');
    go({ type: 'sendHandoff', handoffId: 'h-1', code: CODE, checklist }, villageClerk, '2026-09-28T10:00:00');
    go({ type: 'confirmHandoff', code: 'ab12cd' }, townClerk, '2026-09-29T09:00:00');
    go({ type: 'accept' }, townClerk, '2026-09-29T10:00:00');
    // 30 Sep (1), 1-7 Oct off, 8 Oct (2), 9 Oct (3), Sat 10 Oct make-up (4), 12 Oct (5)
    expect(r.deadline).toBe('2026-10-12T15:59:59.999Z');
    go({ type: 'pause', reason: '缺少材料', missing: ['户口簿复印件'] }, townClerk, '2026-09-30T10:00:00');
    go({ type: 'supplement', materials: [{ name: '户口簿复印件' }] }, applicant, '2026-10-08T09:00:00');
    go({ type: 'resume' }, townClerk, '2026-10-09T10:00:00');
    // the pause covered 8 and 9 Oct: two working days added back
    expect(r.deadline).toBe('2026-10-14T15:59:59.999Z');
    go({ type: 'decide', outcome: 'approved', reasons: '符合条件，准予办理' }, townClerk, '2026-10-13T10:00:00');
    go({ type: 'deliver' }, villageClerk, '2026-10-14T10:00:00');
    go({ type: 'rate', level: '满意', comment: '很方便' }, applicant, '2026-10-15T10:00:00');
    expect(trail).toEqual([
      'precheck:prechecked@v-001',
      'sendHandoff:in_transit@t-001',
      'confirmHandoff:prechecked@t-001',
      'accept:accepted@t-001',
      'pause:paused@t-001',
      'supplement:paused@t-001',
      'resume:accepted@t-001',
      'decide:approved@v-001',
      'deliver:delivered@v-001',
      'rate:closed@v-001',
    ]);
    expect(r.version).toBe(11);
    expect(r.overdue).toBe(false);
    expect(r.handoffs[0]).toMatchObject({ state: 'received', receivedBy: 'clerk-t', fromCenterId: VILLAGE, toCenterId: TOWN });
    expect(r.pauses[0]).toMatchObject({ supplementedAt: cn('2026-10-08T09:00:00'), to: cn('2026-10-09T10:00:00') });
    expect(r.materials.map((m) => m.name)).toEqual(['身份证', '户口簿复印件']);
    expect(RequestSchema.safeParse(r).success).toBe(true);
  });
});

describe('precheck', () => {
  it('moves a submitted request to prechecked at the village', () => {
    expect(atState.prechecked()).toMatchObject({ state: 'prechecked', holderCenterId: VILLAGE, version: 2 });
  });

  it('is illegal at the decider, where the clerk accepts directly', () => {
    expect(codeOf(run(submitted({ path: [TOWN] }), { type: 'precheck' }, townClerk, cn('2026-09-28T10:00:00')))).toBe('ILLEGAL_TRANSITION');
  });

  it('answers NOT_HOLDER to the township clerk while the village holds the request', () => {
    expect(codeOf(run(submitted(), { type: 'precheck' }, townClerk, cn('2026-09-28T10:00:00')))).toBe('NOT_HOLDER');
  });
});

describe('handoffs', () => {
  it('regression: the slip shows when it must be signed for, the handoff limit in working days after sending', () => {
    // sent Monday 28 Sep; two working days later is Wednesday 30 Sep, before National Day
    expect(atState.inTransit().handoffs[0].signBy).toBe('2026-09-30T15:59:59.999Z');
    const longer = step(atState.prechecked(), { type: 'sendHandoff', handoffId: 'ho-2', code: CODE, checklist }, villageClerk, cn('2026-09-28T10:00:00'), {
      handoffLimitDays: 3,
    });
    // Thursday 1 Oct to Wednesday 7 Oct is the holiday: the third working day is Thursday 8 Oct
    expect(longer.handoffs[0].signBy).toBe('2026-10-08T15:59:59.999Z');
  });

  it('sending creates an in-transit handoff to the next center on the path, which becomes the holder', () => {
    const r = atState.inTransit();
    expect(r).toMatchObject({ state: 'in_transit', holderCenterId: TOWN });
    expect(r.handoffs).toEqual([
      expect.objectContaining({ id: 'h-1', code: CODE, fromCenterId: VILLAGE, toCenterId: TOWN, sentBy: 'clerk-v', state: 'in_transit', overdue: false }),
    ]);
  });

  it('sending is illegal from submitted: the village prechecks first', () => {
    const res = run(submitted(), { type: 'sendHandoff', handoffId: 'h-1', code: CODE, checklist }, villageClerk, cn('2026-09-28T10:00:00'));
    expect(codeOf(res)).toBe('ILLEGAL_TRANSITION');
  });

  it('sending with an empty checklist or a malformed code is a validation failure', () => {
    const r = atState.prechecked();
    expect(codeOf(run(r, { type: 'sendHandoff', handoffId: 'h-1', code: CODE, checklist: [] }, villageClerk, cn('2026-09-28T10:00:00')))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeOf(run(r, { type: 'sendHandoff', handoffId: 'h-1', code: 'ab1', checklist }, villageClerk, cn('2026-09-28T10:00:00')))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('confirming with the right code marks the handoff received by the township clerk', () => {
    const r = atState.received();
    expect(r).toMatchObject({ state: 'prechecked', holderCenterId: TOWN });
    expect(r.handoffs[0]).toMatchObject({ state: 'received', receivedBy: 'clerk-t', receivedAt: cn('2026-09-29T09:00:00') });
  });

  it('confirming with a wrong code is HANDOFF_CODE_MISMATCH and changes nothing', () => {
    const r = atState.inTransit();
    const before = structuredClone(r);
    expect(codeOf(run(r, { type: 'confirmHandoff', code: 'ZZZZZZ' }, townClerk, cn('2026-09-29T09:00:00')))).toBe('HANDOFF_CODE_MISMATCH');
    expect(r).toEqual(before);
  });

  it('the sending clerk cannot confirm their own handoff', () => {
    expect(codeOf(run(atState.inTransit(), { type: 'confirmHandoff', code: CODE }, villageClerk, cn('2026-09-29T09:00:00')))).toBe('NOT_HOLDER');
  });

  it('returning needs a reason and sends the request back to the village, which may send it again', () => {
    const r = atState.inTransit();
    expect(codeOf(run(r, { type: 'returnHandoff', reason: '  ' }, townClerk, cn('2026-09-29T09:00:00')))).toBe('REASON_REQUIRED');
    const back = step(r, { type: 'returnHandoff', reason: '缺少宅基地四邻签字' }, townClerk, cn('2026-09-29T09:00:00'));
    expect(back).toMatchObject({ state: 'prechecked', holderCenterId: VILLAGE });
    expect(back.handoffs[0]).toMatchObject({ state: 'returned', returnReason: '缺少宅基地四邻签字' });
    const again = send(back, villageClerk, cn('2026-09-29T15:00:00'), 'QW34ER');
    expect(again.handoffs.map((h) => h.state)).toEqual(['returned', 'in_transit']);
    expect(step(again, { type: 'confirmHandoff', code: 'QW34ER' }, townClerk, cn('2026-09-30T09:00:00')).state).toBe('prechecked');
  });

  it('a city matter travels village, township, city and is accepted only at the city', () => {
    let r = step(submitted({ path: [VILLAGE, TOWN, CITY] }), { type: 'precheck' }, villageClerk, cn('2026-09-28T09:30:00'));
    r = send(r);
    r = step(r, { type: 'confirmHandoff', code: CODE }, townClerk, cn('2026-09-28T14:00:00'));
    expect(codeOf(run(r, { type: 'accept' }, townClerk, cn('2026-09-28T15:00:00')))).toBe('ILLEGAL_TRANSITION');
    r = send(r, townClerk, cn('2026-09-28T15:00:00'), 'CITY01');
    expect(r.handoffs[1]).toMatchObject({ fromCenterId: TOWN, toCenterId: CITY });
    r = step(r, { type: 'confirmHandoff', code: 'CITY01' }, cityClerk, cn('2026-09-29T09:00:00'));
    r = step(r, { type: 'accept' }, cityClerk, cn('2026-09-29T10:00:00'));
    expect(r).toMatchObject({ state: 'accepted', holderCenterId: CITY });
    r = step(r, { type: 'decide', outcome: 'refused', reasons: '不符合条件' }, cityClerk, cn('2026-09-30T10:00:00'));
    expect(r).toMatchObject({ state: 'refused', holderCenterId: VILLAGE });
  });
});

describe('accept', () => {
  it('sets the acceptance time and the deadline on the holiday calendar', () => {
    const r = atState.accepted();
    expect(r).toMatchObject({ state: 'accepted', acceptedAt: cn('2026-09-29T10:00:00'), deadline: '2026-10-12T15:59:59.999Z', deadlinePending: false });
  });

  it('gives an immediate item (即办件) the end of the same working day', () => {
    const r = step(submitted({ path: [TOWN], promisedDays: 0 }), { type: 'accept' }, townClerk, cn('2026-11-27T10:00:00'));
    expect(r.deadline).toBe('2026-11-27T15:59:59.999Z');
  });

  it('still succeeds when the deadline falls in 2027, with the deadline pending the holiday calendar', () => {
    const r = submitted({ path: [TOWN], promisedDays: 30, at: cn('2026-11-28T09:00:00') });
    const res = run(r, { type: 'accept' }, townClerk, cn('2026-11-28T09:00:00'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.request).toMatchObject({ state: 'accepted', deadlinePending: true });
    expect(res.value.request.deadline).toBeUndefined();
    expect(res.value.audit[0].note).toContain('期限待定');
  });

  it('is illegal at the village when the township decides', () => {
    expect(codeOf(run(atState.prechecked(), { type: 'accept' }, villageClerk, cn('2026-09-28T10:00:00')))).toBe('ILLEGAL_TRANSITION');
  });

  it('is forbidden to an administrator', () => {
    expect(codeOf(run(atState.received(), { type: 'accept' }, admin, cn('2026-09-29T10:00:00')))).toBe('FORBIDDEN');
  });
});

describe('reject (不予受理)', () => {
  it('needs reasons and records who rejected and when', () => {
    expect(codeOf(run(submitted(), { type: 'reject', reasons: '' }, villageClerk, cn('2026-09-28T11:00:00')))).toBe('REASON_REQUIRED');
    expect(atState.rejected()).toMatchObject({ state: 'rejected', rejection: { reasons: '材料不齐', by: 'clerk-v' } });
  });

  it('is illegal once the request is accepted', () => {
    expect(codeOf(run(atState.accepted(), { type: 'reject', reasons: '材料不齐' }, townClerk, cn('2026-09-30T10:00:00')))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('pause, supplement and resume', () => {
  it('a pause stops the clock with its reason and the missing materials', () => {
    const r = atState.paused();
    expect(r.state).toBe('paused');
    // 10 working days to supplement, past National Day: 8, 9, 10 (a make-up Saturday), 12-16, 19, 20 Oct
    expect(r.pauses).toEqual([{ from: cn('2026-09-30T10:00:00'), reason: '缺少材料', missing: ['户口簿复印件'], supplementBy: '2026-10-20T15:59:59.999Z' }]);
  });

  it('the supplement term may be set by the event or by the options, and is left unset where the calendar ends', () => {
    const byEvent = step(
      atState.accepted(),
      { type: 'pause', reason: '缺少材料', missing: ['户口簿'], supplementDays: 1 },
      townClerk,
      cn('2026-09-30T10:00:00'),
    );
    expect(byEvent.pauses[0].supplementBy).toBe('2026-10-08T15:59:59.999Z');
    const byOptions = step(atState.accepted(), { type: 'pause', reason: '缺少材料', missing: ['户口簿'] }, townClerk, cn('2026-09-30T10:00:00'), {
      supplementDays: 2,
    });
    expect(byOptions.pauses[0].supplementBy).toBe('2026-10-09T15:59:59.999Z');
    let late = step(submitted({ path: [TOWN], promisedDays: 1, at: cn('2026-12-28T09:00:00') }), { type: 'accept' }, townClerk, cn('2026-12-28T09:00:00'));
    late = step(late, { type: 'pause', reason: '缺少材料', missing: ['户口簿'] }, townClerk, cn('2026-12-29T09:00:00'));
    expect(late.pauses[0].supplementBy).toBeUndefined();
  });

  it('a pause needs a reason', () => {
    expect(codeOf(run(atState.accepted(), { type: 'pause', reason: ' ', missing: [] }, townClerk, cn('2026-09-30T10:00:00')))).toBe('REASON_REQUIRED');
  });

  it('only the applicant may supplement; a stranger is FORBIDDEN and a clerk too', () => {
    const r = atState.paused();
    const event: RequestEvent = { type: 'supplement', materials: [{ name: '户口簿复印件' }] };
    expect(codeOf(run(r, event, stranger, cn('2026-10-08T09:00:00')))).toBe('FORBIDDEN');
    expect(codeOf(run(r, event, townClerk, cn('2026-10-08T09:00:00')))).toBe('FORBIDDEN');
    expect(step(r, event, applicant, cn('2026-10-08T09:00:00')).pauses[0].supplementedAt).toBe(cn('2026-10-08T09:00:00'));
  });

  it('a supplement without materials is a validation failure', () => {
    expect(codeOf(run(atState.paused(), { type: 'supplement', materials: [] }, applicant, cn('2026-10-08T09:00:00')))).toBe('VALIDATION_FAILED');
  });

  it('resuming closes the pause and adds its working days back to the deadline', () => {
    const r = step(atState.paused(), { type: 'resume' }, townClerk, cn('2026-10-09T10:00:00'));
    expect(r).toMatchObject({ state: 'accepted', deadline: '2026-10-14T15:59:59.999Z' });
    expect(r.pauses[0].to).toBe(cn('2026-10-09T10:00:00'));
  });

  it('supplementing is illegal when nothing is paused', () => {
    expect(codeOf(run(atState.accepted(), { type: 'supplement', materials: [{ name: 'x' }] }, applicant, cn('2026-10-08T09:00:00')))).toBe(
      'ILLEGAL_TRANSITION',
    );
  });
});

describe('decide and deliver', () => {
  it('a decision always needs reasons', () => {
    expect(codeOf(run(atState.accepted(), { type: 'decide', outcome: 'refused', reasons: '' }, townClerk, cn('2026-10-09T10:00:00')))).toBe('REASON_REQUIRED');
  });

  it('the result goes back to the intake village, whose clerk delivers it', () => {
    const r = atState.approved();
    expect(r).toMatchObject({ state: 'approved', holderCenterId: VILLAGE, decision: { outcome: 'approved', reasons: '符合条件', by: 'clerk-t' } });
    expect(codeOf(run(r, { type: 'deliver' }, townClerk, cn('2026-10-14T10:00:00')))).toBe('NOT_HOLDER');
    expect(atState.delivered()).toMatchObject({ state: 'delivered', deliveredAt: cn('2026-10-14T10:00:00') });
  });

  it('a decision after the deadline marks the request overdue', () => {
    const r = step(atState.accepted(), { type: 'decide', outcome: 'approved', reasons: '符合条件' }, townClerk, cn('2026-10-13T10:00:00'));
    expect(r.overdue).toBe(true);
  });

  it('delivering before a decision is illegal', () => {
    expect(codeOf(run(submitted({ path: [VILLAGE] }), { type: 'deliver' }, villageClerk, cn('2026-09-28T10:00:00')))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('withdraw', () => {
  it('the applicant may withdraw while the matter is open', () => {
    for (const r of [submitted(), atState.inTransit(), atState.accepted(), atState.paused()]) {
      expect(step(r, { type: 'withdraw', reason: '不办了' }, applicant, cn('2026-10-08T10:00:00')).state).toBe('withdrawn');
    }
  });

  it('a member of the applicant company may withdraw the company matter', () => {
    const member: Actor = { userId: 'u-10', role: 'company', companyId: 'co-1' };
    expect(step(submitted({ company: true }), { type: 'withdraw' }, member, cn('2026-09-28T10:00:00')).state).toBe('withdrawn');
    expect(codeOf(run(submitted({ company: true }), { type: 'withdraw' }, { ...member, companyId: 'co-2' }, cn('2026-09-28T10:00:00')))).toBe('FORBIDDEN');
  });

  it('a resident cannot withdraw someone else’s request', () => {
    expect(codeOf(run(submitted(), { type: 'withdraw' }, stranger, cn('2026-09-28T10:00:00')))).toBe('FORBIDDEN');
  });

  it('withdrawing while a handoff is in transit calls the handoff back, so it can no longer be signed for', () => {
    const withdrawn = step(atState.inTransit(), { type: 'withdraw' }, applicant, cn('2026-09-28T12:00:00'));
    expect(withdrawn.handoffs[0]).toMatchObject({ state: 'returned', returnReason: '申请人已撤回申请' });
    expect(codeOf(run(withdrawn, { type: 'confirmHandoff', code: CODE }, townClerk, cn('2026-09-29T09:00:00')))).toBe('ILLEGAL_TRANSITION');
  });

  it('withdrawing after the decision is illegal', () => {
    expect(codeOf(run(atState.approved(), { type: 'withdraw' }, applicant, cn('2026-10-14T10:00:00')))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('system events', () => {
  it('close archives a delivered request; a clerk may not close', () => {
    const r = atState.delivered();
    expect(codeOf(run(r, { type: 'close' }, villageClerk, cn('2026-10-30T10:00:00')))).toBe('FORBIDDEN');
    expect(step(r, { type: 'close' }, system, cn('2026-10-30T10:00:00'))).toMatchObject({ state: 'closed', closedAt: cn('2026-10-30T10:00:00') });
  });

  it('an administrator may trigger a system event but no lifecycle step', () => {
    expect(step(atState.delivered(), { type: 'close' }, admin, cn('2026-10-30T10:00:00')).state).toBe('closed');
    expect(codeOf(run(atState.paused(), { type: 'resume' }, admin, cn('2026-10-09T10:00:00')))).toBe('FORBIDDEN');
  });
});

describe('allowedEvents', () => {
  it('offers the village clerk precheck and reject on a submitted township matter, and the applicant withdraw', () => {
    const r = submitted();
    expect(allowedEvents(r, villageClerk)).toEqual(['precheck', 'reject']);
    expect(allowedEvents(r, applicant)).toEqual(['withdraw']);
    expect(allowedEvents(r, townClerk)).toEqual([]);
    expect(allowedEvents(r, system)).toEqual(['flagOverdue']);
  });

  it('offers the deciding clerk pause, decide on an accepted matter', () => {
    expect(allowedEvents(atState.accepted(), townClerk)).toEqual(['pause', 'decide']);
  });

  it('offers the applicant rate after delivery and nothing once rated', () => {
    expect(allowedEvents(atState.delivered(), applicant)).toEqual(['rate']);
    expect(allowedEvents(atState.closed(), applicant)).toEqual([]);
  });
});

describe('labels', () => {
  it('regression: after 签收 the status says the matter waits at the receiving center, not 已预审', () => {
    expect(requestStatusLabel(atState.received())).toBe('已签收，待受理');
    expect(requestStatusLabel(atState.prechecked())).toBe('已预审');
    expect(requestStatusLabel(atState.inTransit())).toBe('流转中');
    const midway = { ...atState.received(), deciderId: CITY, path: [VILLAGE, TOWN, CITY] };
    expect(requestStatusLabel(midway)).toBe('已签收，待移交');
    expect(requestStatusLabel(atState.accepted())).toBe('已受理');
  });

  it('name every state and every action in Chinese', () => {
    for (const s of RequestStateSchema.options) expect(STATE_LABELS_ZH_CN[s]).toMatch(/[\u4e00-\u9fa5]/);
    for (const t of [...EVENT_TYPES, 'submit' as const]) expect(ACTION_LABELS_ZH_CN[t]).toMatch(/[\u4e00-\u9fa5]/);
  });
});
