/**
 * demands: 云上宠企. A member raises a demand; it goes to the company's 企业管家 first (一点服务),
 * who acknowledges it and answers it or forwards it to a handling center; the company rates the
 * answer, and a bad rating reopens it with a return call owed. Every step is one conditional
 * write with its notices: two clerks acting at once get one success and one CONFLICT.
 */
import { DemandsInput, DemandsOutput } from '../../shared/api.company.schema';
import { AppError } from '../../shared/errors';
import type { DemandView } from '../../shared/api.schema';
import { canSeeDemand, demandOverdue, newDemand, stepDemand, type DemandActor, type DemandStep } from '../../shared/demand.machine';
import { demandNotices } from '../../shared/demand.notices.zh-CN';
import { OPEN_DEMAND_STATES, type Demand, type DemandAction } from '../../shared/demand.schema';
import type { DemandQueue } from '../../shared/api.company.schema';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import type { DemandFilter } from '../core/stores/demand.port';
import type { UserRecord } from '../core/stores/user.port';
import { homeCenter, noticeTo, requireMember } from '../core/services/company.view';

const actorFor = (u: UserRecord): DemandActor => ({
  id: u.id,
  role: u.role,
  ...(u.centerId ? { centerId: u.centerId } : {}),
  ...(u.companyId ? { companyId: u.companyId } : {}),
  ...(u.nameMasked ? { name: u.nameMasked } : {}),
});

/** A demand for the wire: flagged when past a term at `now`, with the names of its centers. */
const demandView = async (ctx: CtxWith<'catalogue' | 'now'>, d: Demand): Promise<DemandView> => {
  const dir = await ctx.deps.catalogue.directory();
  const ids = new Set([...d.path, d.holderCenterId, d.officerCenterId]);
  const centerNames = Object.fromEntries([...ids].map((id) => [id, dir.byId.get(id)?.name ?? id]));
  return { ...d, overdue: demandOverdue(d, nowIso(ctx)), centerNames };
};

/** The notices of a step, as outbox records. */
const noticesOf = async (ctx: CtxWith<'catalogue' | 'newId' | 'now'>, action: DemandAction, d: Demand) => {
  const dir = await ctx.deps.catalogue.directory();
  return demandNotices(action, d, (id) => dir.byId.get(id)?.name ?? id).map((n) => noticeTo(ctx, n.to, { ...n, demandId: d.id }));
};

/** The filter of each clerk queue at a center, at `now`. */
const QUEUES: Record<DemandQueue, (centerId: string, now: string) => DemandFilter> = {
  todo: (c) => ({ holderCenterId: c, states: OPEN_DEMAND_STATES }),
  watching: (c) => ({ pathCenterId: c, notHolderCenterId: c, states: OPEN_DEMAND_STATES }),
  overdue: (c, now) => ({ pathCenterId: c, overdueAt: now }),
  done: (c) => ({ pathCenterId: c, states: ['answered', 'closed'] }),
};

/** The demand a caller asks for: NOT_FOUND, or FORBIDDEN when they may not see it. */
const visibleDemand = async (ctx: Ctx, id: string): Promise<{ user: UserRecord; demand: Demand }> => {
  const user = requireRole(ctx, 'company', 'clerk', 'admin');
  const demand = await ctx.deps.demands.getDemand(id);
  if (!demand) throw new AppError('NOT_FOUND');
  if (!canSeeDemand(actorFor(user), demand)) throw new AppError('FORBIDDEN');
  return { user, demand };
};

