/**
 * admin: imports of the official lists (centers, items, which village offers which item).
 * Every file is checked first (a dry run answers the report); applying needs the hash that
 * dry run answered, so what is applied is exactly what the administrator read the report of.
 * An apply is all or nothing (CatalogueStore), recorded, undoable, and clears the catalogue cache.
 */
import { AppError } from '../../shared/errors';
import type { Center } from '../../shared/directory.schema';
import type { Item } from '../../shared/catalogue.schema';
import { diffRecords, reportOf, type ImportKind, type ImportReport, type Parsed, type Rows } from '../../shared/import.report';
import { parseCenters } from '../../shared/import.centers';
import { parseItems } from '../../shared/import.items';
import { parseOffers } from '../../shared/import.offers';
import type { Handlers } from '../core/edge/dispatch';
import { unwrap } from '../core/edge/envelope';
import { actorOf, requireRole } from '../core/identity/caller';
import { nowIso, type CtxWith } from '../core/services/context';
import { fileHashOf, readRows } from '../core/services/import.files';
import type { CatalogueChange, ImportRecord } from '../core/stores/catalogue.port';

type Lists = { centers: Center[]; items: Item[] };
type ImportInput = { file: { name: string; dataBase64: string }; dryRun: boolean; confirmHash?: string };

/** Every item, page by page (the catalogue is a few hundred). */
const allItems = async (ctx: CtxWith<'directory'>): Promise<Item[]> => {
  const out: Item[] = [];
  for (let page = 1; ; page += 1) {
    const res = await ctx.deps.directory.searchItems({}, { page, pageSize: 500 });
    out.push(...res.items);
    if (res.items.length < 500) return out;
  }
};

/** What each kind reads from its rows, what it compares against, and what it replaces. */
const KINDS: Record<
  ImportKind,
  {
    parse(rows: Rows, now: Lists): Parsed<Center | Item>;
    current(now: Lists): (Center | Item)[];
    change(records: (Center | Item)[], now: Lists): CatalogueChange;
  }
> = {
  centers: { parse: (rows, now) => parseCenters(rows, now.centers), current: (now) => now.centers, change: (r) => ({ centers: r as Center[] }) },
  items: { parse: (rows, now) => parseItems(rows, now.items), current: (now) => now.items, change: (r) => ({ items: r as Item[] }) },
  offers: {
    parse: (rows, now) => parseOffers(rows, now.centers, now.items),
    current: (now) => now.centers.filter((c) => c.kind === 'village'),
    // the villages' new offers, every other center as it is
    change: (r, now) => {
      const villages = new Map((r as Center[]).map((c) => [c.id, c]));
      return { centers: now.centers.map((c) => villages.get(c.id) ?? c) };
    },
  },
};

const idOf = (r: Center | Item) => ('id' in r ? r.id : r.code);

/** Reads, checks and compares a file; answers the report and what applying it would write. */
const check = async (ctx: CtxWith<'directory'>, kind: ImportKind, name: string, bytes: Buffer) => {
  const rows = await readRows(name, bytes);
  const now: Lists = { centers: await ctx.deps.directory.allCenters(), items: await allItems(ctx) };
  const k = KINDS[kind];
  if (!rows.ok) {
    const report: ImportReport = reportOf(
      kind,
      0,
      { records: [], errors: [{ message: rows.reason }], warnings: [] },
      { add: [], change: [], retire: [], unchanged: 0 },
    );
    return { report, change: null };
  }
  const parsed = k.parse(rows.value, now);
  // the sample mark is cleared by every import; it is not a change a person needs to read
  const diff = diffRecords(k.current(now), parsed.records, idOf, ['sample']);
  return { report: reportOf(kind, rows.value.rows.length, parsed, diff), change: parsed.errors.length ? null : k.change(parsed.records, now) };
};

/** One import action: the dry run, or the apply of a file whose dry run was read. */
const importOf = (kind: ImportKind) => async (ctx: CtxWith<'directory' | 'catalogue' | 'catalogueImports' | 'audit' | 'now' | 'newId'>, input: ImportInput) => {
  const admin = requireRole(ctx, 'admin');
  const bytes = Buffer.from(input.file.dataBase64, 'base64');
  const fileHash = fileHashOf(bytes);
  const { report, change } = await check(ctx, kind, input.file.name, bytes);
  if (input.dryRun) return { report, fileHash, applied: null };
  if (input.confirmHash !== fileHash) throw new AppError('VALIDATION_FAILED', { confirmHash: '请先检查这份文件，再确认导入' });
  if (!change) throw new AppError('IMPORT_INVALID');
  const at = nowIso(ctx);
  const record: ImportRecord = {
    id: ctx.deps.newId('imp'),
    kind,
    fileName: input.file.name,
    fileHash,
    by: admin.id,
    at,
    state: 'applied',
    counts: { rows: report.rowsRead, ...report.counts },
  };
  const applied = unwrap(await ctx.deps.catalogueImports.applyImport(change, record));
  ctx.deps.catalogue.invalidate();
  await ctx.deps.audit.appendAudit({ at, actor: actorOf(admin), action: 'import.apply', note: `${record.id} ${kind} ${fileHash.slice(0, 12)}` });
  return { report, fileHash, applied };
};

export const importHandlers: Pick<Handlers<'admin'>, 'importCenters' | 'importItems' | 'importOffers' | 'listImports' | 'undoImport'> = {
  importCenters: importOf('centers'),
  importItems: importOf('items'),
  importOffers: importOf('offers'),

  async listImports(ctx, input) {
    requireRole(ctx, 'admin');
    return ctx.deps.catalogueImports.listImports({ page: input.page, pageSize: input.pageSize });
  },

  async undoImport(ctx, input) {
    const admin = requireRole(ctx, 'admin');
    const at = nowIso(ctx);
    const undone = unwrap(await ctx.deps.catalogueImports.undoImport(input.id, admin.id, at));
    ctx.deps.catalogue.invalidate();
    await ctx.deps.audit.appendAudit({ at, actor: actorOf(admin), action: 'import.undo', note: input.id });
    return { import: undone };
  },
};
