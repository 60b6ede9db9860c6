/**
 * Reads an uploaded list (CSV or XLSX) into rows of text with well-kept parsers: csv-parse for
 * CSV (UTF-8, a BOM allowed, as Excel saves it), exceljs for XLSX (the first worksheet).
 * A file the parser cannot read answers one Chinese reason, which the import report shows as its error.
 * The writers make the templates and the exports in the same layouts.
 */
import { createHash } from 'node:crypto';
import type * as CsvParse from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { Rows } from '../../../shared/import.report';

/**
 * exceljs, required on the first spreadsheet read or written: it takes longer to load than the
 * rest of the admin function together (the manifest's `loadLater` puts it in a file of its own).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at the function's start
const excel = (): typeof ExcelJS => require('exceljs') as typeof ExcelJS;
/** csv-parse, required on the first CSV read: most calls of the admin and certify functions read no file. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at the function's start
const csv = (): typeof CsvParse => require('csv-parse/sync') as typeof CsvParse;

/** The rows of a file, or why it could not be read. */
export type ReadRows = { ok: true; value: Rows } | { ok: false; reason: string };
const ok = (value: Rows): ReadRows => ({ ok: true, value });

/** The SHA-256 of a file, as the import record keeps it. */
export const fileHashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const unreadable = (reason: string): ReadRows => ({ ok: false, reason });

/** Drops rows with nothing in them (Excel keeps formatted empty rows). */
const filled = (rows: string[][]): string[][] => rows.filter((r) => r.some((c) => c.trim() !== ''));

/** A cell of exceljs as the text a person typed: rich text joined, a formula's result, a date as YYYY-MM-DD. */
const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
};

const readCsv = (bytes: Buffer): ReadRows => {
  try {
    const rows = filled(csv().parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]);
    return rows.length ? ok({ header: rows[0], rows: rows.slice(1) }) : unreadable('文件是空的');
  } catch {
    return unreadable('CSV 文件格式不对，请用模板另存为“CSV UTF-8”');
  }
};

const readXlsx = async (bytes: Buffer): Promise<ReadRows> => {
  const book = new (excel().Workbook)();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return unreadable('Excel 文件打不开，请确认是 .xlsx 格式');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return unreadable('Excel 文件里没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    rows.push(values.slice(1).map(cellText));
  });
  const kept = filled(rows);
  return kept.length ? ok({ header: kept[0], rows: kept.slice(1) }) : unreadable('工作表是空的');
};

/** Writes rows as CSV (UTF-8 with a BOM, so Excel shows the Chinese), quoting where needed. */
export const writeCsv = (file: Rows): Buffer => {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [file.header, ...file.rows].map((r) => r.map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
};

/** Writes rows as an XLSX workbook of one sheet, the header bold and frozen. */
export const writeXlsx = async (sheetName: string, file: Rows): Promise<Buffer> => writeXlsxSheets([{ name: sheetName, ...file }]);

/** A sheet of a workbook: numbers stay numbers, so a spreadsheet can sum them. */
export type Sheet = { name: string; header: readonly string[]; rows: readonly (readonly (string | number)[])[] };

/** Writes sheets as one XLSX workbook, each header bold and frozen. */
export const writeXlsxSheets = async (sheets: readonly Sheet[]): Promise<Buffer> => {
  const book = new (excel().Workbook)();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...s.header]).font = { bold: true };
    for (const r of s.rows) sheet.addRow([...r]);
    sheet.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** Reads a file by its name's ending: .csv or .xlsx; anything else is refused. */
export const readRows = async (name: string, bytes: Buffer): Promise<ReadRows> => {
  if (/\.csv$/i.test(name)) return readCsv(bytes);
  if (/\.xlsx$/i.test(name)) return readXlsx(bytes);
  return unreadable('只能导入 .csv 或 .xlsx 文件');
};
