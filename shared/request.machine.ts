/**
 * The request lifecycle (办件) as ONE transition table: for each event, the states it may
 * start from, the state it leads to, who may take it, a guard on the request, and what it
 * changes. `transition` is the only way a request changes; an illegal step is a coded error.
 *
 * Who may act:
 * - a clerk of the center now holding the request (another center's clerk: NOT_HOLDER);
 * - the applicant, or a member of the applicant company (anyone else: FORBIDDEN);
 * - the system scheduler (an administrator may trigger its events, and nothing else).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { fail, ok, type ErrorCode, type Result } from './errors';
import { chinaDateOf, endOfChinaDay } from './calendar';
import { OPEN_STATES } from './queue';
import {
  EVENT_TYPES,
  RequestEventSchema,
  type EventOf,
  type EventType,
  type ParsedEvent,
  type RequestEvent,
} from './request.events';
import {
  LIBRARY_CLOCK,
  clockFlags,
  flagsChanged,
  termDeadline,
  DEFAULT_HANDOFF_LIMIT_DAYS,
  type ClockCalendar,
} from './request.clock';
import {
  RequestSchema,
  type Actor,
  type AuditEntry,
  type Handoff,
  type Material,
  type RatingLevel,
  type Request,
  type RequestState,
} from './request.schema';
import type { RuleCode } from './routing.schema';

dayjs.extend(utc);

export { RequestEventSchema, EVENT_TYPES, type RequestEvent, type EventType } from './request.events';

/** Tunables of the lifecycle; defaults follow the product design. */
export type MachineOptions = {
  /** an extended calendar (createCalendar) once an administrator loads a new year */
  calendar?: ClockCalendar;
  /** working days a bad review's rectification may take (default 15) */
  rectificationDays?: number;
  /** working days a handoff may wait for its receiving clerk (default 2) */
  handoffLimitDays?: number;
};

/** What a successful step answers: the next record and its audit lines (exactly one). */
export type Transitioned = { request: Request; audit: AuditEntry[] };

/** Working days a bad review's rectification may take unless configured (the design's default). */
export const DEFAULT_RECTIFICATION_DAYS = 15;
/** Working days after delivery (or decision) within which a rating is still accepted. */
export const RATING_WINDOW_DAYS = 5;
const BAD_REVIEWS: readonly RatingLevel[] = ['不满意', '非常不满意'];

type Who = 'holderClerk' | 'applicant' | 'system';
type Ctx = { actor: Actor; now: string; calendar: ClockCalendar; options: MachineOptions };
type Applied = { changes: Partial<Request>; note: string };
type Rule<K extends EventType> = {
  from: readonly RequestState[];
  to: (r: Request, e: EventOf<K>) => RequestState;
  who: Who;
  /** the code when the state does not allow the event (default ILLEGAL_TRANSITION) */
  notOpen?: ErrorCode;
  /** a condition on the request beyond its state; answers the failure code */
  guard?: (r: Request) => ErrorCode | null;
  apply: (r: Request, e: EventOf<K>, c: Ctx) => Result<Applied>;
};

const to = (state: RequestState) => () => state;
const same = (r: Request) => r.state;
const atDecider = (r: Request): ErrorCode | null => (r.holderCenterId === r.deciderId ? null : 'ILLEGAL_TRANSITION');
const beforeDecider = (r: Request): ErrorCode | null => (r.holderCenterId !== r.deciderId ? null : 'ILLEGAL_TRANSITION');
const atIntake = (r: Request): ErrorCode | null => (r.holderCenterId === r.intakeCenterId ? null : 'ILLEGAL_TRANSITION');
const applied = (changes: Partial<Request>, note: string): Result<Applied> => ok({ changes, note });

/** A trimmed reason, or REASON_REQUIRED. */
const required = (text: string | undefined): Result<string> => {
  const t = (text ?? '').trim();
  return t ? ok(t) : fail('REASON_REQUIRED', { reason: 'REASON_REQUIRED' });
};

/** The handoff waiting for the holder's clerk. */
const pendingHandoff = (r: Request): Handoff | undefined =>
  r.handoffs.find((h) => h.state === 'in_transit' && h.toCenterId === r.holderCenterId);

const replaceHandoff = (r: Request, next: Handoff): Handoff[] => r.handoffs.map((h) => (h.id === next.id ? next : h));

/** A deadline as a resident reads it. */
const deadlineNote = (d: { deadline?: string; deadlinePending: boolean }): string =>
  d.deadline ? `办理期限至${chinaDateOf(d.deadline)}` : '节假日日历尚未覆盖办理期限，期限待定';

