/**
 * directory: centers near a point or by township, items of the catalogue, and the guide:
 * an item with the routing decision for this applicant.
 */
import { DirectoryInput, DirectoryOutput } from '../../shared/api.directory.schema';
import { AppError } from '../../shared/errors';
import { nearestRanked } from '../../shared/nearby.rank';
import { route } from '../../shared/routing.rules';
import { searchCatalogue } from '../../shared/search.rank';
import { passesFilters, searchHelp, searchViewerOf } from '../../shared/search.context';
import { TOWNSHIPS } from '../../shared/townships';
import type { Center } from '../../shared/directory.schema';
import type { Item } from '../../shared/catalogue.schema';
import type { CenterSummary, ItemSummary } from '../../shared/api.schema';
import { defineFunction } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { applicantFor } from '../core/identity/applicant';
import type { CtxWith } from '../core/services/context';

/** A center without its item list, as lists show it. */
export const centerSummary = ({ offers, ...c }: Center, distanceKm?: number): CenterSummary => ({
  ...c,
  offersCount: offers.length,
  ...(distanceKm === undefined ? {} : { distanceKm: Math.round(distanceKm * 100) / 100 }),
});

/** An item as lists show it. */
export const itemSummary = (i: Item): ItemSummary => ({
  code: i.code,
  name: i.name,
  audience: i.audience,
  category: i.category,
  level: i.level,
  lists: i.lists,
  promisedDays: i.promisedDays,
  kind: i.kind,
  visits: i.visits,
  lifeEvents: i.lifeEvents,
});

const requireItem = async (ctx: CtxWith<'catalogue'>, code: string) => {
  const item = await ctx.deps.catalogue.item(code);
  if (!item) throw new AppError('ITEM_NOT_FOUND', { itemCode: 'ITEM_NOT_FOUND' });
  return item;
};

export const directory = defineFunction(
  'directory',
  { input: DirectoryInput, output: DirectoryOutput },
  {
    async nearestCenters(ctx, input) {
      const dir = await ctx.deps.catalogue.directory();
      const found = nearestRanked(dir, { lat: input.lat, lng: input.lng }, input.limit, input.kind);
      return { items: found.map((f) => centerSummary(f.center, f.distanceKm)) };
    },

    async listCenters(ctx, { page, pageSize, ...filter }) {
      const res = await ctx.deps.directory.listCenters(filter, { page, pageSize });
      return { ...res, items: res.items.map((c) => centerSummary(c)) };
    },

    async getCenter(ctx, { id, page, pageSize }) {
      const center = await ctx.deps.directory.getCenter(id);
      if (!center) throw new AppError('CENTER_NOT_FOUND', { id: 'CENTER_NOT_FOUND' });
      const parent = center.parentId ? await ctx.deps.directory.getCenter(center.parentId) : null;
      const items = await ctx.deps.directory.searchItems({ codes: center.offers }, { page, pageSize });
      return { ...items, items: items.items.map(itemSummary), center: centerSummary(center), parent: parent ? centerSummary(parent) : null };
    },

    async searchItems(ctx, { page, pageSize, centerId, near, q, ...filter }) {
      const center = centerId ? await ctx.deps.directory.getCenter(centerId) : null;
      if (centerId && !center) throw new AppError('CENTER_NOT_FOUND', { centerId: 'CENTER_NOT_FOUND' });
      const filters = { ...filter, ...(center ? { codes: center.offers } : {}) };
      // browsing (no words) lists the store's items in code order; words go through the search index
      if (!q) {
        const res = await ctx.deps.directory.searchItems(filters, { page, pageSize });
        return { ...res, items: res.items.map(itemSummary) };
      }
      const [index, dir] = await Promise.all([ctx.deps.catalogue.search(), ctx.deps.catalogue.directory()]);
      const user = ctx.caller.user;
      const found = searchCatalogue(index, q, searchViewerOf(dir, user), { accept: (i) => passesFilters(i, filters), limit: page * pageSize });
      const items = found.hits.slice((page - 1) * pageSize).map((h) => itemSummary(h.item));
      return { items, total: found.total, page, pageSize, ...(found.total ? {} : { help: searchHelp(dir, near, user?.homeVillageId) }) };
    },

    async getItem(ctx, { code }) {
      return { item: await requireItem(ctx, code) };
    },

    async guide(ctx, input) {
      const item = await requireItem(ctx, input.itemCode);
      const applicant = await applicantFor(ctx, input);
      const decision = unwrap(route(item, applicant, await ctx.deps.catalogue.directory()));
      return { item, route: decision };
    },

    async listTownships(ctx) {
      const dir = await ctx.deps.catalogue.directory();
      const items = TOWNSHIPS.map((t) => {
        const center = dir.townshipCenter(t.code);
        return { code: t.code, name: t.name, centerId: center?.id ?? '', villages: center ? dir.descendants(center.id, 'village').length : 0 };
      });
      return { items };
    },
  },
);
