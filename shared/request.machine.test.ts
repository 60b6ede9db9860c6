import fc from 'fast-check';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { createCalendar } from './calendar';
import { isErrorCode, type Result } from './errors';
import { ACTION_LABELS_ZH_CN, STATE_LABELS_ZH_CN } from './labels.zh-CN';
import {
  EVENT_TYPES,
  TRANSITIONS,
  allowedEvents,
  newRequest,
  scanOverdue,
  transition,
  type EventType,
  type RequestEvent,
  type Transitioned,
} from './request.machine';
import { AuditEntrySchema, RequestSchema, RequestStateSchema, type Actor, type Request } from './request.schema';

dayjs.extend(utc);

/** An instant at a China wall-clock time. */
const cn = (dateTime: string): string => dayjs.utc(dateTime).subtract(8, 'hour').toISOString();

const VILLAGE = 'v-001';
const TOWN = 't-001';
const CITY = 'city';
const CODE = 'AB12CD';

const applicant: Actor = { userId: 'u-1', role: 'resident' };
const stranger: Actor = { userId: 'u-2', role: 'resident' };
const villageClerk: Actor = { userId: 'clerk-v', role: 'clerk', centerId: VILLAGE };
const townClerk: Actor = { userId: 'clerk-t', role: 'clerk', centerId: TOWN };
const cityClerk: Actor = { userId: 'clerk-c', role: 'clerk', centerId: CITY };
const admin: Actor = { userId: 'admin-1', role: 'admin' };
const system: Actor = { userId: 'system', role: 'system' };

/** A submitted request at the home village, decided along `path` (village to township by default). */
const submitted = (opts: { path?: string[]; promisedDays?: number; at?: string; company?: boolean } = {}): Request => {
  const path = opts.path ?? [VILLAGE, TOWN];
  return newRequest(
    {
      item: { code: 'T-0001', name: '农村宅基地审批', promisedDays: opts.promisedDays ?? 5 },
      user: opts.company
        ? { userId: 'u-9', type: 'company', companyId: 'co-1', nameMasked: '邹城某公司' }
        : { userId: 'u-1', type: 'person', nameMasked: '张*', homeVillageId: VILLAGE },
      form: { reason: '翻建' },
      materials: [{ name: '身份证' }],
      decision: { rule: 'TOWNSHIP', decider: { id: path[path.length - 1] } },
      option: { center: { id: path[0] }, path: path.map((id) => ({ id })) },
      idempotencyKey: 'key-req-1',
    },
    opts.at ?? cn('2026-09-28T09:00:00'),
    { id: 'req-1', trackingNo: 'ZC20260928AAAAAA' },
  ).request;
};

const run = (r: Request, event: RequestEvent, actor: Actor, at: string, options = {}): Result<Transitioned> =>
  transition(r, event, actor, at, options);

/** Takes a step that must succeed. */
const step = (r: Request, event: RequestEvent, actor: Actor, at: string, options = {}): Request => {
  const res = run(r, event, actor, at, options);
  if (!res.ok) throw new Error(`${event.type} failed: ${res.error.code}`);
  return res.value.request;
};
const codeOf = (res: Result<unknown>): string => (res.ok ? 'ok' : res.error.code);

const checklist = [{ name: '身份证', form: 'paper_copy' as const, count: 1 }];
const send = (r: Request, actor = villageClerk, at = cn('2026-09-28T10:00:00'), code = CODE) =>
  step(r, { type: 'sendHandoff', handoffId: `h-${r.handoffs.length + 1}`, code, checklist }, actor, at);

