/**
 * The directory and catalogue change rarely and routing needs all of the directory,
 * so each process keeps them in memory and reloads after a short time or an import.
 */
import { buildDirectory, type Directory } from '../../../shared/directory';
import type { Item } from '../../../shared/catalogue.schema';
import type { DirectoryStore } from '../stores/directory.port';

export type CatalogueCache = {
  directory(): Promise<Directory>;
  item(code: string): Promise<Item | null>;
  invalidate(): void;
};

/** Creates a cache over the directory store with a time-to-live in milliseconds. */
export const createCatalogueCache = (store: Pick<DirectoryStore, 'allCenters' | 'getItem'>, nowMs: () => number, ttlMs = 60_000): CatalogueCache => {
  let loaded: { at: number; directory: Promise<Directory> } | null = null;
  const items = new Map<string, { at: number; item: Item | null }>();
  const fresh = (at: number) => nowMs() - at < ttlMs;
  return {
    directory() {
      if (!loaded || !fresh(loaded.at)) {
        const directory = store.allCenters().then(buildDirectory);
        directory.catch(() => (loaded = null));
        loaded = { at: nowMs(), directory };
      }
      return loaded.directory;
    },
    async item(code) {
      const hit = items.get(code);
      if (hit && fresh(hit.at)) return hit.item;
      const item = await store.getItem(code);
      items.set(code, { at: nowMs(), item });
      return item;
    },
    invalidate() {
      loaded = null;
      items.clear();
    },
  };
};
