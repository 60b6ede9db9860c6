/**
 * The IndicatorStore contract: the cells a store keeps equal a recomputation from the raw
 * requests it holds, over random walks of the real lifecycle (shared/request.machine.ts)
 * written through `createRequest` / `updateRequest`; a refused write moves no cell; sums
 * filter by day and center; the late rectification cases are those open past their deadline;
 * a rebuild recounts the same cells. The figures also agree with an independent fold over the
 * requests (tests/support/indicators.oracle.ts), so the counters mean what the dashboard says.
 */
import fc from 'fast-check';
import type { IndicatorStore } from '../../cloudfunctions/core/stores/indicator.port';
import type { RequestStore } from '../../cloudfunctions/core/stores/request.port';
import { countersOfAll, sumCounters, type Counters } from '../../shared/indicators.counters';
import { indicatorsFrom } from '../../shared/indicators';
import { allowedEvents, transition } from '../../shared/request.machine';
import type { RequestEvent, EventType } from '../../shared/request.events';
import type { Actor, Request } from '../../shared/request.schema';
import { CITY, TOWN, VILLAGE, applicant, system, submitted, checklist } from '../fixtures/lifecycle.fixture';
import { indicatorsOf } from '../support/indicators.oracle';
import { codeOf, value } from './contract.kit';

type Ports = RequestStore & IndicatorStore;

const ALL = { from: '2000-01-01', to: '2100-12-31' };
const DETOURS: EventType[] = ['withdraw', 'reject', 'returnHandoff', 'flagOverdue', 'pause'];
const LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
const PATHS = [[VILLAGE, TOWN], [VILLAGE, TOWN, CITY], [TOWN], [VILLAGE], [VILLAGE, CITY]];
const KIND: Record<string, 'village' | 'township' | 'city'> = { [VILLAGE]: 'village', [TOWN]: 'township', [CITY]: 'city' };
const RULE = { village: 'VILLAGE', township: 'TOWNSHIP', city: 'CITY' } as const;

/** A fresh request on one of the paths, its rule naming the kind of its decider. */
const fresh = (id: string, pathIndex: number, promisedDays: number, at: string): Request => {
  const path = PATHS[pathIndex % PATHS.length];
  const r = submitted({ path, promisedDays, at });
  return { ...r, id, idempotencyKey: `key-${id}`, trackingNo: `ZC${id}`, rule: RULE[KIND[path[path.length - 1]]] };
};

/** The event of a type with a payload the machine accepts (variant picks outcomes and levels). */
const eventOf = (r: Request, type: EventType, variant: number, n: number): RequestEvent => {
  const pending = r.handoffs.find((h) => h.state === 'in_transit');
  const e: Record<string, unknown> = { type };
  if (type === 'sendHandoff') Object.assign(e, { handoffId: `h-${n}`, code: `CD${String(n % 10000).padStart(4, '0')}`, checklist });
  if (type === 'confirmHandoff') e.code = pending?.code ?? 'ZZZZZZ';
  if (type === 'returnHandoff') e.reason = '材料不全';
  if (type === 'reject') e.reasons = '不符合受理条件';
  if (type === 'pause') Object.assign(e, { reason: '缺少材料', missing: ['户口簿'] });
  if (type === 'supplement') e.materials = [{ name: '户口簿' }];
  if (type === 'decide') Object.assign(e, { outcome: variant % 2 ? 'approved' : 'refused', reasons: '依法办理' });
  if (type === 'rate') Object.assign(e, { level: LEVELS[variant % LEVELS.length], comment: '', reasons: ['办理时间太长'] });
  if ((type as string) === 'returnCall')
    Object.assign(e, { caller: '王科长', calledAt: r.rating?.at ?? r.updatedAt, note: '已电话回访并说明', satisfied: variant % 2 === 0 });
  return e as RequestEvent;
};

/** Who may take an event: the applicant, the system, a clerk of the holder or of the decider. */
const actorsOf = (r: Request): Actor[] => [
  applicant,
  system,
  { userId: `clerk-${r.holderCenterId}`, role: 'clerk', centerId: r.holderCenterId },
  { userId: `clerk-${r.deciderId}`, role: 'clerk', centerId: r.deciderId },
];

