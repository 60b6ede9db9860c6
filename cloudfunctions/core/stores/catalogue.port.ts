/**
 * The administrator's imports of the official lists. An import replaces a whole list (centers,
 * items, or both) at once and is recorded; the last one applied can be undone, which brings the
 * catalogue back exactly as it was before it. Adapters keep it all or nothing:
 * SQLite in one transaction, CloudBase as a new catalogue generation switched on by one pointer document.
 */
import type { Result } from '../../../shared/errors';
import type { Center } from '../../../shared/directory.schema';
import type { Item } from '../../../shared/catalogue.schema';
import type { ImportKind } from '../../../shared/import.report';
import type { Page, PageOf } from './store.page';

/** The record of one applied import: who, when, which file (its SHA-256), and what it did. */
export type ImportRecord = {
  id: string;
  kind: ImportKind;
  fileName: string;
  fileHash: string;
  by: string;
  at: string;
  counts: { rows: number; add: number; change: number; retire: number; unchanged: number };
  state: 'applied' | 'undone';
  undoneBy?: string;
  undoneAt?: string;
};

/** The lists an import replaces; a list left out stays as it is. */
export type CatalogueChange = { centers?: Center[]; items?: Item[] };

export interface CatalogueStore {
  /** Replaces the given lists and records the import, all or nothing. */
  applyImport(change: CatalogueChange, record: ImportRecord): Promise<Result<ImportRecord>>;
  /** Undoes the last applied import; CONFLICT when `importId` is not the last one still applied. */
  undoImport(importId: string, by: string, at: string): Promise<Result<ImportRecord>>;
  /** Imports, newest first. */
  listImports(page: Page): Promise<PageOf<ImportRecord>>;
}
