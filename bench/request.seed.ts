/**
 * A deterministic crowd of requests for the clerk-queue benchmark. Each request is routed with
 * the real rules from a random applicant (residents of every village, companies of every
 * township and the zone), built with `newRequest`, and walked with `transition` to a target
 * state, so every record is one the domain could have produced. A share of them is left late
 * (accepted long ago, or a handoff nobody signed for) for the overdue scan to find.
 */
import type { Item } from '../shared/catalogue.schema';
import type { Center } from '../shared/directory.schema';
import type { Directory } from '../shared/directory';
import type { Applicant, RouteDecision } from '../shared/routing.schema';
import type { Actor, AuditEntry, Request, RequestState } from '../shared/request.schema';
import { route } from '../shared/routing.rules';
import { newRequest } from '../shared/request.create';
import { transition } from '../shared/request.machine';
import type { RequestEvent } from '../shared/request.events';
import { TOWNSHIPS } from '../shared/townships';
import { filledForm } from '../tests/support/sample.people';
import { seededRandom } from './bench.stats';

export type SeedOptions = { count: number; now: string; overdueShare: number; seed: number };
export type Seeded = { request: Request; audit: AuditEntry[]; late: boolean };
type Target = Exclude<RequestState, 'withdrawn' | 'rejected'>;
type Rnd = () => number;

/** How the requests spread over the states (weights, roughly a working city's week). */
export const TARGET_MIX: Record<Target, number> = {
  submitted: 10,
  prechecked: 6,
  in_transit: 7,
  accepted: 18,
  paused: 4,
  approved: 6,
  refused: 2,
  delivered: 7,
  closed: 40,
};
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** States where a running clock would flag a short term: only items of 3+ working days land there on time. */
const CLOCKED: readonly Target[] = ['accepted', 'paused', 'approved', 'refused'];

const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const between = (rnd: Rnd, lo: number, hi: number): number => lo + rnd() * (hi - lo);
const hex = (rnd: Rnd, n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
const code = (rnd: Rnd): string => Array.from({ length: 6 }, () => pick(rnd, [...CODE_ALPHABET])).join('');

const weighted = (rnd: Rnd): Target => {
  const entries = Object.entries(TARGET_MIX) as [Target, number][];
  let x = rnd() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [target, w] of entries) if ((x -= w) < 0) return target;
  return 'closed';
};

/** Nine in ten applicants are residents of a random village, the rest companies. */
const applicantOf = (rnd: Rnd, villages: readonly Center[], n: number): { applicant: Applicant; user: Request['applicant'] } => {
  if (rnd() < 0.9) {
    const village = pick(rnd, villages);
    return {
      applicant: { type: 'person', homeVillageId: village.id },
      user: { userId: `res-bench-${n % 20_000}`, type: 'person', nameMasked: '张*', homeVillageId: village.id },
    };
  }
  const location = rnd() < 0.2 ? ('zone' as const) : { townshipCode: pick(rnd, TOWNSHIPS).code };
  const company = `co-bench-${n % 2_000}`;
  return { applicant: { type: 'company', location }, user: { userId: `cm-bench-${n % 2_000}`, type: 'company', companyId: company, nameMasked: '示例*公司' } };
};

type Fits = (item: Item, decision: RouteDecision) => boolean;

/** A random item the applicant may start, with its routing, that fits what the target state needs. */
const routedItem = (rnd: Rnd, items: readonly Item[], applicant: Applicant, dir: Directory, fits: Fits) => {
  for (;;) {
    const item = pick(rnd, items);
    const decision = route(item, applicant, dir);
    if (decision.ok && fits(item, decision.value)) return { item, decision: decision.value };
  }
};

const travels = (d: RouteDecision): boolean => d.intake.some((i) => i.path.length > 1);

/**
 * Late ones need a term that surely ran out (accepted) or a path to travel (a handoff);
 * on-time ones in a running clock need 3+ working days, so the scan leaves them alone.
 */
const fitsOf = (target: Target, late: boolean): Fits => {
  if (late) return target === 'accepted' ? (i) => i.promisedDays >= 1 && i.promisedDays <= 20 : (_i, d) => travels(d);
  return CLOCKED.includes(target) ? (i) => i.promisedDays >= 3 : () => true;
};

const clerkOf = (r: Request): Actor => ({ userId: `clerk-${r.holderCenterId}`, role: 'clerk', centerId: r.holderCenterId });
const applicantActorOf = (r: Request): Actor => ({
  userId: r.applicant.userId,
  role: r.applicant.type === 'company' ? 'company' : 'resident',
  ...(r.applicant.companyId ? { companyId: r.applicant.companyId } : {}),
});

