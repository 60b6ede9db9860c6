/**
 * admin: the search vocabulary the administrator extends. The shipped groups stay read-only; the
 * administrator's own groups are one versioned set, and a write makes the next search rebuild its index.
 */
import { AppError } from '../../shared/errors';
import type { SynonymSet } from '../../shared/search.schema';
import type { SynonymsView } from '../../shared/api.schema';
import { loadSynonyms } from '../../data/search';
import type { Handlers } from '../core/edge/dispatch';
import { requireRole, actorOf } from '../core/identity/caller';
import { nowIso } from '../core/services/context';

/** The vocabulary as the administrator sees it: the shipped groups beside their own. */
const synonymsView = (set: SynonymSet | null): SynonymsView => ({
  shipped: loadSynonyms().groups,
  extra: set?.groups ?? [],
  version: set?.version ?? 0,
  ...(set ? { updatedAt: set.updatedAt } : {}),
});

/** The synonym actions, composed into the admin function. */
export const synonymHandlers: Pick<Handlers<'admin'>, 'listSynonyms' | 'setSynonyms'> = {
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
};
