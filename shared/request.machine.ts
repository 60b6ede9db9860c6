/**
 * The request lifecycle (办件) as ONE transition table: for each event, the states it may
 * start from, the state it leads to, who may take it, a guard on the request, and what it
 * changes. `transition` is the only way a request changes; an illegal step is a coded error.
 *
 * Who may act:
 * - a clerk of the center now holding the request (another center's clerk: NOT_HOLDER);
 * - for a bad review's return call, a clerk of the deciding center, which answers for the result,
 *   or the city's administrator;
 * - the applicant, or a member of the applicant company (anyone else: FORBIDDEN);
 * - the system scheduler (an administrator may trigger its events, and nothing else).
 *
 * Creation is in request.create.ts, the handoff in request.handoff.ts, rating and the return
 * call in request.rating.ts, the overdue scan in
 * request.overdue.ts, and the notes every step writes in request.notes.zh-CN.ts.
 */
import { fail, ok, type ErrorCode, type Result } from './errors';
import { chinaDateOf } from './china.time';
import { DEFAULT_HANDOFF_LIMIT_DAYS, DEFAULT_SUPPLEMENT_DAYS } from './lifecycle.limits';
import { OPEN_STATES } from './queue';
import { EVENT_TYPES, RequestEventSchema, type EventOf, type EventType, type ParsedEvent, type RequestEvent } from './request.events';
import { LIBRARY_CLOCK, clockFlags, raisedFlags, termDeadline } from './request.clock';
import { EVENT_NOTES_ZH_CN as NOTES, WITHDRAWN_HANDOFF_REASON_ZH_CN } from './request.notes.zh-CN';
import { pendingHandoff, replaceHandoff, sendHandoff } from './request.handoff';
import { rate, rectificationOpen, returnCall } from './request.rating';
import type { Actor, AuditEntry, Handoff, Material, Request, RequestState } from './request.schema';
import { applied, type Applied, type MachineOptions, type StepContext, type Transitioned } from './request.step';

type Who = 'holderClerk' | 'deciderClerk' | 'applicant' | 'system';

/** One row of the table: the rule of one event, typed by the event it takes. */
type Rule<K extends EventType> = {
  from: readonly RequestState[];
  to: (r: Request, e: EventOf<K>) => RequestState;
  who: Who;
  /** the code when the state does not allow the event (default ILLEGAL_TRANSITION) */
  notOpen?: ErrorCode | ((r: Request) => ErrorCode);
  /** a condition on the request beyond its state; answers the failure code */
  guard?: (r: Request) => ErrorCode | null;
  apply: (r: Request, e: EventOf<K>, c: StepContext) => Result<Applied>;
};

const to = (state: RequestState) => () => state;
const same = (r: Request) => r.state;
const atDecider = (r: Request): ErrorCode | null => (r.holderCenterId === r.deciderId ? null : 'ILLEGAL_TRANSITION');
const beforeDecider = (r: Request): ErrorCode | null => (r.holderCenterId !== r.deciderId ? null : 'ILLEGAL_TRANSITION');
const atIntake = (r: Request): ErrorCode | null => (r.holderCenterId === r.intakeCenterId ? null : 'ILLEGAL_TRANSITION');

/** A trimmed reason, or REASON_REQUIRED. */
const required = (text: string | undefined): Result<string> => {
  const t = (text ?? '').trim();
  return t ? ok(t) : fail('REASON_REQUIRED', { reason: 'REASON_REQUIRED' });
};

