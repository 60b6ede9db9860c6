/**
 * admin: the rectification of bad reviews across the city. The open cases, earliest deadline
 * first (the late ones flagged), read through the index of open cases by deadline; the list is
 * personal data only as far as the masked review goes, and is audited like every list.
 */
import { rectificationCase } from '../../shared/rectification.view';
import type { Handlers } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso } from '../core/services/context';
import { applyEvent } from '../core/services/request.ops';

export const rectificationHandlers: Pick<Handlers<'admin'>, 'rectifications' | 'returnCall'> = {
  async rectifications(ctx, input) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const [found, dir] = await Promise.all([
      ctx.deps.indicators.listRectifications(input.late ? { before: at } : {}, { page: input.page, pageSize: input.pageSize }),
      ctx.deps.catalogue.directory(),
    ]);
    await ctx.deps.audit.appendAudit({
      at,
      actor: actorOf(user),
      action: 'rectification.list',
      query: input.late ? 'late' : 'open',
      ids: found.items.map((r) => r.id),
    });
    return { ...found, items: found.items.map((r) => rectificationCase(r, at, (id) => dir.byId.get(id)?.name)) };
  },

  /** The return call recorded by the administrator: the lifecycle's returnCall step, as the deciding center's clerk takes it. */
  async returnCall(ctx, { id, version, caller, calledAt, note, satisfied }) {
    const user = requireRole(ctx, 'admin');
    const next = await applyEvent(ctx, user, { id, version }, { type: 'returnCall', caller, calledAt, note, satisfied });
    const dir = await ctx.deps.catalogue.directory();
    return { case: rectificationCase(next, nowIso(ctx), (c) => dir.byId.get(c)?.name) };
  },
};
