/**
 * clerk: the work of a center's clerk on requests whose path passes through the center.
 * Which clerk may take which step is the lifecycle's rule (holder center); this adapter
 * only loads, checks visibility and writes.
 */
import { ClerkInput, ClerkOutput } from '../../shared/api.requests.schema';
import { AppError } from '../../shared/errors';
import type { RequestEvent } from '../../shared/request.events';
import { defineFunction } from '../core/edge/dispatch';
import { requireRole } from '../core/identity/caller';
import { nowIso, type Ctx, type CtxWith } from '../core/services/context';
import { startOfChinaDay } from '../../shared/china.time';
import { applyEvent, applyTo, readWithTimeline, requestView, viewsFor, type StepDeps } from '../core/services/request.ops';
import { auditListRead } from '../core/services/read.audit';
import type { UserRecord } from '../core/stores/user.port';
import { validateIdNumber } from '../../shared/validators';
import { actorOf } from '../core/identity/caller';
import { idHashOf, withoutIdentity } from '../core/identity/personal.data';
import { unwrap } from '../core/edge/envelope';
import { revealPhone } from './phone.reveal';

/** The caller as a clerk of a center. */
const requireClerk = (ctx: Pick<Ctx, 'caller'>): UserRecord & { centerId: string } => {
  const user = requireRole(ctx, 'clerk');
  if (!user.centerId) throw new AppError('FORBIDDEN');
  return user as UserRecord & { centerId: string };
};

/** Runs one lifecycle event as the calling clerk and answers the request. */
const act = async (ctx: CtxWith<StepDeps>, target: { id: string; version: number }, event: RequestEvent) => {
  const clerk = requireClerk(ctx);
  return { request: requestView(await applyEvent(ctx, clerk, target, event), clerk) };
};

/** What the center recorded since midnight, China time. */
const todayFigures = async (ctx: CtxWith<'audit' | 'now'>, centerId: string) => {
  const since = startOfChinaDay(nowIso(ctx));
  const n = await ctx.deps.audit.countActionsSince(centerId, since, ['submit', 'accept', 'confirmHandoff', 'decide', 'deliver']);
  return { submitted: n.submit, accepted: n.accept, handoffsConfirmed: n.confirmHandoff, decided: n.decide, delivered: n.deliver };
};

export const clerk = defineFunction(
  'clerk',
  { input: ClerkInput, output: ClerkOutput },
  {
    async queue(ctx, { queue, page, pageSize }) {
      const clerk = requireClerk(ctx);
      const { centerId } = clerk;
      const [res, counts, today] = await Promise.all([
        ctx.deps.requests.listQueue(centerId, queue, { page, pageSize }),
        ctx.deps.requests.countQueues(centerId),
        todayFigures(ctx, centerId),
      ]);
      await auditListRead(
        ctx,
        clerk,
        'list.clerk.queue',
        { queue, page, pageSize },
        res.items.map((r) => r.id),
      );
      return { ...res, items: res.items.map(viewsFor(clerk)), counts, today };
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
    returnCall: (ctx, { id, version, caller, calledAt, note, satisfied }) =>
      act(ctx, { id, version }, { type: 'returnCall', caller, calledAt, note, satisfied }),

    async confirmHandoff(ctx, { code, version }) {
      const user = requireClerk(ctx);
      const current = await ctx.deps.requests.findRequestByHandoffCode(code);
      // an unknown code and a code for another center's handoff answer alike, so codes cannot be probed
      if (!current || current.holderCenterId !== user.centerId) throw new AppError('HANDOFF_CODE_MISMATCH', { code: 'HANDOFF_CODE_MISMATCH' });
      return { request: requestView(await applyTo(ctx, user, current, version ?? current.version, { type: 'confirmHandoff', code }), user) };
    },

    async unbindResident(ctx, { idNumber, reason }) {
      const user = requireClerk(ctx);
      const id = unwrap(validateIdNumber(idNumber));
      const bound = await ctx.deps.users.findUserByIdHash(idHashOf(ctx, id));
      if (!bound) throw new AppError('NOT_FOUND', { idNumber: 'NOT_FOUND' });
      unwrap(await ctx.deps.users.putUser({ ...withoutIdentity(bound), version: bound.version + 1, updatedAt: nowIso(ctx) }, bound.version));
      const unbound = { idMasked: bound.idMasked ?? '', ...(bound.nameMasked ? { nameMasked: bound.nameMasked } : {}) };
      await ctx.deps.audit.appendAudit({
        at: nowIso(ctx),
        actor: actorOf(user),
        action: 'unbindResident',
        centerId: user.centerId,
        note: `解除身份证号${unbound.idMasked}的绑定：${reason}`,
        ids: [bound.id],
      });
      return { unbound };
    },

    revealPhone: (ctx, input) => revealPhone(ctx, requireClerk(ctx), input),

    async overdue(ctx, { page, pageSize }) {
      const clerk = requireClerk(ctx);
      const res = await ctx.deps.requests.listQueue(clerk.centerId, 'overdue', { page, pageSize });
      await auditListRead(
        ctx,
        clerk,
        'list.clerk.overdue',
        { page, pageSize },
        res.items.map((r) => r.id),
      );
      return { ...res, items: res.items.map(viewsFor(clerk)) };
    },
  },
);
