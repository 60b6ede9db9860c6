/**
 * What an import of the official lists answers before and after it is applied: rows read, what
 * it adds, changes (field by field) and retires, and errors by row and column in Chinese.
 * Pure: the files are read into rows by the caller; here rows become records and a report.
 */
import { z } from 'zod';

/** The lists an administrator imports. */
export const ImportKindSchema = z.enum(['centers', 'items', 'offers']);
export type ImportKind = z.infer<typeof ImportKindSchema>;

/** One problem of the file: the data row (1 = the first row under the header) and the column's heading. */
export const ImportIssueSchema = z.object({ row: z.number().int().optional(), column: z.string().max(2000).optional(), message: z.string().max(2000) });
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** One field a record changes, before and after, as text. */
export const FieldChangeSchema = z.object({ field: z.string().max(2000), from: z.string().max(2000), to: z.string().max(2000) });
/** A changed record: its id and its changed fields. */
export const RecordChangeSchema = z.object({ id: z.string().max(2000), fields: z.array(FieldChangeSchema) });

/** The report of an import; the lists are cut at `REPORT_LIMIT` entries, the counts are whole. */
export const ImportReportSchema = z.object({
  kind: ImportKindSchema,
  rowsRead: z.number().int(),
  counts: z.object({ add: z.number().int(), change: z.number().int(), retire: z.number().int(), unchanged: z.number().int() }),
  add: z.array(z.string().max(2000)),
  change: z.array(RecordChangeSchema),
  retire: z.array(z.string().max(2000)),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** How many entries of each list a report carries: enough to read, small enough to answer. */
export const REPORT_LIMIT = 200;

/** A file's rows as the parser read them: the header's cells, then each data row's cells, as text. */
export type Rows = { header: string[]; rows: string[][] };

/** Records read from rows, with the problems found on the way. */
export type Parsed<T> = { records: T[]; errors: ImportIssue[]; warnings: ImportIssue[] };

/** A column of a layout: its key, its Chinese heading (either names it in a file) and whether it must be filled. */
export type Column = { key: string; zh: string; required: boolean };

/** Finds each layout column in the header, by key or by Chinese heading; a missing required column is an error. */
export const locateColumns = (layout: readonly Column[], header: readonly string[]): { at: Map<string, number>; errors: ImportIssue[] } => {
  const clean = header.map((h) => h.trim().replace(/^\uFEFF/, ''));
  const at = new Map<string, number>();
  const errors: ImportIssue[] = [];
  for (const c of layout) {
    const i = clean.findIndex((h) => h === c.key || h === c.zh || h === `${c.zh}（${c.key}）` || h === `${c.zh}(${c.key})`);
    if (i >= 0) at.set(c.key, i);
    else if (c.required) errors.push({ column: c.zh, message: `缺少“${c.zh}”列，请使用模板的表头` });
  }
  return { at, errors };
};

/** Reads one row by column key: the trimmed cell, or '' when the column is absent or the cell empty. */
export const cellReader =
  (at: Map<string, number>, row: readonly string[]) =>
  (key: string): string => {
    const i = at.get(key);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };

/** Splits a list cell on ; ； 、 or , and drops blanks. */
export const listCell = (v: string): string[] =>
  v
    .split(/[;；、,，]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A value as the report shows it: lists joined, objects as JSON. */
const shown = (v: unknown): string =>
  v === undefined || v === null
    ? ''
    : Array.isArray(v) && v.every((x) => typeof x !== 'object')
      ? v.join('；')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/**
 * Compares the current records with the file's: added, changed field by field, retired, unchanged.
 * `ignore` names fields that do not count as a change (the sample mark, which every import clears).
 */
export const diffRecords = <T extends object>(current: readonly T[], next: readonly T[], idOf: (r: T) => string, ignore: readonly string[] = []) => {
  const before = new Map(current.map((r) => [idOf(r), r]));
  const after = new Map(next.map((r) => [idOf(r), r]));
  const add = next.filter((r) => !before.has(idOf(r))).map(idOf);
  const retire = current.filter((r) => !after.has(idOf(r))).map(idOf);
  const change: z.infer<typeof RecordChangeSchema>[] = [];
  let unchanged = 0;
  for (const r of next) {
    const old = before.get(idOf(r));
    if (!old) continue;
    const keys = [...new Set([...Object.keys(old), ...Object.keys(r)])].filter((k) => !ignore.includes(k));
    const fields = keys
      .filter((k) => JSON.stringify((old as Record<string, unknown>)[k]) !== JSON.stringify((r as Record<string, unknown>)[k]))
      .map((k) => ({ field: k, from: shown((old as Record<string, unknown>)[k]), to: shown((r as Record<string, unknown>)[k]) }));
    if (fields.length) change.push({ id: idOf(r), fields });
    else unchanged += 1;
  }
  return { add, change, retire, unchanged };
};

/** The report of a parse and its diff, lists cut at REPORT_LIMIT. */
export const reportOf = <T extends object>(kind: ImportKind, rowsRead: number, parsed: Parsed<T>, diff: ReturnType<typeof diffRecords<T>>): ImportReport => ({
  kind,
  rowsRead,
  counts: { add: diff.add.length, change: diff.change.length, retire: diff.retire.length, unchanged: diff.unchanged },
  add: diff.add.slice(0, REPORT_LIMIT),
  change: diff.change.slice(0, REPORT_LIMIT),
  retire: diff.retire.slice(0, REPORT_LIMIT),
  errors: parsed.errors.slice(0, REPORT_LIMIT),
  warnings: parsed.warnings.slice(0, REPORT_LIMIT),
});
