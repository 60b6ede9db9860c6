/**
 * admin: the city administrator's indicators, the search vocabulary they extend, and the Open311
 * partner keys (admin.partners.ts).
 * Imports and role assignment come later.
 */
import { AppError } from '../../shared/errors';
import { indicatorsOf } from '../../shared/indicators';
import type { SynonymSet } from '../../shared/search.schema';
import type { SynonymsView } from '../../shared/api.schema';
import { loadSynonyms } from '../../data/search';
import type { Request } from '../../shared/request.schema';
import { defineFunction } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import { partnerHandlers } from './admin.partners';

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

/** The vocabulary as the administrator sees it: the shipped groups beside their own. */
const synonymsView = (set: SynonymSet | null): SynonymsView => ({
  shipped: loadSynonyms().groups,
  extra: set?.groups ?? [],
  version: set?.version ?? 0,
  ...(set ? { updatedAt: set.updatedAt } : {}),
});

export const admin = defineFunction('admin', {
  async stats(ctx) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const [requests, dir] = await Promise.all([allRequests(ctx), ctx.deps.catalogue.directory()]);
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'stats' });
    return { indicators: indicatorsOf(requests, (id) => dir.byId.get(id)?.kind, at), at };
  },

  async listSynonyms(ctx) {
    requireRole(ctx, 'admin');
    return synonymsView(await ctx.deps.directory.getSynonyms());
  },

  async setSynonyms(ctx, { groups, version }) {
    const user = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const next: SynonymSet = { id: 'synonyms', version: version + 1, groups, updatedAt: at, updatedBy: user.id };
    const written = await ctx.deps.directory.putSynonyms(next, version === 0 ? undefined : version);
    if (!written.ok) throw new AppError(written.error.code === 'NOT_FOUND' ? 'CONFLICT' : written.error.code, { version: 'CONFLICT' });
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(user), action: 'setSynonyms', note: `${groups.length}组` });
    // the next search in this process builds its index with the new groups; other instances within the cache's time-to-live
    ctx.deps.catalogue.invalidate();
    return synonymsView(written.value);
  },
  ...partnerHandlers,
});
