/**
 * The life of a demand as pure functions: raising it with its due times in working days, and
 * one transition per step, each answering the next demand or a coded error. Who may act is
 * part of each step: the 企业管家 acknowledges, forwards, answers and calls back; a forwarded
 * demand is answered by its handling center; the company rates the answer.
 */
import { fail, ok, type Result } from './errors';
import { addChinaDays, chinaDateOf, endOfChinaDay } from './china.time';
import type { ClockCalendar } from './request.clock';
import type { Role } from './identity.schema';
import { isBadReview, type RatingLevel } from './rating.levels';
import { OPEN_DEMAND_STATES, type DemandAction, type DemandCategory, type DemandState } from './demand.terms';
import type { Demand } from './demand.schema';

/** Working days the officer has to acknowledge a demand, and to answer it (configurable: loadConfig). */
export const DEFAULT_DEMAND_ACK_DAYS = 1;
export const DEFAULT_DEMAND_ANSWER_DAYS = 5;
export type DemandLimits = { ackDays: number; answerDays: number };

/** Who acts on a demand, as the access rules see them. */
export type DemandActor = { id: string; role: Role; centerId?: string; companyId?: string; name?: string };
export type DemandCalendar = Pick<ClockCalendar, 'addWorkingDays'>;

export type DemandStep =
  | { action: 'acknowledge' }
  | { action: 'forward'; to: string; note: string }
  | { action: 'answer'; text: string }
  | { action: 'rate'; level: RatingLevel; comment: string }
  | { action: 'returnCall'; note: string };

/**
 * `days` working days after `from`. Where the holiday calendar lacks the year, the same number
 * of calendar days is used and marked pending: working days never end earlier, so it is never lax.
 */
export const dueAfter = (calendar: DemandCalendar, from: string, days: number): Result<{ at: string; pending: boolean }> => {
  const d = calendar.addWorkingDays(from, days);
  if (d.ok) return ok({ at: d.value, pending: false });
  if (d.error.code !== 'CALENDAR_OUT_OF_RANGE') return d;
  return ok({ at: endOfChinaDay(addChinaDays(chinaDateOf(from)!, days)), pending: true });
};

export type NewDemand = {
  id: string;
  company: Pick<Demand, 'companyId' | 'companyName' | 'location'>;
  officer: { centerId: string; userId?: string; name?: string };
  input: { category: DemandCategory; title: string; description: string; attachments: Demand['attachments']; shareable: boolean };
  by: DemandActor;
  now: string;
};

/** A freshly raised demand, with the officer first and both due times set. */
export const newDemand = (p: NewDemand, calendar: DemandCalendar, limits: DemandLimits): Result<Demand> => {
  const ack = dueAfter(calendar, p.now, limits.ackDays);
  const answer = dueAfter(calendar, p.now, limits.answerDays);
  if (!ack.ok) return ack;
  if (!answer.ok) return answer;
  return ok({
    id: p.id,
    version: 1,
    ...p.company,
    ...p.input,
    raisedBy: { userId: p.by.id, ...(p.by.name ? { nameMasked: p.by.name } : {}) },
    raisedAt: p.now,
    officerCenterId: p.officer.centerId,
    ...(p.officer.userId ? { officerId: p.officer.userId } : {}),
    ...(p.officer.name ? { officerName: p.officer.name } : {}),
    holderCenterId: p.officer.centerId,
    path: [p.officer.centerId],
    state: 'raised',
    ackDueAt: ack.value.at,
    answerDueAt: answer.value.at,
    ...(ack.value.pending || answer.value.pending ? { duePending: true } : {}),
    reopens: 0,
    events: [{ at: p.now, action: 'raise', by: p.by.id, ...(p.by.name ? { byName: p.by.name } : {}), note: `${p.input.category}：${p.input.title}` }],
    updatedAt: p.now,
  });
};

/** Whether the actor is the demand's 企业管家 (any clerk of the officer's center while none is named). */
export const isOfficer = (d: Demand, a: DemandActor): boolean =>
  a.role === 'clerk' && a.centerId === d.officerCenterId && (!d.officerId || d.officerId === a.id);

/** The states each step may start from. */
const FROM: Record<DemandStep['action'], readonly DemandState[]> = {
  acknowledge: ['raised'],
  forward: ['acknowledged', 'reopened'],
  answer: ['acknowledged', 'reopened', 'forwarded'],
  rate: ['answered'],
  returnCall: ['reopened'],
};