const stepArb = fc.record({ which: fc.nat(), pick: fc.nat(), variant: fc.nat({ max: 9 }), minutes: fc.integer({ min: 1, max: 2 * 24 * 60 }) });
const walkArb = fc.record({
  requests: fc.array(fc.record({ path: fc.nat({ max: PATHS.length - 1 }), promisedDays: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 4 }),
  start: fc.constantFrom('2026-09-14T01:00:00.000Z', '2026-11-20T01:00:00.000Z'),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 60 }),
});

/** The cells summed per center, as a plain map for comparing. */
const byCenter = (rows: readonly { centerId: string; counters: Partial<Counters> }[]) => {
  const out: Record<string, Counters> = {};
  for (const r of rows) out[r.centerId] = sumCounters([out[r.centerId] ?? {}, r.counters]);
  return out;
};
const byDay = (rows: readonly { day: string; counters: Partial<Counters> }[]) => {
  const out: Record<string, Counters> = {};
  for (const r of rows) out[r.day] = sumCounters([out[r.day] ?? {}, r.counters]);
  return out;
};

/** Defines the indicator sentences over the fresh store `current()` answers. */
export function indicatorsContract(current: () => Ports): void {
  describe('IndicatorStore', () => {
    let store: Ports;
    beforeEach(() => {
      store = current();
    });

    it('keeps cells equal to a recomputation from the raw requests over random walks of the lifecycle', async () => {
      const held = new Map<string, Request>();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(walkArb, async (walk) => {
          run += 1;
          let now: string = walk.start;
          const ids = walk.requests.map((_, i) => `req-${run}-${i}`);
          for (const [i, spec] of walk.requests.entries()) {
            const r = fresh(ids[i], spec.path, spec.promisedDays, now);
            value(await store.createRequest(r, []));
            held.set(r.id, r);
          }
          for (const [n, s] of walk.steps.entries()) {
            now = new Date(Date.parse(now) + s.minutes * 60_000).toISOString();
            const r = (await store.getRequest(ids[s.which % ids.length]))!;
            const options = actorsOf(r).flatMap((actor) => allowedEvents(r, actor).map((type) => ({ actor, type })));
            if (!options.length) continue;
            // mostly a forward step, so walks reach decisions, ratings and return calls; a detour one time in five
            const forward = options.filter((o) => !DETOURS.includes(o.type));
            const choices = s.pick % 5 === 0 || !forward.length ? options : forward;
            const { actor, type } = choices[s.pick % choices.length];
            const res = transition(r, eventOf(r, type, s.variant, n), actor, now);
            if (!res.ok) continue;
            value(await store.updateRequest(res.value.request, r.version, res.value.audit));
            held.set(r.id, res.value.request);
          }
          const raw = countersOfAll(held.values());
          expect(byCenter(await store.countersByCenter(ALL))).toEqual(byCenter(raw));
          expect(byDay(await store.countersByDay(ALL))).toEqual(byDay(raw));
          // a range with edge days on both sides (whole months from the month rollup, the rest from the cells), and one center's days
          const part = { from: '2026-09-20', to: '2026-11-25' };
          const inPart = raw.filter((c) => c.day >= part.from && c.day <= part.to);
          expect(byCenter(await store.countersByCenter(part))).toEqual(byCenter(inPart));
          expect(byDay(await store.countersByDay({ ...part, centerIds: [VILLAGE] }))).toEqual(byDay(inPart.filter((c) => c.centerId === VILLAGE)));

          const total = indicatorsFrom(
            sumCounters(raw.map((c) => c.counters)),
            (await store.lateRectifications(now)).reduce((a, l) => a + l.n, 0),
          );
          const oracle = indicatorsOf([...held.values()], (id) => KIND[id], now);
          expect(total).toMatchObject({
            requests: oracle.requests,
            settledBy: oracle.settledBy,
            settledShare: oracle.settledShare,
            overdue: oracle.overdue,
            overdueRate: oracle.overdueRate,
            ratings: oracle.ratings,
            satisfactionRate: oracle.satisfactionRate,
            badReviews: { ...oracle.badReviews },
          });
          expect(total.handoffs).toMatchObject({ confirmed: oracle.handoffs.confirmed, unconfirmedOverdue: oracle.handoffs.unconfirmedOverdue });
          expect(Math.abs(total.handoffs.meanHoursToConfirm - oracle.handoffs.meanHoursToConfirm)).toBeLessThanOrEqual(0.1);
        }),
        { numRuns: 10, seed: 20261201 },
      );
      expect(held.size).toBeGreaterThan(10);
    });

    it('moves no cell when a write is refused, and sums by day range and by center', async () => {
      const r = fresh('req-a', 0, 5, '2026-09-14T01:00:00.000Z');
      value(await store.createRequest(r, []));
      const other = fresh('req-b', 2, 5, '2026-09-16T01:00:00.000Z');
      value(await store.createRequest(other, []));
      const pre = transition(r, { type: 'precheck' }, { userId: 'c', role: 'clerk', centerId: VILLAGE }, '2026-09-14T02:00:00.000Z');
      expect(pre.ok).toBe(true);
      const stale = pre.ok ? { ...pre.value.request, acceptedAt: '2026-09-14T02:00:00.000Z' } : r;
      expect(codeOf(await store.updateRequest({ ...stale, version: 3 }, 2, []))).toBe('CONFLICT');
      const days = await store.countersByDay(ALL);
      expect(days.map((d) => [d.day, d.counters.submitted, d.counters.accepted])).toEqual([
        ['2026-09-14', 1, 0],
        ['2026-09-16', 1, 0],
      ]);
      expect((await store.countersByDay({ from: '2026-09-15', to: '2026-09-16' })).map((d) => d.day)).toEqual(['2026-09-16']);
      expect((await store.countersByCenter({ ...ALL, centerIds: [TOWN] })).map((c) => [c.centerId, c.counters.submitted])).toEqual([[TOWN, 1]]);
      expect((await store.countersByCenter(ALL)).map((c) => c.centerId)).toEqual([TOWN, VILLAGE].sort());
    });

    it('counts the open rectification cases past their deadline by intake center, and rebuilds the same cells', async () => {
      const base = fresh('req-r', 0, 5, '2026-09-14T01:00:00.000Z');
      const rated: Request = {
        ...base,
        state: 'closed',
        decision: { outcome: 'approved', reasons: '符合', by: 'c', at: '2026-09-15T01:00:00.000Z' },
        rating: { level: '不满意', comment: '', at: '2026-09-16T01:00:00.000Z' },
        rectification: { openedAt: '2026-09-16T01:00:00.000Z', deadline: '2026-10-10T01:00:00.000Z', state: 'open' },
      };
      value(await store.createRequest(rated, []));
      const closed: Request = { ...rated, id: 'req-s', idempotencyKey: 'key-s', rectification: { ...rated.rectification!, state: 'closed' } };
      value(await store.createRequest(closed, []));
      expect(await store.lateRectifications('2026-10-10T00:59:59.000Z')).toEqual([]);
      expect(await store.lateRectifications('2026-10-10T01:00:01.000Z')).toEqual([{ centerId: VILLAGE, n: 1 }]);
      const early = { ...rated, id: 'req-t', idempotencyKey: 'key-t', rectification: { ...rated.rectification!, deadline: '2026-10-01T01:00:00.000Z' } };
      value(await store.createRequest(early, []));
      const ids = async (before?: string) => (await store.listRectifications(before ? { before } : {}, { page: 1, pageSize: 10 })).items.map((r) => r.id);
      expect(await ids()).toEqual(['req-t', 'req-r']);
      expect(await ids('2026-10-05T00:00:00.000Z')).toEqual(['req-t']);
      expect((await store.listRectifications({}, { page: 2, pageSize: 1 })).total).toBe(2);
      const before = await store.countersByCenter(ALL);
      expect(before[0].counters).toMatchObject({ badReviews: 3, rectOpen: 2, rectClosed: 1, settledTownship: 3 });
      expect(await store.rebuildIndicators()).toEqual({ requests: 3, cells: 3 });
      expect(await store.countersByCenter(ALL)).toEqual(before);
    });
  });
}