/** The lifecycle, one row per event. */
export const TRANSITIONS: { [K in EventType]: Rule<K> } = {
  precheck: {
    from: ['submitted'],
    to: to('prechecked'),
    who: 'holderClerk',
    guard: beforeDecider,
    apply: (_r, e) => applied({}, NOTES.precheck({ note: e.note?.trim() })),
  },
  sendHandoff: {
    from: ['prechecked'],
    to: to('in_transit'),
    who: 'holderClerk',
    guard: beforeDecider,
    apply: sendHandoff,
  },
  confirmHandoff: {
    from: ['in_transit'],
    to: to('prechecked'),
    who: 'holderClerk',
    // a slip of a matter still open that is no longer in transit was signed (or returned) already
    notOpen: (r) => (OPEN_STATES.includes(r.state) ? 'HANDOFF_NOT_PENDING' : 'ILLEGAL_TRANSITION'),
    apply: (r, e, c) => {
      const h = pendingHandoff(r);
      if (!h) return fail('HANDOFF_NOT_PENDING');
      if (e.code.trim().toUpperCase() !== h.code) return fail('HANDOFF_CODE_MISMATCH', { code: 'HANDOFF_CODE_MISMATCH' });
      const received: Handoff = { ...h, state: 'received', receivedBy: c.actor.userId, receivedAt: c.now };
      return applied({ handoffs: replaceHandoff(r, received) }, NOTES.confirmHandoff());
    },
  },
  returnHandoff: {
    from: ['in_transit'],
    to: to('prechecked'),
    who: 'holderClerk',
    apply: (r, e) => {
      const reason = required(e.reason);
      if (!reason.ok) return reason;
      const h = pendingHandoff(r);
      if (!h) return fail('HANDOFF_NOT_PENDING');
      const returned: Handoff = { ...h, state: 'returned', returnReason: reason.value };
      return applied({ handoffs: replaceHandoff(r, returned), holderCenterId: h.fromCenterId }, NOTES.returnHandoff({ reason: reason.value }));
    },
  },
  accept: {
    from: ['submitted', 'prechecked'],
    to: to('accepted'),
    who: 'holderClerk',
    guard: atDecider,
    apply: (r, _e, c) => {
      const d = termDeadline(r, c.now, c.calendar);
      if (!d.ok) return d;
      return applied({ acceptedAt: c.now, ...d.value }, NOTES.accept(d.value));
    },
  },
  reject: {
    from: ['submitted', 'prechecked'],
    to: to('rejected'),
    who: 'holderClerk',
    apply: (_r, e, c) => {
      const reasons = required(e.reasons);
      if (!reasons.ok) return reasons;
      return applied({ rejection: { reasons: reasons.value, by: c.actor.userId, at: c.now } }, NOTES.reject({ reasons: reasons.value }));
    },
  },
  pause: {
    from: ['accepted'],
    to: to('paused'),
    who: 'holderClerk',
    guard: atDecider,
    apply: (r, e, c) => {
      const reason = required(e.reason);
      if (!reason.ok) return reason;
      // a year the calendar lacks leaves the supplement date unset rather than guessed
      const by = c.calendar.addWorkingDays(c.now, e.supplementDays ?? c.options.supplementDays ?? DEFAULT_SUPPLEMENT_DAYS);
      const supplementBy = by.ok ? by.value : undefined;
      const pause = { from: c.now, reason: reason.value, missing: e.missing, ...(supplementBy ? { supplementBy } : {}) };
      return applied({ pauses: [...r.pauses, pause], dueSoon: false }, NOTES.pause({ reason: reason.value, missing: e.missing, supplementBy }));
    },
  },
  supplement: {
    from: ['paused'],
    to: same,
    who: 'applicant',
    apply: (r, e, c) => {
      const pauses = r.pauses.map((p) => (p.to ? p : { ...p, supplementedAt: c.now }));
      const materials: Material[] = [...r.materials, ...e.materials];
      return applied({ pauses, materials }, NOTES.supplement({ materials: e.materials.length, note: e.note?.trim() }));
    },
  },
  resume: {
    from: ['paused'],
    to: to('accepted'),
    who: 'holderClerk',
    guard: atDecider,
    apply: (r, _e, c) => {
      const pauses = r.pauses.map((p) => (p.to ? p : { ...p, to: c.now }));
      const d = termDeadline({ ...r, pauses }, r.acceptedAt ?? c.now, c.calendar);
      if (!d.ok) return d;
      return applied({ pauses, ...d.value }, NOTES.resume(d.value));
    },
  },
  decide: {
    from: ['accepted'],
    to: (_r, e) => e.outcome,
    who: 'holderClerk',
    guard: atDecider,
    apply: (r, e, c) => {
      const reasons = required(e.reasons);
      if (!reasons.ok) return reasons;
      const late = !!r.deadline && Date.parse(c.now) > Date.parse(r.deadline);
      const decision = { outcome: e.outcome, reasons: reasons.value, by: c.actor.userId, at: c.now };
      // the result goes back to where the applicant handed the matter in
      const changes = { decision, holderCenterId: r.intakeCenterId, dueSoon: false, overdue: r.overdue || late };
      return applied(changes, NOTES.decide({ reasons: reasons.value }));
    },
  },
  deliver: {
    from: ['approved', 'refused'],
    to: to('delivered'),
    who: 'holderClerk',
    guard: atIntake,
    apply: (_r, e, c) => applied({ deliveredAt: c.now }, NOTES.deliver({ note: e.note?.trim() })),
  },
  withdraw: {
    from: ['submitted', 'prechecked', 'in_transit', 'accepted', 'paused'],
    to: to('withdrawn'),
    who: 'applicant',
    apply: (r, e) => {
      // a handoff on its way is called back, so the receiving center does not sign for a withdrawn matter
      const h = pendingHandoff(r);
      const handoffs = h ? replaceHandoff(r, { ...h, state: 'returned', returnReason: WITHDRAWN_HANDOFF_REASON_ZH_CN }) : r.handoffs;
      return applied({ dueSoon: false, handoffs }, NOTES.withdraw({ reason: e.reason?.trim() }));
    },
  },
  rate: {
    from: ['approved', 'refused', 'delivered', 'closed'],
    to: (r) => (r.state === 'delivered' ? 'closed' : r.state),
    who: 'applicant',
    notOpen: 'RATING_NOT_OPEN',
    guard: (r) => (r.rating ? 'ALREADY_RATED' : null),
    apply: rate,
  },
  returnCall: {
    from: ['approved', 'refused', 'delivered', 'closed'],
    to: same,
    who: 'deciderClerk',
    notOpen: 'RECTIFICATION_NOT_OPEN',
    guard: (r) => (rectificationOpen(r) ? null : 'RECTIFICATION_NOT_OPEN'),
    apply: returnCall,
  },
  close: {
    from: ['delivered'],
    to: to('closed'),
    who: 'system',
    apply: (_r, _e, c) => applied({ closedAt: c.now }, NOTES.close()),
  },
  flagOverdue: {
    from: OPEN_STATES,
    to: same,
    who: 'system',
    apply: (r, e, c) => {
      const flags = clockFlags(r, c.now, c.calendar, e.handoffLimitDays ?? c.options.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS);
      return applied(flags, NOTES.flagOverdue(raisedFlags(r, flags)));
    },
  },
};

