/**
 * clerk: the work of a center's clerk on requests whose path passes through the center.
 * Which clerk may take which step is the lifecycle's rule (holder center); this adapter
 * only loads, checks visibility and writes.
 */
import { AppError } from '../../shared/errors';
import { QueueNameSchema } from '../../shared/api.schema';
import type { RequestEvent } from '../../shared/request.events';
import { defineFunction } from '../core/edge/dispatch';
import { requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import { startOfChinaDay } from '../../shared/china.time';
import { applyEvent, applyTo, readWithTimeline, requestView, type StepDeps } from '../core/services/request.ops';
import type { UserRecord } from '../core/stores/user.port';

/** The caller as a clerk of a center. */
const requireClerk = (ctx: Pick<Ctx, 'caller'>): UserRecord & { centerId: string } => {
  const user = requireRole(ctx, 'clerk');
  if (!user.centerId) throw new AppError('FORBIDDEN');
  return user as UserRecord & { centerId: string };
};

/** Runs one lifecycle event as the calling clerk and answers the request. */
const act = async (ctx: CtxWith<StepDeps>, target: { id: string; version: number }, event: RequestEvent) => ({
  request: requestView(await applyEvent(ctx, requireClerk(ctx), target, event)),
});

/** What the center recorded since midnight, China time. */
const todayFigures = async (ctx: CtxWith<'audit' | 'now'>, centerId: string) => {
  const since = startOfChinaDay(nowIso(ctx));
  const n = await ctx.deps.audit.countActionsSince(centerId, since, ['submit', 'accept', 'confirmHandoff', 'decide', 'deliver']);
  return { submitted: n.submit, accepted: n.accept, handoffsConfirmed: n.confirmHandoff, decided: n.decide, delivered: n.deliver };
};

export const clerk = defineFunction('clerk', {
  async queue(ctx, { queue, page, pageSize }) {
    const { centerId } = requireClerk(ctx);
    const [res, counts, today] = await Promise.all([
      ctx.deps.requests.listQueue(centerId, queue, { page, pageSize }), ctx.deps.requests.countQueues(centerId), todayFigures(ctx, centerId),
    ]);
    return { ...res, items: res.items.map(requestView), counts, today };
  },

  async get(ctx, { id }) {
    return readWithTimeline(ctx, requireClerk(ctx), id);
  },

  precheck: (ctx, { id, version, note }) => act(ctx, { id, version }, { type: 'precheck', ...(note ? { note } : {}) }),
  accept: (ctx, { id, version }) => act(ctx, { id, version }, { type: 'accept' }),
  reject: (ctx, { id, version, reasons }) => act(ctx, { id, version }, { type: 'reject', reasons }),
  sendHandoff: (ctx, { id, version, checklist }) =>
    act(ctx, { id, version }, { type: 'sendHandoff', handoffId: ctx.deps.newId('ho'), code: ctx.deps.newCode(), checklist }),
  returnHandoff: (ctx, { id, version, reason }) => act(ctx, { id, version }, { type: 'returnHandoff', reason }),
  pause: (ctx, { id, version, reason, missing }) => act(ctx, { id, version }, { type: 'pause', reason, missing }),
  resume: (ctx, { id, version }) => act(ctx, { id, version }, { type: 'resume' }),
  decide: (ctx, { id, version, outcome, reasons }) => act(ctx, { id, version }, { type: 'decide', outcome, reasons }),
  deliver: (ctx, { id, version, note }) => act(ctx, { id, version }, { type: 'deliver', ...(note ? { note } : {}) }),
  returnCall: (ctx, { id, version, caller, calledAt, note, satisfied }) => act(ctx, { id, version }, { type: 'returnCall', caller, calledAt, note, satisfied }),

  async confirmHandoff(ctx, { code, version }) {
    const user = requireClerk(ctx);
    const current = await ctx.deps.requests.findRequestByHandoffCode(code);
    // an unknown code and a code for another center's handoff answer alike, so codes cannot be probed
    if (!current || current.holderCenterId !== user.centerId) throw new AppError('HANDOFF_CODE_MISMATCH', { code: 'HANDOFF_CODE_MISMATCH' });
    return { request: requestView(await applyTo(ctx, user, current, version ?? current.version, { type: 'confirmHandoff', code })) };
  },

  async overdue(ctx, { page, pageSize }) {
    const { centerId } = requireClerk(ctx);
    const res = await ctx.deps.requests.listQueue(centerId, QueueNameSchema.enum.overdue, { page, pageSize });
    return { ...res, items: res.items.map(requestView) };
  },
});
