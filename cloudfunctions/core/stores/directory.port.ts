/**
 * The directory and the catalogue: service centers and items. Every function reads them;
 * only the administrator's imports and the local seed write them, in bulk.
 */
import type { Center, CenterKind } from '../../../shared/directory.schema';
import type { Item, ItemLevel, Audience, LifeEvent } from '../../../shared/catalogue.schema';
import type { Result } from '../../../shared/errors';
import type { SynonymSet } from '../../../shared/search.schema';
import type { Page, PageOf } from './store.page';

export type CenterFilter = { townshipCode?: string; kind?: CenterKind; q?: string };
export type ItemFilter = { q?: string; audience?: Audience; level?: ItemLevel; lifeEvent?: LifeEvent; codes?: string[] };

export interface DirectoryStore {
  getCenter(id: string): Promise<Center | null>;
  listCenters(filter: CenterFilter, page: Page): Promise<PageOf<Center>>;
  /** Every center, by id: routing needs the whole directory (see catalogue.cache.ts). */
  allCenters(): Promise<Center[]>;
  /** Replaces each center by id; an import re-run repairs a partial one. */
  upsertCenters(centers: Center[]): Promise<void>;
  getItem(code: string): Promise<Item | null>;
  searchItems(filter: ItemFilter, page: Page): Promise<PageOf<Item>>;
  /** Every item, by code: the search index is built over the whole catalogue (see catalogue.cache.ts). */
  allItems(): Promise<Item[]>;
  /** Replaces each item by code, life events included. */
  upsertItems(items: Item[]): Promise<void>;
  /** The administrator's own synonym groups, or null before the first edit. */
  getSynonyms(): Promise<SynonymSet | null>;
  /**
   * Writes the synonym set if the stored one is still at `expectedVersion` (none yet when
   * undefined); otherwise CONFLICT and nothing written. `set.version` is `expectedVersion + 1` (or 1).
   */
  putSynonyms(set: SynonymSet, expectedVersion?: number): Promise<Result<SynonymSet>>;
}