/** Takes one step on a demand from the version the caller saw, with its notices and audit entry. */
const step = async (ctx: Ctx, input: { id: string; version: number }, s: DemandStep) => {
  const { user, demand } = await visibleDemand(ctx, input.id);
  if (demand.version !== input.version) throw new AppError('CONFLICT');
  if (s.action === 'forward') {
    const to = (await ctx.deps.catalogue.directory()).byId.get(s.to);
    if (!to || !['township', 'zone', 'city'].includes(to.kind)) throw new AppError('CENTER_NOT_FOUND', { to: 'CENTER_NOT_FOUND' });
  }
  const at = nowIso(ctx);
  const next = unwrap(stepDemand(demand, s, actorFor(user), at, ctx.deps.calendar, ctx.deps.demandLimits));
  const saved = unwrap(await ctx.deps.demands.updateDemand(next, demand.version, await noticesOf(ctx, s.action, next)));
  await ctx.deps.audit.appendAudit({
    at,
    actor: actorOf(user),
    action: `demand.${s.action}`,
    ...(user.centerId ? { centerId: user.centerId } : {}),
    note: demand.id,
  });
  return { demand: await demandView(ctx, saved) };
};

export const demands = defineFunction(
  'demands',
  { input: DemandsInput, output: DemandsOutput },
  {
    async raise(ctx, input) {
      const { user, company } = await requireMember(ctx);
      const at = nowIso(ctx);
      const officer = company.officer
        ? { centerId: company.officer.centerId, userId: company.officer.userId, ...(company.officer.nameMasked ? { name: company.officer.nameMasked } : {}) }
        : { centerId: (await homeCenter(ctx, company.location)).id };
      const demand = unwrap(
        newDemand(
          {
            id: ctx.deps.newId('dm'),
            company: { companyId: company.id, companyName: company.name, location: company.location },
            officer,
            input,
            by: actorFor(user),
            now: at,
          },
          ctx.deps.calendar,
          ctx.deps.demandLimits,
        ),
      );
      unwrap(await ctx.deps.demands.createDemand(demand, await noticesOf(ctx, 'raise', demand)));
      await ctx.deps.audit.appendAudit({
        at,
        actor: actorOf(user),
        action: 'demand.raise',
        centerId: officer.centerId,
        note: `${demand.id} ${input.category}`,
      });
      return { demand: await demandView(ctx, demand) };
    },

    async mine(ctx, input) {
      const { company } = await requireMember(ctx);
      const page = await ctx.deps.demands.listDemands({ companyId: company.id, ...(input.state ? { states: [input.state] } : {}) }, input);
      return { ...page, items: await Promise.all(page.items.map((d) => demandView(ctx, d))) };
    },

    async get(ctx, input) {
      const { user, demand } = await visibleDemand(ctx, input.id);
      await ctx.deps.audit.appendAudit({
        at: nowIso(ctx),
        actor: actorOf(user),
        action: 'read.demand',
        ...(user.centerId ? { centerId: user.centerId } : {}),
        note: demand.id,
      });
      return { demand: await demandView(ctx, demand) };
    },

    async queue(ctx, input) {
      const clerk = requireRole(ctx, 'clerk');
      const center = clerk.centerId!;
      const at = nowIso(ctx);
      const page = await ctx.deps.demands.listDemands(QUEUES[input.queue](center, at), input);
      const names = Object.keys(QUEUES) as DemandQueue[];
      const totals = await Promise.all(names.map((q) => ctx.deps.demands.countDemands(QUEUES[q](center, at))));
      await ctx.deps.audit.appendAudit({ at, actor: actorOf(clerk), action: 'read.demands', centerId: center, ids: page.items.map((d) => d.id) });
      return {
        ...page,
        items: await Promise.all(page.items.map((d) => demandView(ctx, d))),
        counts: Object.fromEntries(names.map((q, i) => [q, totals[i]])) as Record<DemandQueue, number>,
      };
    },

    acknowledge: (ctx, input) => step(ctx, input, { action: 'acknowledge' }),
    forward: (ctx, input) => step(ctx, input, { action: 'forward', to: input.to, note: input.note }),
    answer: (ctx, input) => step(ctx, input, { action: 'answer', text: input.text }),
    rate: (ctx, input) => step(ctx, input, { action: 'rate', level: input.level, comment: input.comment }),
    returnCall: (ctx, input) => step(ctx, input, { action: 'returnCall', note: input.note }),
  },
);
