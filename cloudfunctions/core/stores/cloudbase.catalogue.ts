/**
 * The directory and the catalogue on CloudBase, in generations. CloudBase has no multi-document
 * batch transaction, so an import writes a whole new generation of centers and items beside the
 * one in force and then switches one pointer document (`catalogue/current`) to it, conditional
 * on the pointer's version. A half-written generation is never read; an undo switches back.
 *
 * Documents of generation 0 (the seed, and a store from before imports) keep their plain ids;
 * those of generation n are `g<n>~<id>`. Every document carries its `generation`, and every
 * read asks the pointer first. The synonym set is not part of a generation (cloudbase.store.ts).
 */
import type tcb from '@cloudbase/node-sdk';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Center } from '../../../shared/directory.schema';
import type { Item } from '../../../shared/catalogue.schema';
import type { CenterFilter, DirectoryStore, ItemFilter } from './directory.port';
import type { CatalogueChange, CatalogueStore, ImportRecord } from './catalogue.port';
import type { Page, PageOf } from './store.page';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Order = [field: string, direction: 'asc' | 'desc'][];
/** The adapter's readers this module uses (cloudbase.store.ts passes its own). */
export type CatalogueRead = {
  one<T>(coll: string, id: string): Promise<T | null>;
  page<T>(coll: string, filter: object, order: Order, page: Page): Promise<PageOf<T>>;
  all<T>(coll: string, filter: object, order: Order): Promise<T[]>;
};
/** What the adapter lends: its readers, its copy for the SDK, its bounded parallel loop. */
export type CatalogueKit = {
  read: CatalogueRead;
  plain: <T>(v: T) => T;
  inParallel: <T>(list: T[], width: number, work: (x: T) => Promise<unknown>) => Promise<void>;
};
/** A fault injected into an import (tests only): throw after this many documents of the new generation are written. */
export type ImportFault = { failAfterWrites: number };

/** The pointer to the generation in force, with the imports that made the generations (newest first). */
type Pointer = { generation: number; highest: number; version: number; history: (ImportRecord & { generation: number; previous: number })[] };
const POINTER = { coll: 'catalogue', id: 'current' };
/** How many imports the pointer remembers; older ones are no longer listed or undone. */
const HISTORY = 50;
/** Writes in flight at once. */
const WIDTH = 48;

const idIn = (generation: number, id: string) => (generation === 0 ? id : `g${generation}~${id}`);
/** A text as a regular expression that matches it literally (a `q` substring filter). */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const centerFields = (c: Center, generation: number) => ({ generation, id: c.id, kind: c.kind, townshipCode: c.townshipCode, name: c.name, doc: c });
const itemFields = (i: Item, generation: number) => ({
  generation,
  code: i.code,
  level: i.level,
  audience: i.audience,
  name: i.name,
  lifeEvents: i.lifeEvents,
  doc: i,
});

/** The filter of a center listing in a generation; `q` is a case-insensitive substring of the name. */
const centerFilter = (f: CenterFilter, generation: number) => ({
  generation,
  ...(f.kind ? { kind: f.kind } : {}),
  ...(f.townshipCode ? { townshipCode: f.townshipCode } : {}),
  ...(f.q ? { name: new RegExp(escapeRegExp(f.q), 'i') } : {}),
});

/** The filter of an item search in a generation; `q` matches the name or the code. */
const itemFilter = (db: Db, f: ItemFilter, generation: number) => {
  const _ = db.command;
  const fields = {
    generation,
    ...(f.level ? { level: f.level } : {}),
    ...(f.audience ? { audience: f.audience } : {}),
    ...(f.lifeEvent ? { lifeEvents: f.lifeEvent } : {}),
    ...(f.codes ? { code: _.in(f.codes) } : {}),
  };
  if (!f.q) return fields;
  const re = new RegExp(escapeRegExp(f.q), 'i');
  return _.and([fields, _.or([{ name: re }, { code: re }])]);
};