/** Who may take a step on a demand in its current state; null when they may. */
const refusal = (d: Demand, step: DemandStep, a: DemandActor): Result<never> | null => {
  if (step.action === 'rate') {
    if (a.role !== 'company' || a.companyId !== d.companyId) return fail('FORBIDDEN');
    return FROM.rate.includes(d.state) ? null : fail(d.rating && d.state === 'closed' ? 'ALREADY_RATED' : 'RATING_NOT_OPEN');
  }
  if (a.role !== 'clerk' || !a.centerId || !d.path.includes(a.centerId)) return fail('FORBIDDEN');
  if (!FROM[step.action].includes(d.state)) return fail('ILLEGAL_TRANSITION');
  const byHandler = step.action === 'answer' && d.state === 'forwarded';
  if (byHandler ? a.centerId !== d.holderCenterId : !isOfficer(d, a)) return fail('NOT_HOLDER');
  if (step.action === 'forward' && step.to === d.holderCenterId) return fail('VALIDATION_FAILED', { to: '请选择另一个承办中心' });
  return null;
};

/** The fields a step changes. */
const changes = (d: Demand, step: DemandStep, a: DemandActor, now: string, calendar: DemandCalendar, limits: DemandLimits): Result<Partial<Demand>> => {
  switch (step.action) {
    case 'acknowledge':
      return ok({ state: 'acknowledged', acknowledgedAt: now });
    case 'forward':
      return ok({
        state: 'forwarded',
        holderCenterId: step.to,
        path: d.path.includes(step.to) ? d.path : [...d.path, step.to],
        forward: { to: step.to, note: step.note, at: now, by: a.id },
      });
    case 'answer':
      return ok({ state: 'answered', answer: { text: step.text, at: now, by: a.id, centerId: a.centerId! } });
    case 'returnCall':
      return ok({ returnCall: { by: a.id, at: now, note: step.note } });
    case 'rate': {
      const rating = { level: step.level, comment: step.comment, at: now };
      if (!isBadReview(step.level)) return ok({ state: 'closed', rating });
      // a bad rating sends the demand back to the officer with a fresh answer term and a return call owed
      const due = dueAfter(calendar, now, limits.answerDays);
      if (!due.ok) return due;
      return ok({
        state: 'reopened',
        rating,
        holderCenterId: d.officerCenterId,
        answerDueAt: due.value.at,
        reopens: d.reopens + 1,
        returnCall: undefined,
        // the fresh answer term may pass again, and is told of again
        overdueNoticed: d.overdueNoticed?.filter((t) => t !== 'answer'),
      });
    }
  }
};

/** The note a step leaves on the timeline. */
const noteOf = (step: DemandStep): string | undefined => {
  switch (step.action) {
    case 'forward':
      return step.note;
    case 'answer':
      return step.text;
    case 'returnCall':
      return step.note;
    case 'rate':
      return step.comment ? `${step.level}：${step.comment}` : step.level;
    default:
      return undefined;
  }
};

/** Applies one step by an actor at `now`: the next demand (version + 1, one more event) or a coded error. */
export const stepDemand = (d: Demand, step: DemandStep, a: DemandActor, now: string, calendar: DemandCalendar, limits: DemandLimits): Result<Demand> => {
  const refused = refusal(d, step, a);
  if (refused) return refused;
  const changed = changes(d, step, a, now, calendar, limits);
  if (!changed.ok) return changed;
  const note = noteOf(step);
  const event = {
    at: now,
    action: step.action as DemandAction,
    by: a.id,
    ...(a.name ? { byName: a.name } : {}),
    ...(a.centerId ? { centerId: a.centerId } : {}),
    ...(note ? { note } : {}),
  };
  const next: Demand = { ...d, ...changed.value, version: d.version + 1, updatedAt: now, events: [...d.events, event].slice(-60) };
  if (next.returnCall === undefined) delete next.returnCall;
  if (!next.overdueNoticed?.length) delete next.overdueNoticed;
  return ok(next);
};

/** Whether a demand is past its acknowledgement or its answer term at `now`. */
export const demandOverdue = (d: Demand, now: string): { ack: boolean; answer: boolean } => {
  const open = OPEN_DEMAND_STATES.includes(d.state);
  return { ack: d.state === 'raised' && now > d.ackDueAt, answer: open && now > d.answerDueAt };
};

/** Who may read a demand: its company's members, the clerks of the centers on its path, the administrator. */
export const canSeeDemand = (a: DemandActor, d: Pick<Demand, 'companyId' | 'path'>): boolean => {
  if (a.role === 'admin') return true;
  if (a.role === 'company') return !!a.companyId && a.companyId === d.companyId;
  if (a.role === 'clerk') return !!a.centerId && d.path.includes(a.centerId);
  return false;
};

/**
 * The terms of a demand that have passed at `now` and not been told of yet: the scheduler marks
 * them (a new version) and tells the officer's center and the handling center, once per term.
 */
export const newlyOverdue = (d: Demand, now: string): ('ack' | 'answer')[] => {
  const late = demandOverdue(d, now);
  const told = new Set(d.overdueNoticed ?? []);
  return (['ack', 'answer'] as const).filter((t) => late[t] && !told.has(t));
};
