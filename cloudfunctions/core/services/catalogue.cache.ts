/**
 * The directory and catalogue change rarely and routing needs all of the directory,
 * so each process keeps them in memory and reloads after a short time or an import.
 * Each cached item also keeps its compiled form schema: building and compiling the zod
 * schema of a form costs far more than parsing a form with it.
 */
import { buildDirectory, type Directory } from '../../../shared/directory';
import type { Item } from '../../../shared/catalogue.schema';
import { formSchemaFor, type FormSchema } from '../../../shared/form.schema';
import type { DirectoryStore } from '../stores/directory.port';

export type CatalogueCache = {
  directory(): Promise<Directory>;
  item(code: string): Promise<Item | null>;
  /**
   * The compiled schema of an item's form; built once per cached item. A caller's masked
   * prefill (their own bound ID or phone given back unchanged) needs a schema of its own.
   */
  formSchema(item: Item, prefilled?: Record<string, string>): FormSchema;
  invalidate(): void;
};

type Cached = { at: number; item: Item | null; form?: FormSchema };

/** Creates a cache over the directory store with a time-to-live in milliseconds. */
export const createCatalogueCache = (store: Pick<DirectoryStore, 'allCenters' | 'getItem'>, nowMs: () => number, ttlMs = 60_000): CatalogueCache => {
  let loaded: { at: number; directory: Promise<Directory> } | null = null;
  const items = new Map<string, Cached>();
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
    formSchema(item, prefilled = {}) {
      if (Object.keys(prefilled).length) return formSchemaFor(item.formFields, prefilled);
      const hit = items.get(item.code);
      // an item that is not the cached one (reloaded, or never read through the cache) gets its own schema
      if (hit?.item !== item) return formSchemaFor(item.formFields);
      return (hit.form ??= formSchemaFor(item.formFields));
    },
    invalidate() {
      loaded = null;
      items.clear();
    },
  };
};
