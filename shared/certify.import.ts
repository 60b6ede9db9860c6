/**
 * The two files of re-certification, read from rows: a roster (花名册) of recipients per scheme,
 * and evidence records from other systems. The ID number is turned into its keyed hash and its
 * mask here, through the hash the caller passes in (the key never reaches shared/), and is not
 * kept anywhere else: a report names a row by its number and a masked ID, never the number.
 */
import { EVIDENCE_SOURCES, EVIDENCE_SOURCE_KEYS, SCHEMES, rosterIdOf, type Evidence, type EvidenceSource, type SchemeCode } from './certify.schema';
import { addChinaDays, isChinaDate, type ChinaDate } from './china.time';
import { addMonths } from './certify.rules';
import { cellReader, locateColumns, type Column, type ImportIssue, type Rows } from './import.report';
import { maskIdNumber, maskName } from './masking';
import { validateIdNumber } from './validators';

/** The roster layout: key, Chinese heading, required. */
export const ROSTER_COLUMNS: readonly Column[] = [
  { key: 'idNumber', zh: '身份证号', required: true },
  { key: 'name', zh: '姓名', required: true },
  { key: 'scheme', zh: '认证项目', required: true },
  { key: 'villageId', zh: '村居编号', required: true },
  { key: 'periodStart', zh: '认证期开始', required: true },
  { key: 'periodEnd', zh: '认证期结束', required: false },
];

/** The evidence layout. */
export const EVIDENCE_COLUMNS: readonly Column[] = [
  { key: 'idNumber', zh: '身份证号', required: true },
  { key: 'source', zh: '来源', required: true },
  { key: 'date', zh: '日期', required: true },
  { key: 'ref', zh: '业务编号', required: false },
];

/** A roster row as read: the person in hash and masks, their village, scheme and period. */
export type RosterRow = {
  id: string;
  schemeCode: SchemeCode;
  idHash: string;
  idMasked: string;
  nameMasked: string;
  villageId: string;
  townshipCode: string;
  periodStart: ChinaDate;
  periodEnd: ChinaDate;
};

/** What the reader needs: the keyed hash, the villages in force (id to township code), today. */
export type ReadKit = { hash: (value: string) => string; villages: ReadonlyMap<string, string>; today: ChinaDate };

type Parsed<T> = { records: T[]; errors: ImportIssue[]; warnings: ImportIssue[] };

/** A date cell as YYYY-MM-DD: 2026-03-01, 2026/3/1, 2026.3.1 or 20260301; '' when it is not a real date. */
export const dateCell = (v: string): ChinaDate | '' => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return '';
  const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isChinaDate(d) ? d : '';
};

/** Reads the ID cell: the hash and mask, or the row's error (with the masked value only). */
const idOf = (raw: string, row: number, kit: ReadKit, errors: ImportIssue[]) => {
  const id = validateIdNumber(raw, kit.today.replace(/-/g, ''));
  if (id.ok) return { idHash: kit.hash(id.value), idMasked: maskIdNumber(id.value) };
  errors.push({ row, column: '身份证号', message: `身份证号${raw ? ` ${maskIdNumber(raw)} ` : ''}不正确，请核对` });
  return null;
};

const SCHEME_BY_TEXT = new Map(SCHEMES.flatMap((s) => [[s.code, s.code as SchemeCode] as const, [s.name, s.code as SchemeCode] as const]));
const SOURCE_BY_TEXT = new Map<string, EvidenceSource>(EVIDENCE_SOURCE_KEYS.flatMap((k) => [[k, k] as const, [EVIDENCE_SOURCES[k], k] as const]));

/** Reads a roster: every row a person on a scheme; a person twice on one scheme is an error. */
export const parseRoster = (file: Rows, kit: ReadKit): Parsed<RosterRow> => {
  const { at, errors } = locateColumns(ROSTER_COLUMNS, file.header);
  const warnings: ImportIssue[] = [];
  if (errors.length) return { records: [], errors, warnings };
  const seen = new Map<string, number>();
  const records: RosterRow[] = [];
  file.rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = cellReader(at, cells);
    const before = errors.length;
    const id = idOf(cell('idNumber'), row, kit, errors);
    const schemeCode = SCHEME_BY_TEXT.get(cell('scheme'));
    if (!schemeCode) errors.push({ row, column: '认证项目', message: `没有认证项目“${cell('scheme')}”，可填：${SCHEMES.map((s) => s.name).join('、')}` });
    const townshipCode = kit.villages.get(cell('villageId'));
    if (!townshipCode) errors.push({ row, column: '村居编号', message: `没有编号为“${cell('villageId')}”的村居` });
    if (cell('name').length < 2) errors.push({ row, column: '姓名', message: '请填写姓名' });
    const periodStart = dateCell(cell('periodStart'));
    if (!periodStart) errors.push({ row, column: '认证期开始', message: '日期不正确，请写成 2026-03-01' });
    const endText = cell('periodEnd');
    const periodEnd = endText ? dateCell(endText) : periodStart && addChinaDays(addMonths(periodStart, 12), -1);
    if (endText && !periodEnd) errors.push({ row, column: '认证期结束', message: '日期不正确，请写成 2027-02-28' });
    else if (periodStart && periodEnd && periodEnd < periodStart) errors.push({ row, column: '认证期结束', message: '结束日期不能早于开始日期' });
    if (errors.length > before || !id || !schemeCode || !townshipCode || !periodStart || !periodEnd) return;
    const key = rosterIdOf(schemeCode, id.idHash);
    const first = seen.get(key);
    if (first) return void errors.push({ row, column: '身份证号', message: `${id.idMasked}在第${first}行已列过同一项目` });
    seen.set(key, row);
    records.push({ id: key, schemeCode, ...id, nameMasked: maskName(cell('name')), villageId: cell('villageId'), townshipCode, periodStart, periodEnd });
  });
  return { records, errors, warnings };
};

/** Reads evidence: a person, a source and a date each row; the id is derived, so a repeated record is one. */
export const parseEvidence = (file: Rows, kit: Pick<ReadKit, 'hash' | 'today'>, importId: string): Parsed<Evidence> => {
  const { at, errors } = locateColumns(EVIDENCE_COLUMNS, file.header);
  const warnings: ImportIssue[] = [];
  if (errors.length) return { records: [], errors, warnings };
  const byId = new Map<string, Evidence>();
  file.rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = cellReader(at, cells);
    const before = errors.length;
    const id = idOf(cell('idNumber'), row, { ...kit, villages: new Map() }, errors);
    const source = SOURCE_BY_TEXT.get(cell('source'));
    if (!source) errors.push({ row, column: '来源', message: `来源“${cell('source')}”不在名单中，可填：${Object.values(EVIDENCE_SOURCES).join('、')}` });
    const date = dateCell(cell('date'));
    if (!date) errors.push({ row, column: '日期', message: '日期不正确，请写成 2026-03-01' });
    else if (date > kit.today) errors.push({ row, column: '日期', message: `日期 ${date} 晚于今天` });
    if (errors.length > before || !id || !source || !date) return;
    const ref = cell('ref').slice(0, 40);
    const evidenceId = `ev-${kit.hash(`${id.idHash}|${source}|${date}|${ref}`).slice(0, 32)}`;
    if (byId.has(evidenceId)) return void warnings.push({ row, message: `第${row}行与前面的记录重复，只算一次` });
    byId.set(evidenceId, { id: evidenceId, idHash: id.idHash, source, date, ...(ref ? { ref } : {}), importId });
  });
  return { records: [...byId.values()], errors, warnings };
};