/** Who may take a step: null when the actor may, else the failure code. */
const actorError = (who: Who, r: Request, a: Actor): ErrorCode | null => {
  if (who === 'system') return a.role === 'system' || a.role === 'admin' ? null : 'FORBIDDEN';
  if (who === 'applicant') return isApplicant(r, a) ? null : 'FORBIDDEN';
  // the city's administrator may record a bad review's return call for any center (the rectification desk)
  if (a.role !== 'clerk') return who === 'deciderClerk' && a.role === 'admin' ? null : 'FORBIDDEN';
  const center = who === 'deciderClerk' ? r.deciderId : r.holderCenterId;
  return a.centerId === center ? null : 'NOT_HOLDER';
};

/** The applicant themself, or a member of the applicant company. */
const isApplicant = (r: Request, a: Actor): boolean => {
  if (a.role !== 'resident' && a.role !== 'company') return false;
  if (a.userId === r.applicant.userId) return true;
  return a.role === 'company' && !!a.companyId && a.companyId === r.applicant.companyId;
};

/** The failure code of taking `type` on `r` as `actor`, judged before the payload is looked at. */
const blocked = (r: Request, type: EventType, actor: Actor): ErrorCode | null => {
  const rule = TRANSITIONS[type];
  const who = actorError(rule.who, r, actor);
  if (who) return who;
  if (!rule.from.includes(r.state)) return (typeof rule.notOpen === 'function' ? rule.notOpen(r) : rule.notOpen) ?? 'ILLEGAL_TRANSITION';
  return rule.guard?.(r) ?? null;
};

/**
 * Runs the row of one event. Generic in the event, so that the row and its payload are known
 * to match (the table is a mapped type over the events).
 */
const step = <K extends EventType>(type: K, request: Request, e: EventOf<K>, c: StepContext): Result<Applied & { state: RequestState }> => {
  const rule: Rule<K> = TRANSITIONS[type];
  const res = rule.apply(request, e, c);
  return res.ok ? ok({ ...res.value, state: rule.to(request, e) }) : res;
};

/** Applies one event; answers the next record with exactly one audit entry, or a coded failure. */
export const transition = (request: Request, event: RequestEvent, actor: Actor, now: string, options: MachineOptions = {}): Result<Transitioned> => {
  if (!chinaDateOf(now)) throw new Error(`transition: now is not an ISO instant: ${now}`);
  const parsed = RequestEventSchema.safeParse(event);
  if (!parsed.success) return fail('VALIDATION_FAILED', fieldsOf(parsed.error.issues));
  const e: ParsedEvent = parsed.data;
  const code = blocked(request, e.type, actor);
  if (code) return fail(code, undefined, `${e.type} in ${request.state} by ${actor.role}`);
  const ctx: StepContext = { actor, now, calendar: options.calendar ?? LIBRARY_CLOCK, options };
  const taken = step(e.type, request, e, ctx);
  if (!taken.ok) return taken;
  const next: Request = { ...request, ...taken.value.changes, state: taken.value.state, version: request.version + 1, updatedAt: now };
  return ok({ request: next, audit: [auditOf(request, next, e.type, actor, now, taken.value.note)] });
};

const fieldsOf = (issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> =>
  Object.fromEntries(issues.map((i) => [i.path.map(String).join('.') || 'event', i.message]));

const auditOf = (before: Request, after: Request, action: string, actor: Actor, now: string, note: string): AuditEntry => ({
  requestId: before.id,
  at: now,
  actor,
  action,
  fromState: before.state,
  toState: after.state,
  centerId: actor.centerId ?? before.holderCenterId,
  note,
});

/** The events the UI may offer this actor now (payload checks such as reasons still apply). */
export const allowedEvents = (request: Request, actor: Actor): EventType[] => EVENT_TYPES.filter((type) => blocked(request, type, actor) === null);
