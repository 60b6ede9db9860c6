/**
 * The directory and catalogue change rarely and routing needs all of the directory,
 * so each process keeps them in memory and reloads after a short time or an import.
 * Each cached item also keeps its compiled form schema: building and compiling the zod
 * schema of a form costs far more than parsing a form with it. The search index is built
 * here too, at catalogue load: the whole catalogue with its pinyin, the shipped synonyms and
 * the administrator's own.
 */
import { buildDirectory, type Directory } from '../../../shared/directory';
import type { Item } from '../../../shared/catalogue.schema';
import { baseFormSchema as buildBaseSchema, type FormCheck, type FormSchema } from '../../../shared/form.schema';
import { buildSearchIndex, type SearchIndex } from '../../../shared/search.index';
import { loadSynonyms } from '../../../data/search';
import type { DirectoryStore } from '../stores/directory.port';
import { romanize } from './pinyin.romanizer';

export type CatalogueCache = {
  directory(): Promise<Directory>;
  item(code: string): Promise<Item | null>;
  /**
   * The compiled base schema of an item's form (baseFormSchema), built once per cached item and
   * day. It lets any masked value through where a field may be prefilled: parse with
   * `parseOwnForm`, which adds the caller's own last step.
   */
  baseFormSchema(item: Item, check?: FormCheck): FormSchema;
  /** the search index over the whole catalogue, rebuilt after the time-to-live or an invalidation */
  search(): Promise<SearchIndex>;
  invalidate(): void;
};

type Cached = { at: number; item: Item | null; base?: FormSchema; formToday?: string };

type CacheStore = Pick<DirectoryStore, 'allCenters' | 'getItem' | 'allItems' | 'getSynonyms'>;

/** A value loaded on first use and kept for the time-to-live; a failed load is forgotten at once. */
const timed = <T>(load: () => Promise<T>, nowMs: () => number, ttlMs: number) => {
  let loaded: { at: number; value: Promise<T> } | null = null;
  return {
    get(): Promise<T> {
      if (!loaded || nowMs() - loaded.at >= ttlMs) {
        const value = load();
        value.catch(() => (loaded = null));
        loaded = { at: nowMs(), value };
      }
      return loaded.value;
    },
    clear: () => void (loaded = null),
  };
};

/** Builds the search index from the store: every item, the shipped vocabulary plus the administrator's groups. */
const loadIndex = async (store: CacheStore): Promise<SearchIndex> => {
  const [items, extra] = await Promise.all([store.allItems(), store.getSynonyms()]);
  const shipped = loadSynonyms();
  return buildSearchIndex(items, { groups: [...shipped.groups, ...(extra?.groups ?? [])], fillers: shipped.fillers, prefixes: shipped.prefixes }, romanize);
};

/** Creates a cache over the directory store with a time-to-live in milliseconds. */
export const createCatalogueCache = (store: CacheStore, nowMs: () => number, ttlMs = 60_000): CatalogueCache => {
  const directory = timed(() => store.allCenters().then(buildDirectory), nowMs, ttlMs);
  const search = timed(() => loadIndex(store), nowMs, ttlMs);
  const items = new Map<string, Cached>();
  const fresh = (at: number) => nowMs() - at < ttlMs;
  return {
    directory: directory.get,
    search: search.get,
    async item(code) {
      const hit = items.get(code);
      if (hit && fresh(hit.at)) return hit.item;
      const item = await store.getItem(code);
      items.set(code, { at: nowMs(), item });
      return item;
    },
    baseFormSchema(item, check = {}) {
      const hit = items.get(item.code);
      // an item that is not the cached one (reloaded, or never read through the cache) gets its own schema
      if (hit?.item !== item) return buildBaseSchema(item.formFields, check);
      // the schema checks birth dates against today, so a new day makes it again
      if (!hit.base || hit.formToday !== check.today) {
        hit.base = buildBaseSchema(item.formFields, check);
        hit.formToday = check.today;
      }
      return hit.base;
    },
    invalidate() {
      directory.clear();
      search.clear();
      items.clear();
    },
  };
};