/** The lifecycle, one row per event. */
export const TRANSITIONS: { [K in EventType]: Rule<K> } = {
  precheck: {
    from: ['submitted'],
    to: to('prechecked'),
    who: 'holderClerk',
    guard: beforeDecider,
    apply: (_r, e) => applied({}, e.note?.trim() || '材料预审通过'),
  },
  sendHandoff: {
    from: ['prechecked'],
    to: to('in_transit'),
    who: 'holderClerk',
    guard: beforeDecider,
    apply: (r, e, c) => {
      const next = r.path[r.path.indexOf(r.holderCenterId) + 1];
      if (!r.path.includes(r.holderCenterId) || !next) return fail('ILLEGAL_TRANSITION', undefined, 'holder has no next center on the path');
      const handoff: Handoff = {
        id: e.handoffId, code: e.code, fromCenterId: r.holderCenterId, toCenterId: next, checklist: e.checklist,
        sentBy: c.actor.userId, sentAt: c.now, state: 'in_transit', overdue: false,
      };
      return applied({ handoffs: [...r.handoffs, handoff], holderCenterId: next }, `流转单${e.code}，随件材料${e.checklist.length}项`);
    },
  },
  confirmHandoff: {
    from: ['in_transit'],
    to: to('prechecked'),
    who: 'holderClerk',
    apply: (r, e, c) => {
      const h = pendingHandoff(r);
      if (!h) return fail('HANDOFF_NOT_PENDING');
      if (e.code.trim().toUpperCase() !== h.code) return fail('HANDOFF_CODE_MISMATCH', { code: 'HANDOFF_CODE_MISMATCH' });
      const received: Handoff = { ...h, state: 'received', receivedBy: c.actor.userId, receivedAt: c.now };
      return applied({ handoffs: replaceHandoff(r, received) }, `签收流转单${h.code}`);
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
      return applied({ handoffs: replaceHandoff(r, returned), holderCenterId: h.fromCenterId }, reason.value);
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
      return applied({ acceptedAt: c.now, ...d.value }, deadlineNote(d.value));
    },
  },
  reject: {
    from: ['submitted', 'prechecked'],
    to: to('rejected'),
    who: 'holderClerk',
    apply: (_r, e, c) => {
      const reasons = required(e.reasons);
      if (!reasons.ok) return reasons;
      return applied({ rejection: { reasons: reasons.value, by: c.actor.userId, at: c.now } }, reasons.value);
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
      const pause = { from: c.now, reason: reason.value, missing: e.missing };
      const note = e.missing.length ? `${reason.value}；需补正：${e.missing.join('、')}` : reason.value;
      return applied({ pauses: [...r.pauses, pause], dueSoon: false }, note);
    },
  },
  supplement: {
    from: ['paused'],
    to: same,
    who: 'applicant',
    apply: (r, e, c) => {
      const pauses = r.pauses.map((p) => (p.to ? p : { ...p, supplementedAt: c.now }));
      const materials: Material[] = [...r.materials, ...e.materials];
      return applied({ pauses, materials }, [`补正材料${e.materials.length}份`, e.note?.trim()].filter(Boolean).join('：'));
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
      return applied({ pauses, ...d.value }, `恢复计时，${deadlineNote(d.value)}`);
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
      return applied({ decision, holderCenterId: r.intakeCenterId, dueSoon: false, overdue: r.overdue || late }, reasons.value);
    },
  },
  deliver: {
    from: ['approved', 'refused'],
    to: to('delivered'),
    who: 'holderClerk',
    guard: atIntake,
    apply: (_r, e, c) => applied({ deliveredAt: c.now }, e.note?.trim() || '办理结果已送达'),
  },
  withdraw: {
    from: ['submitted', 'prechecked', 'in_transit', 'accepted', 'paused'],
    to: to('withdrawn'),
    who: 'applicant',
    apply: (r, e) => {
      // a handoff on its way is called back, so the receiving center does not sign for a withdrawn matter
      const h = pendingHandoff(r);
      const handoffs = h ? replaceHandoff(r, { ...h, state: 'returned', returnReason: '申请人已撤回申请' }) : r.handoffs;
      return applied({ dueSoon: false, handoffs }, e.reason?.trim() || '申请人撤回申请');
    },
  },
  rate: {
    from: ['approved', 'refused', 'delivered', 'closed'],
    to: (r) => (r.state === 'delivered' ? 'closed' : r.state),
    who: 'applicant',
    notOpen: 'RATING_NOT_OPEN',
    guard: (r) => (r.rating ? 'ALREADY_RATED' : null),
    apply: (r, e, c) => rate(r, e, c),
  },
  close: {
    from: ['delivered'],
    to: to('closed'),
    who: 'system',
    apply: (_r, _e, c) => applied({ closedAt: c.now }, '办结归档'),
  },
  flagOverdue: {
    from: OPEN_STATES,
    to: same,
    who: 'system',
    apply: (r, e, c) => {
      const flags = clockFlags(r, c.now, c.calendar, e.handoffLimitDays ?? c.options.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS);
      return applied(flags, overdueNote(r, flags));
    },
  },
};