/** The standard walk up to a state, village to township, clock in late September 2026. */
const atState = {
  prechecked: () => step(submitted(), { type: 'precheck' }, villageClerk, cn('2026-09-28T09:30:00')),
  inTransit: () => send(atState.prechecked()),
  received: () => step(atState.inTransit(), { type: 'confirmHandoff', code: CODE }, townClerk, cn('2026-09-29T09:00:00')),
  accepted: () => step(atState.received(), { type: 'accept' }, townClerk, cn('2026-09-29T10:00:00')),
  paused: () => step(atState.accepted(), { type: 'pause', reason: '缺少材料', missing: ['户口簿复印件'] }, townClerk, cn('2026-09-30T10:00:00')),
  approved: () => step(atState.accepted(), { type: 'decide', outcome: 'approved', reasons: '符合条件' }, townClerk, cn('2026-10-13T10:00:00')),
  delivered: () => step(atState.approved(), { type: 'deliver' }, villageClerk, cn('2026-10-14T10:00:00')),
  closed: () => step(atState.delivered(), { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-15T10:00:00')),
  withdrawn: () => step(submitted(), { type: 'withdraw' }, applicant, cn('2026-09-28T11:00:00')),
  rejected: () => step(submitted(), { type: 'reject', reasons: '材料不齐' }, villageClerk, cn('2026-09-28T11:00:00')),
};

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

describe('newRequest', () => {
  it('builds a submitted request at version 1 held by the intake center, with a submit audit entry', () => {
    const built = newRequest(
      {
        item: { code: 'T-0001', name: '农村宅基地审批', promisedDays: 5 },
        user: { userId: 'u-1', type: 'person', nameMasked: '张*' },
        form: {},
        materials: [{ name: '身份证' }],
        decision: { rule: 'TOWNSHIP', decider: { id: TOWN } },
        option: { center: { id: VILLAGE }, path: [{ id: VILLAGE }, { id: TOWN }] },
        idempotencyKey: 'key-1',
      },
      cn('2026-09-28T09:00:00'),
      { id: 'req-7', trackingNo: 'ZC1' },
    );
    expect(built.request).toMatchObject({ version: 1, state: 'submitted', holderCenterId: VILLAGE, deciderId: TOWN, path: [VILLAGE, TOWN] });
    expect(built.request.materials[0].paperSeen).toBe(false);
    expect(built.audit).toEqual([
      expect.objectContaining({ requestId: 'req-7', action: 'submit', toState: 'submitted', centerId: VILLAGE, actor: expect.objectContaining({ userId: 'u-1', role: 'resident' }) }),
    ]);
  });

  it('refuses a path that does not end at the decider, as a bug', () => {
    expect(() => newRequest(
      {
        item: { code: 'T-0001', name: '事项', promisedDays: 1 },
        user: { userId: 'u-1', type: 'person', nameMasked: '张*' },
        form: {}, materials: [], idempotencyKey: 'k',
        decision: { rule: 'CITY', decider: { id: CITY } },
        option: { center: { id: VILLAGE }, path: [{ id: VILLAGE }, { id: TOWN }] },
      },
      cn('2026-09-28T09:00:00'),
      { id: 'x', trackingNo: 'y' },
    )).toThrow();
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
    expect(codeOf(run(r, { type: 'sendHandoff', handoffId: 'h-1', code: CODE, checklist: [] }, villageClerk, cn('2026-09-28T10:00:00')))).toBe('VALIDATION_FAILED');
    expect(codeOf(run(r, { type: 'sendHandoff', handoffId: 'h-1', code: 'ab1', checklist }, villageClerk, cn('2026-09-28T10:00:00')))).toBe('VALIDATION_FAILED');
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
    expect(r.pauses).toEqual([{ from: cn('2026-09-30T10:00:00'), reason: '缺少材料', missing: ['户口簿复印件'] }]);
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
    expect(codeOf(run(atState.accepted(), { type: 'supplement', materials: [{ name: 'x' }] }, applicant, cn('2026-10-08T09:00:00')))).toBe('ILLEGAL_TRANSITION');
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
    const r = step(atState.delivered(), { type: 'rate', level: '不满意', comment: '等太久' }, applicant, cn('2026-10-15T10:00:00'));
    // 16 Oct (1), 19-23 Oct (6), 26-30 Oct (11), 2-5 Nov (15)
    expect(r.rectification).toEqual({ openedAt: cn('2026-10-15T10:00:00'), deadline: '2026-11-05T15:59:59.999Z', state: 'open' });
  });

  it('the rectification term may be set by the event or by the options', () => {
    const byEvent = step(atState.delivered(), { type: 'rate', level: '非常不满意', comment: '', rectificationDays: 1 }, applicant, cn('2026-10-15T10:00:00'));
    expect(byEvent.rectification?.deadline).toBe('2026-10-16T15:59:59.999Z');
    const byOptions = step(atState.delivered(), { type: 'rate', level: '非常不满意', comment: '' }, applicant, cn('2026-10-15T10:00:00'), { rectificationDays: 2 });
    expect(byOptions.rectification?.deadline).toBe('2026-10-19T15:59:59.999Z');
  });

  it('a bad review over New Year 2027 gets a strict calendar-day rectification deadline marked pending', () => {
    let r = step(submitted({ path: [TOWN], promisedDays: 1, at: cn('2026-12-28T09:00:00') }), { type: 'accept' }, townClerk, cn('2026-12-28T09:00:00'));
    r = step(r, { type: 'decide', outcome: 'approved', reasons: '符合条件' }, townClerk, cn('2026-12-29T09:00:00'));
    r = step(r, { type: 'deliver' }, townClerk, cn('2026-12-30T09:00:00'));
    r = step(r, { type: 'rate', level: '不满意', comment: '' }, applicant, cn('2027-01-02T09:00:00'));
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
  it('name every state and every action in Chinese', () => {
    for (const s of RequestStateSchema.options) expect(STATE_LABELS_ZH_CN[s]).toMatch(/[\u4e00-\u9fa5]/);
    for (const t of [...EVENT_TYPES, 'submit' as const]) expect(ACTION_LABELS_ZH_CN[t]).toMatch(/[\u4e00-\u9fa5]/);
  });
});

// ---------- properties ----------

const TERMINAL = ['withdrawn', 'rejected', 'closed'];
const ACTORS: Record<string, Actor> = {
  applicant,
  stranger,
  village: villageClerk,
  town: townClerk,
  city: cityClerk,
  admin,
  system,
  companyMate: { userId: 'u-11', role: 'company', companyId: 'co-1' },
};
const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;

/** The actor who may take `type` on `r`: the holder's clerk, the applicant or the system. */
const rightActor = (r: Request, type: EventType): Actor => {
  const who = TRANSITIONS[type].who;
  if (who === 'applicant') return applicant;
  if (who === 'system') return system;
  return { userId: `clerk-${r.holderCenterId}`, role: 'clerk', centerId: r.holderCenterId };
};

/** An event of `type`; variant 0 carries a bad payload where the event has one. */
const eventOf = (r: Request, type: EventType, variant: number, n: number): RequestEvent => {
  const good = variant > 0;
  const pending = r.handoffs.find((h) => h.state === 'in_transit');
  switch (type) {
    case 'sendHandoff': return { type, handoffId: `h-${n}`, code: `CODE${String(n % 100).padStart(2, '0')}`, checklist: good ? checklist : [] };
    case 'confirmHandoff': return { type, code: good && pending ? pending.code : 'ZZZZZZ' };
    case 'returnHandoff': return { type, reason: good ? '材料不全' : ' ' };
    case 'reject': return { type, reasons: good ? '不符合受理条件' : '' };
    case 'pause': return { type, reason: good ? '缺少材料' : '', missing: ['户口簿'] };
    case 'supplement': return { type, materials: good ? [{ name: '户口簿' }] : [] };
    case 'decide': return { type, outcome: variant % 2 ? 'approved' : 'refused', reasons: good ? '依法办理' : '' };
    case 'rate': return { type, level: LEVELS[variant % LEVELS.length], comment: '' };
    default: return { type } as RequestEvent;
  }
};

/** 'offered' picks, at run time, one of the events the UI would offer someone: it keeps walks moving forward. */
const commandArb = fc.record({
  type: fc.oneof({ weight: 3, arbitrary: fc.constant('offered' as const) }, { weight: 2, arbitrary: fc.constantFrom(...EVENT_TYPES) }),
  pick: fc.nat(),
  variant: fc.integer({ min: 0, max: 4 }),
  actor: fc.oneof({ weight: 4, arbitrary: fc.constant('auto') }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(ACTORS)) }),
  minutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
});
const scenarioArb = fc.record({
  path: fc.constantFrom([VILLAGE, TOWN], [VILLAGE, TOWN, CITY], [TOWN], [VILLAGE]),
  promisedDays: fc.integer({ min: 0, max: 30 }),
  start: fc.constantFrom('2026-09-14T09:00:00', '2026-12-14T09:00:00'),
  commands: fc.array(commandArb, { minLength: 1, maxLength: 40 }),
});

/** Runs a scenario, calling `check` on every step with the record before and the answer. */
const DETOURS: EventType[] = ['withdraw', 'reject', 'returnHandoff', 'flagOverdue'];
/** One of the events offered to the holder's clerk, the applicant or the system; mostly a forward one. */
const offered = (r: Request, pick: number): EventType => {
  const holderClerk: Actor = { userId: 'clerk-x', role: 'clerk', centerId: r.holderCenterId };
  const all = [...allowedEvents(r, holderClerk), ...allowedEvents(r, applicant), ...allowedEvents(r, system)];
  const forward = all.filter((t) => !DETOURS.includes(t));
  const choices = pick % 6 === 0 || !forward.length ? all : forward;
  return choices.length ? choices[pick % choices.length] : 'rate';
};

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;
const play = (
  s: Scenario,
  check: (before: Request, type: EventType, res: Result<Transitioned>) => void,
) => {
  let now = cn(s.start);
  let r = submitted({ path: [...s.path], promisedDays: s.promisedDays, at: now });
  s.commands.forEach((c, n) => {
    now = dayjs.utc(now).add(c.minutes, 'minute').toISOString();
    const type = c.type === 'offered' ? offered(r, c.pick) : c.type;
    const actor = c.actor === 'auto' ? rightActor(r, type) : ACTORS[c.actor];
    const snapshot = structuredClone(r);
    const res = transition(r, eventOf(r, type, c.variant, n), actor, now);
    expect(r).toEqual(snapshot); // the input is never mutated
    check(r, type, res);
    if (res.ok) r = res.value.request;
  });
};

describe('lifecycle properties', () => {
  it('every answer is a coded error or a valid record one version up with exactly one audit entry', () => {
    fc.assert(
      fc.property(scenarioArb, (s) =>
        play(s, (before, type, res) => {
          if (!res.ok) return expect(isErrorCode(res.error.code)).toBe(true);
          expect(RequestSchema.safeParse(res.value.request).success).toBe(true);
          expect(res.value.request.version).toBe(before.version + 1);
          expect(res.value.audit).toHaveLength(1);
          expect(AuditEntrySchema.safeParse(res.value.audit[0]).success).toBe(true);
          expect(res.value.audit[0]).toMatchObject({ action: type, fromState: before.state, toState: res.value.request.state });
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('a terminal state takes no state-changing event, only a first rating on a closed request', () => {
    fc.assert(
      fc.property(scenarioArb, (s) =>
        play(s, (before, type, res) => {
          if (!TERMINAL.includes(before.state) || !res.ok) return;
          expect([type, before.state, res.value.request.state, before.rating]).toEqual(['rate', 'closed', 'closed', undefined]);
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('every terminal record refuses every event from every actor, except rating an unrated closed one', () => {
    const unratedClosed = step(atState.delivered(), { type: 'close' }, system, cn('2026-10-15T10:00:00'));
    const terminals = [atState.withdrawn(), atState.rejected(), atState.closed(), unratedClosed];
    fc.assert(
      fc.property(fc.constantFrom(...terminals), fc.constantFrom(...EVENT_TYPES), fc.constantFrom(...Object.keys(ACTORS)), fc.integer({ min: 0, max: 4 }), (r, type, who, variant) => {
        const res = transition(r, eventOf(r, type, variant, 1), ACTORS[who], cn('2026-10-16T10:00:00'));
        if (res.ok) expect([type, r.state, r.rating, res.value.request.state]).toEqual(['rate', 'closed', undefined, 'closed']);
      }),
      { numRuns: 500 },
    );
    expect(codeOf(transition(atState.closed(), { type: 'rate', level: '满意', comment: '' }, applicant, cn('2026-10-16T10:00:00')))).toBe('ALREADY_RATED');
  });

  it('the holder is always a center on the request path', () => {
    fc.assert(
      fc.property(scenarioArb, (s) =>
        play(s, (before, _type, res) => {
          expect(before.path).toContain(before.holderCenterId);
          if (res.ok) expect(res.value.request.path).toContain(res.value.request.holderCenterId);
        }),
      ),
      { numRuns: 300 },
    );
  });

  it('the walks reach the terminal states, so the properties above are not vacuous', () => {
    const reached = new Set<string>();
    fc.assert(fc.property(scenarioArb, (s) => play(s, (_b, _t, res) => void (res.ok && reached.add(res.value.request.state)))), { numRuns: 300, seed: 42 });
    expect([...reached].sort()).toEqual(expect.arrayContaining(['accepted', 'approved', 'closed', 'delivered', 'in_transit', 'paused', 'refused', 'rejected', 'withdrawn']));
  });
});
