/**
 * admin: the indicators of 云上宠企 demands (by category and township, median times to
 * acknowledge and answer, what is overdue, satisfaction), for the dashboard's charts.
 */
import { demandStats } from '../../shared/demand.stats';
import type { Handlers } from '../core/edge/dispatch';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso } from '../core/services/context';

export const demandStatsHandlers: Pick<Handlers<'admin'>, 'demandStats'> = {
  async demandStats(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const stats = demandStats(await ctx.deps.demands.demandFacts(input.from, input.to), at);
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(admin), action: 'read.demandStats' });
    return { stats, at };
  },
};
