/**
 * The directory function's contract (centers, items, search, the guide), in a module of its own
 * so the directory function's bundle builds its own schemas only; shared/api.schema.ts re-exports it.
 */
import * as z from 'zod/mini';
import { AudienceSchema, ItemLevelSchema, ItemSchema, LifeEventSchema } from './catalogue.schema';
import { CenterKindSchema, CenterSchema, LatLngSchema } from './directory.schema';
import { RouteDecisionSchema } from './routing.schema';
import { CompanyLocationSchema } from './identity.schema';
import { Id, Page, listOf } from './api.common';
import { text } from './text.bounds';

/** A center as lists show it (no item list). */
export const CenterSummarySchema = z.extend(z.omit(CenterSchema, { offers: true }), {
  distanceKm: z.optional(z.number()),
  offersCount: z.int(),
});
export type CenterSummary = z.infer<typeof CenterSummarySchema>;

export const ItemSummarySchema = z.pick(ItemSchema, {
  code: true,
  name: true,
  audience: true,
  category: true,
  level: true,
  lists: true,
  promisedDays: true,
  kind: true,
  visits: true,
  lifeEvents: true,
});
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

/** What a search that found nothing offers instead: a center to phone and the life events to browse. */
export const SearchHelpSchema = z.object({
  center: z.nullable(z.extend(z.pick(CenterSchema, { id: true, kind: true, name: true, phone: true, hours: true }), { distanceKm: z.optional(z.number()) })),
  /** whose center it is: the nearest to the phone, the caller's home, or the city center */
  because: z.enum(['nearest', 'home', 'city']),
  lifeEvents: z.array(LifeEventSchema),
});
export type SearchHelp = z.infer<typeof SearchHelpSchema>;

export const DirectoryInput = {
  nearestCenters: z.object({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lng: z.number().check(z.gte(-180), z.lte(180)),
    limit: z._default(z.int().check(z.gte(1), z.lte(50)), 5),
    kind: z.optional(CenterKindSchema),
  }),
  listCenters: z.object({
    townshipCode: z.optional(z.string().check(z.length(3), z.regex(/^\d{3}$/))),
    kind: z.optional(CenterKindSchema),
    q: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    ...Page,
  }),
  /** a center with one page of the items it offers (the city center offers hundreds: `total` counts them all) */
  getCenter: z.object({ id: Id, ...Page }),
  searchItems: z.object({
    q: z.optional(z.string().check(z.trim(), z.maxLength(40, '搜索词不超过40个字'))),
    audience: z.optional(AudienceSchema),
    level: z.optional(ItemLevelSchema),
    lifeEvent: z.optional(LifeEventSchema),
    centerId: z.optional(Id),
    /** where the phone is, so a search that finds nothing can name the nearest center */
    near: z.optional(LatLngSchema),
    ...Page,
  }),
  getItem: z.object({ code: Id }),
  guide: z.object({ itemCode: Id, villageId: z.optional(Id), companyLocation: z.optional(CompanyLocationSchema), position: z.optional(LatLngSchema) }),
  listTownships: z._default(z.object({}), {}),
};
export const DirectoryOutput = {
  nearestCenters: z.object({ items: z.array(CenterSummarySchema) }),
  listCenters: listOf(CenterSummarySchema),
  getCenter: z.extend(listOf(ItemSummarySchema), { center: CenterSummarySchema, parent: z.nullable(CenterSummarySchema) }),
  searchItems: z.extend(listOf(ItemSummarySchema), { help: z.optional(SearchHelpSchema) }),
  getItem: z.object({ item: ItemSchema }),
  guide: z.object({ item: ItemSchema, route: RouteDecisionSchema }),
  listTownships: z.object({ items: z.array(z.object({ code: text('code'), name: text('name'), centerId: text('id'), villages: z.int() })) }),
};