/** The clerk steps that carry a request from its intake center up to its decider. */
const toDecider = (hops: number, rnd: Rnd): RequestEvent[] =>
  Array.from({ length: hops }, (_, i): RequestEvent[] => [
    ...(i === 0 ? [{ type: 'precheck' } as const] : []),
    { type: 'sendHandoff', handoffId: `ho-${hex(rnd, 12)}`, code: code(rnd), checklist: [{ name: '申请表', form: 'paper_original', count: 1 }] },
    { type: 'confirmHandoff', code: '' }, // the slip's code is read when the step is taken
  ]).flat();

/** The events that lead from `submitted` to the target, for a path of `hops` handoffs. */
const eventsFor = (target: Target, hops: number, rnd: Rnd): RequestEvent[] => {
  const climb = toDecider(hops, rnd);
  const decided: RequestEvent[] = [
    ...climb,
    { type: 'accept' },
    { type: 'decide', outcome: target === 'refused' ? 'refused' : 'approved', reasons: '经审查，符合条件' },
  ];
  switch (target) {
    case 'submitted':
      return [];
    case 'prechecked':
      return hops ? [{ type: 'precheck' }] : [];
    case 'in_transit':
      return climb.slice(0, 2);
    case 'accepted':
      return [...climb, { type: 'accept' }];
    case 'paused':
      return [...climb, { type: 'accept' }, { type: 'pause', reason: '材料不全', missing: ['户口簿'] }];
    case 'approved':
    case 'refused':
      return decided;
    case 'delivered':
      return [...decided, { type: 'deliver' }];
    case 'closed':
      return [...decided, { type: 'deliver' }, rnd() < 0.5 ? { type: 'close' } : { type: 'rate', level: '满意', comment: '' }];
  }
};

const actorFor = (e: RequestEvent, r: Request): Actor => {
  if (e.type === 'close') return { userId: 'system', role: 'system' };
  return e.type === 'rate' ? applicantActorOf(r) : clerkOf(r);
};

/** How long ago the last step happened: late ones long ago, open ones today, finished ones within weeks. */
const lastStepAgo = (rnd: Rnd, target: Target, late: boolean): number => {
  if (late) return target === 'accepted' ? between(rnd, 60, 70) * DAY : between(rnd, 5, 10) * DAY;
  return ['delivered', 'closed', 'approved', 'refused'].includes(target) ? between(rnd, 0.5, 40) * DAY : between(rnd, 0.5, 12) * HOUR;
};

/** Walks a fresh request through its events, one to two hours apart, ending `ago` before now. */
const walk = (seed: { request: Request; audit: AuditEntry[] }, events: RequestEvent[], start: number): { request: Request; audit: AuditEntry[] } => {
  let { request } = seed;
  const audit = [...seed.audit];
  events.forEach((e, i) => {
    const event = e.type === 'confirmHandoff' ? { ...e, code: request.handoffs[request.handoffs.length - 1].code } : e;
    const step = transition(request, event, actorFor(event, request), new Date(start + (i + 1) * 1.5 * HOUR).toISOString());
    if (!step.ok) throw new Error(`bench seed: ${event.type} on ${request.state} failed: ${step.error.code}`);
    request = step.value.request;
    audit.push(...step.value.audit);
  });
  return { request, audit };
};

/** One seeded request; `n` makes its ids and applicant. */
const seededRequest = (rnd: Rnd, n: number, o: SeedOptions, dir: Directory, items: readonly Item[], villages: readonly Center[]): Seeded => {
  const late = rnd() < o.overdueShare;
  const target: Target = late ? (rnd() < 0.5 ? 'accepted' : 'in_transit') : weighted(rnd);
  const { applicant, user } = applicantOf(rnd, villages, n);
  const { item, decision } = routedItem(rnd, items, applicant, dir, fitsOf(target, late));
  const option =
    late && target === 'in_transit'
      ? pick(
          rnd,
          decision.intake.filter((i) => i.path.length > 1),
        )
      : pick(rnd, decision.intake);
  const events = eventsFor(target, option.path.length - 1, rnd);
  const start = Date.parse(o.now) - lastStepAgo(rnd, target, late) - (events.length + 1) * 1.5 * HOUR;
  const built = newRequest(
    { item, user, form: filledForm(item), materials: [{ name: '居民身份证' }], decision: decisionRef(decision), option, idempotencyKey: `bench-${n}` },
    new Date(start).toISOString(),
    { id: `req-${hex(rnd, 20)}`, trackingNo: `ZC${String(n).padStart(12, '0')}` },
  );
  const walked = walk(built, events, start);
  return { ...walked, late };
};

const decisionRef = (d: RouteDecision) => ({ rule: d.rule, decider: { id: d.decider.id } });

/** Yields `count` requests over the directory and catalogue, the same ones for the same seed. */
export function* benchRequests(o: SeedOptions, dir: Directory, items: readonly Item[]): Generator<Seeded> {
  const rnd = seededRandom(o.seed);
  const villages = dir.ofKind('village');
  for (let n = 0; n < o.count; n++) yield seededRequest(rnd, n, o, dir, items, villages);
}
