import fc from 'fast-check';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { isErrorCode, type Result } from './errors';
import { EVENT_TYPES, type EventType, type RequestEvent } from './request.events';
import { TRANSITIONS, allowedEvents, transition } from './request.machine';
import { AuditEntrySchema, RequestSchema, type Actor, type Request } from './request.schema';
import type { Transitioned } from './request.step';
import { cn } from '../tests/support/clock';
import {
  VILLAGE,
  TOWN,
  CITY,
  applicant,
  stranger,
  villageClerk,
  townClerk,
  cityClerk,
  admin,
  system,
  submitted,
  step,
  codeOf,
  checklist,
  atState,
} from '../tests/fixtures/lifecycle.fixture';

dayjs.extend(utc);

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
    case 'sendHandoff':
      return { type, handoffId: `h-${n}`, code: `CODE${String(n % 100).padStart(2, '0')}`, checklist: good ? checklist : [] };
    case 'confirmHandoff':
      return { type, code: good && pending ? pending.code : 'ZZZZZZ' };
    case 'returnHandoff':
      return { type, reason: good ? '材料不全' : ' ' };
    case 'reject':
      return { type, reasons: good ? '不符合受理条件' : '' };
    case 'pause':
      return { type, reason: good ? '缺少材料' : '', missing: ['户口簿'] };
    case 'supplement':
      return { type, materials: good ? [{ name: '户口簿' }] : [] };
    case 'decide':
      return { type, outcome: variant % 2 ? 'approved' : 'refused', reasons: good ? '依法办理' : '' };
    case 'rate':
      return { type, level: LEVELS[variant % LEVELS.length], comment: '' };
    default:
      return { type } as RequestEvent;
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
const play = (s: Scenario, check: (before: Request, type: EventType, res: Result<Transitioned>) => void) => {
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
      fc.property(
        fc.constantFrom(...terminals),
        fc.constantFrom(...EVENT_TYPES),
        fc.constantFrom(...Object.keys(ACTORS)),
        fc.integer({ min: 0, max: 4 }),
        (r, type, who, variant) => {
          const res = transition(r, eventOf(r, type, variant, 1), ACTORS[who], cn('2026-10-16T10:00:00'));
          if (res.ok) expect([type, r.state, r.rating, res.value.request.state]).toEqual(['rate', 'closed', undefined, 'closed']);
        },
      ),
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
    fc.assert(
      fc.property(scenarioArb, (s) => play(s, (_b, _t, res) => void (res.ok && reached.add(res.value.request.state)))),
      { numRuns: 300, seed: 42 },
    );
    expect([...reached].sort()).toEqual(
      expect.arrayContaining(['accepted', 'approved', 'closed', 'delivered', 'in_transit', 'paused', 'refused', 'rejected', 'withdrawn']),
    );
  });
});
