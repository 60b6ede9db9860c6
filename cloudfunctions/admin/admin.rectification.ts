/**
 * admin: the rectification of bad reviews across the city. The open cases, earliest deadline
 * first (the late ones flagged), read through the index of open cases by deadline; the list is
 * personal data only as far as the masked review goes, and is audited like every list.
 */
import { rectificationCase } from '../../shared/rectification.view';
import type { Handlers } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso } from '../core/services/context';

export const rectificationHandlers: Pick<Handlers<'admin'>, 'rectifications'> = {
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
};