/** The directory, the catalogue and their imports over one database. */
export const cloudbaseCatalogue = (db: Db, kit: CatalogueKit, fault?: ImportFault): Omit<DirectoryStore, 'getSynonyms' | 'putSynonyms'> & CatalogueStore => {
  const { read, plain, inParallel } = kit;
  const pointer = async (): Promise<Pointer> => (await read.one<Pointer>(POINTER.coll, POINTER.id)) ?? { generation: 0, highest: 0, version: 0, history: [] };
  const gen = async () => (await pointer()).generation;
  const setDoc = (coll: string, id: string, fields: Record<string, unknown>) => db.collection(coll).doc(id).set(plain(fields));
  // a generation is ~1,500 documents: 48 in flight keeps an import well inside the function's time limit
  const writeCenters = (centers: Center[], g: number) => inParallel(centers, WIDTH, (c) => setDoc('centers', idIn(g, c.id), centerFields(c, g)));
  const writeItems = (items: Item[], g: number) => inParallel(items, WIDTH, (i) => setDoc('items', idIn(g, i.code), itemFields(i, g)));

  /** Switches the pointer from the version read to `next`; false when another import switched it meanwhile. */
  const switchPointer = async (from: Pointer, next: Omit<Pointer, 'version'>): Promise<boolean> => {
    const doc = { ...next, version: from.version + 1 };
    if (from.version === 0) {
      try {
        await db.collection(POINTER.coll).add({ _id: POINTER.id, version: doc.version, doc: plain(doc) });
        return true;
      } catch {
        return false; // another first import made the pointer
      }
    }
    const res = await db
      .collection(POINTER.coll)
      .where({ _id: POINTER.id, version: from.version })
      .update({ version: doc.version, doc: db.command.set(plain(doc)) });
    return res.updated === 1;
  };

  /** Writes the new generation: the replaced lists from the import, the others copied from the generation in force. */
  const writeGeneration = async (change: CatalogueChange, from: number, to: number) => {
    let written = 0;
    const counted = <T>(list: T[]) =>
      list.map((x) => {
        written += 1;
        if (fault && written > fault.failAfterWrites) throw new Error('injected fault: the import stopped part-way');
        return x;
      });
    const centers = change.centers ?? (await read.all<Center>('centers', { generation: from }, [['_id', 'asc']]));
    const items = change.items ?? (await read.all<Item>('items', { generation: from }, [['_id', 'asc']]));
    await writeItems(counted(items), to);
    await writeCenters(counted(centers), to);
  };

  return {
    getCenter: async (id) => read.one<Center>('centers', idIn(await gen(), id)),
    listCenters: async (f, page) => read.page<Center>('centers', centerFilter(f, await gen()), [['_id', 'asc']], page),
    allCenters: async () => read.all<Center>('centers', { generation: await gen() }, [['_id', 'asc']]),
    upsertCenters: async (centers) => writeCenters(centers, await gen()),
    getItem: async (code) => read.one<Item>('items', idIn(await gen(), code)),
    searchItems: async (f, page) => read.page<Item>('items', itemFilter(db, f, await gen()), [['_id', 'asc']], page),
    allItems: async () => read.all<Item>('items', { generation: await gen() }, [['_id', 'asc']]),
    upsertItems: async (items) => writeItems(items, await gen()),

    async applyImport(change, record): Promise<Result<ImportRecord>> {
      const seen = await pointer();
      const to = seen.highest + 1;
      // the generation number is reserved first, so a failed attempt's leftovers are never reused by a later import
      const { version: _v, ...kept } = seen;
      if (!(await switchPointer(seen, { ...kept, highest: to }))) return fail('CONFLICT', undefined, 'another import is running');
      const reserved = { ...seen, highest: to, version: seen.version + 1 };
      await writeGeneration(change, seen.generation, to);
      const entry = { ...record, generation: to, previous: seen.generation };
      const switched = await switchPointer(reserved, { generation: to, highest: to, history: [entry, ...seen.history].slice(0, HISTORY) });
      return switched ? ok(record) : fail('CONFLICT', undefined, 'another import switched the catalogue meanwhile');
    },

    async undoImport(importId, by, at) {
      const from = await pointer();
      const last = from.history.find((h) => h.state === 'applied');
      if (!last || last.id !== importId || last.generation !== from.generation)
        return fail('CONFLICT', undefined, `import ${importId} is not the last applied`);
      const undone = { ...last, state: 'undone' as const, undoneBy: by, undoneAt: at };
      const switched = await switchPointer(from, {
        generation: last.previous,
        highest: from.highest,
        history: from.history.map((h) => (h.id === importId ? undone : h)),
      });
      if (!switched) return fail('CONFLICT', undefined, 'the catalogue changed meanwhile');
      const { generation: _g, previous: _p, ...plainRecord } = undone;
      return ok(plainRecord);
    },

    async listImports(page) {
      const all = (await pointer()).history.map(({ generation: _g, previous: _p, ...r }) => r);
      const start = (page.page - 1) * page.pageSize;
      return { items: all.slice(start, start + page.pageSize), total: all.length, page: page.page, pageSize: page.pageSize };
    },
  };
};
