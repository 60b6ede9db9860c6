/**
 * admin: the indicators of the city.
 */
import { indicatorsOf } from '../../shared/indicators';
import type { Request } from '../../shared/request.schema';
import type { Handlers } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';

const PAGE = 500;

/** Every request, page by page (the indicators read them all). */
const allRequests = async (ctx: CtxWith<'requests'>): Promise<Request[]> => {
  const out: Request[] = [];
  for (let page = 1; ; page += 1) {
    const res = await ctx.deps.requests.listRequests({}, { page, pageSize: PAGE });
    out.push(...res.items);
    if (res.items.length < PAGE) return out;
  }
};

export const statsHandlers: Pick<Handlers<'admin'>, 'stats'> = {
  async stats(ctx) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const [requests, dir] = await Promise.all([allRequests(ctx), ctx.deps.catalogue.directory()]);
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'stats' });
    return { indicators: indicatorsOf(requests, (id) => dir.byId.get(id)?.kind, at), at };
  },
};