/** The applicant's rating, with the window check and a rectification case for a bad review. */
const rate = (r: Request, e: EventOf<'rate'>, c: Ctx): Result<Applied> => {
  const open = ratingWindowOpen(r, c);
  if (!open.ok) return open;
  if (!open.value) return fail('RATING_WINDOW_CLOSED');
  const bad = BAD_REVIEWS.includes(e.level);
  const changes: Partial<Request> = { rating: { level: e.level, comment: e.comment, at: c.now } };
  if (r.state === 'delivered') changes.closedAt = c.now;
  if (!bad) return applied(changes, e.level);
  const days = e.rectificationDays ?? c.options.rectificationDays ?? DEFAULT_RECTIFICATION_DAYS;
  const deadline = rectificationDeadline(c, days);
  if (!deadline.ok) return deadline;
  changes.rectification = { openedAt: c.now, state: 'open', ...deadline.value };
  return applied(changes, `${e.level}，已启动整改（${days}个工作日内）`);
};

/**
 * Within 5 working days of delivery (or of the decision when not delivered). Where the calendar
 * lacks the year, a rating within 5 calendar days is surely in time; later ones cannot be judged.
 */
const ratingWindowOpen = (r: Request, c: Ctx): Result<boolean> => {
  const since = r.deliveredAt ?? r.decision?.at ?? r.updatedAt;
  const days = c.calendar.workingDaysBetween(since, c.now);
  if (days.ok) return ok(days.value <= RATING_WINDOW_DAYS);
  const calendarDays = dayjs.utc(c.now).diff(dayjs.utc(since), 'day', true);
  return days.error.code === 'CALENDAR_OUT_OF_RANGE' && calendarDays <= RATING_WINDOW_DAYS ? ok(true) : days;
};

/**
 * The rectification deadline. Where the calendar lacks the year, N calendar days is used and
 * marked pending: N working days never end earlier, so the bound is strict, never lax.
 */
const rectificationDeadline = (c: Ctx, days: number): Result<{ deadline: string; deadlinePending?: boolean }> => {
  const d = c.calendar.addWorkingDays(c.now, days);
  if (d.ok) return ok({ deadline: d.value });
  if (d.error.code !== 'CALENDAR_OUT_OF_RANGE') return d;
  const bound = dayjs.utc(chinaDateOf(c.now)!).add(days, 'day').format('YYYY-MM-DD');
  return ok({ deadline: endOfChinaDay(bound), deadlinePending: true });
};

const overdueNote = (r: Request, f: { overdue: boolean; dueSoon: boolean; handoffs: Handoff[] }): string => {
  const parts: string[] = [];
  if (f.handoffs.some((h, i) => h.overdue && !r.handoffs[i].overdue)) parts.push('流转单超时未签收');
  if (f.overdue && !r.overdue) parts.push('已超过办理期限');
  if (f.dueSoon && !r.dueSoon) parts.push('临近办理期限');
  return parts.join('；') || '超期检查：无变化';
};

/** Who may take a step: null when the actor may, else the failure code. */
const actorError = (who: Who, r: Request, a: Actor): ErrorCode | null => {
  if (who === 'system') return a.role === 'system' || a.role === 'admin' ? null : 'FORBIDDEN';
  if (who === 'applicant') return isApplicant(r, a) ? null : 'FORBIDDEN';
  if (a.role !== 'clerk') return 'FORBIDDEN';
  return a.centerId === r.holderCenterId ? null : 'NOT_HOLDER';
};

/** The applicant themself, or a member of the applicant company. */
const isApplicant = (r: Request, a: Actor): boolean => {
  if (a.role !== 'resident' && a.role !== 'company') return false;
  if (a.userId === r.applicant.userId) return true;
  return a.role === 'company' && !!a.companyId && a.companyId === r.applicant.companyId;
};

/** The failure code of taking `type` on `r` as `actor`, judged before the payload is looked at. */
const blocked = (r: Request, type: EventType, actor: Actor): ErrorCode | null => {
  const rule = TRANSITIONS[type] as unknown as Rule<EventType>;
  const who = actorError(rule.who, r, actor);
  if (who) return who;
  if (!rule.from.includes(r.state)) return rule.notOpen ?? 'ILLEGAL_TRANSITION';
  return rule.guard?.(r) ?? null;
};

/** Applies one event; answers the next record with exactly one audit entry, or a coded failure. */
export const transition = (request: Request, event: RequestEvent, actor: Actor, now: string, options: MachineOptions = {}): Result<Transitioned> => {
  if (!chinaDateOf(now)) throw new Error(`transition: now is not an ISO instant: ${now}`);
  const parsed = RequestEventSchema.safeParse(event);
  if (!parsed.success) return fail('VALIDATION_FAILED', fieldsOf(parsed.error.issues));
  const e: ParsedEvent = parsed.data;
  const code = blocked(request, e.type, actor);
  if (code) return fail(code, undefined, `${e.type} in ${request.state} by ${actor.role}`);
  const rule = TRANSITIONS[e.type] as unknown as Rule<EventType>;
  const ctx: Ctx = { actor, now, calendar: options.calendar ?? LIBRARY_CLOCK, options };
  const step = rule.apply(request, e as never, ctx);
  if (!step.ok) return step;
  const next: Request = { ...request, ...step.value.changes, state: rule.to(request, e as never), version: request.version + 1, updatedAt: now };
  return ok({ request: next, audit: [auditOf(request, next, e.type, actor, now, step.value.note)] });
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
export const allowedEvents = (request: Request, actor: Actor): EventType[] =>
  EVENT_TYPES.filter((type) => blocked(request, type, actor) === null);

/** The scheduler's actor. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };

/** The overdue scan for one request: changes it (as a flagOverdue step) only when a flag changes. */
export const scanOverdue = (
  request: Request,
  now: string,
  options: MachineOptions = {},
): { request: Request; changed: boolean; audit: AuditEntry[] } => {
  const unchanged = { request, changed: false, audit: [] as AuditEntry[] };
  if (!OPEN_STATES.includes(request.state)) return unchanged;
  const calendar = options.calendar ?? LIBRARY_CLOCK;
  const flags = clockFlags(request, now, calendar, options.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS);
  if (!flagsChanged(request, flags)) return unchanged;
  const step = transition(request, { type: 'flagOverdue' }, SYSTEM_ACTOR, now, options);
  return step.ok ? { ...step.value, changed: true } : unchanged;
};

/** What the submit handler hands over: the item, the applicant, the form, and the routing choice. */
export type NewRequestInput = {
  item: { code: string; name: string; promisedDays: number };
  user: Request['applicant'];
  form: Request['form'];
  formHashes?: Request['formHashes'];
  materials: readonly (Omit<Material, 'paperSeen'> & { paperSeen?: boolean })[];
  decision: { rule: RuleCode; decider: { id: string } };
  option: { center: { id: string }; path: readonly { id: string }[] };
  idempotencyKey: string;
  /** who handed it in when not the applicant (a village clerk's 帮办代办) */
  submittedBy?: Actor;
};

/** Builds a submitted request (version 1) and its first audit entry; a malformed input is a bug and throws. */
export const newRequest = (input: NewRequestInput, now: string, ids: { id: string; trackingNo: string }): Transitioned => {
  const path = input.option.path.map((c) => c.id);
  if (path[0] !== input.option.center.id || path[path.length - 1] !== input.decision.decider.id) {
    throw new Error(`newRequest: path ${path.join('>')} does not run from intake to decider`);
  }
  const request = RequestSchema.parse({
    id: ids.id, version: 1, trackingNo: ids.trackingNo,
    itemCode: input.item.code, itemName: input.item.name, promisedDays: input.item.promisedDays,
    applicant: input.user, form: input.form, ...(input.formHashes ? { formHashes: input.formHashes } : {}), materials: input.materials,
    rule: input.decision.rule, intakeCenterId: path[0], deciderId: input.decision.decider.id, path, holderCenterId: path[0],
    state: 'submitted', handoffs: [], pauses: [], submittedAt: now, dueSoon: false, overdue: false,
    idempotencyKey: input.idempotencyKey, updatedAt: now,
  });
  const actor = input.submittedBy ?? applicantActor(request);
  const audit: AuditEntry = { requestId: ids.id, at: now, actor, action: 'submit', toState: 'submitted', centerId: path[0], note: `提交申请：${request.itemName}` };
  return { request, audit: [audit] };
};

/** The applicant as an actor, for entries the applicant causes. */
const applicantActor = (r: Request): Actor => ({
  userId: r.applicant.userId,
  role: r.applicant.type === 'company' ? 'company' : 'resident',
  ...(r.applicant.companyId ? { companyId: r.applicant.companyId } : {}),
  name: r.applicant.nameMasked,
});
