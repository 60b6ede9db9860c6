/**
 * The official item catalogue (事项清单), one row an item (layout in docs/imports.md). The file
 * is the whole catalogue: an item missing from it retires. The application form of an item
 * already known is kept; a new item gets the plain form every item starts with.
 */
import { AudienceSchema, ItemLevelSchema, LIFE_EVENTS, type FormField, type Item, type MaterialSpec } from './catalogue.schema';
import { LIST_WORDS } from './import.centers';
import { cellReader, listCell, locateColumns, type Column, type ImportIssue, type Parsed, type Rows } from './import.report';

/** The items layout: key, Chinese heading, required. */
export const ITEM_COLUMNS: readonly Column[] = [
  { key: 'code', zh: '事项编码', required: true },
  { key: 'name', zh: '事项名称', required: true },
  { key: 'level', zh: '层级', required: true },
  { key: 'audience', zh: '服务对象', required: true },
  { key: 'category', zh: '类别', required: true },
  { key: 'lists', zh: '所属清单', required: false },
  { key: 'lifeEvents', zh: '主题', required: false },
  { key: 'kind', zh: '办件类型', required: true },
  { key: 'promisedDays', zh: '承诺时限', required: true },
  { key: 'statutoryDays', zh: '法定时限', required: true },
  { key: 'visits', zh: '跑动次数', required: true },
  { key: 'fee', zh: '收费', required: true },
  { key: 'department', zh: '实施部门', required: true },
  { key: 'conditions', zh: '受理条件', required: false },
  { key: 'materials', zh: '申请材料', required: false },
];

const LEVEL_WORDS = new Map<string, Item['level']>([
  ['村居', 'village'],
  ['镇街', 'township'],
  ['市级', 'city'],
  ...ItemLevelSchema.options.map((l) => [l, l] as [string, Item['level']]),
]);
const AUDIENCE_WORDS = new Map<string, Item['audience']>([
  ['个人', 'person'],
  ['企业', 'company'],
  ['个人和企业', 'both'],
  ...AudienceSchema.options.map((a) => [a, a] as [string, Item['audience']]),
]);
const KIND_WORDS = new Map<string, Item['kind']>([
  ['即办件', 'immediate'],
  ['承诺件', 'promised'],
  ['immediate', 'immediate'],
  ['promised', 'promised'],
]);
const EVENTS = new Set<string>(LIFE_EVENTS);

/** The form a newly imported item starts with: who to call back, and what the applicant asks. */
export const STARTER_FORM: FormField[] = [
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
  { key: 'reason', label: '申请说明', type: 'textarea', required: false, maxLength: 500 },
];

const ZH = new Map(ITEM_COLUMNS.map((c) => [c.key, c.zh]));
const issue = (row: number, key: string, message: string): ImportIssue => ({ row, column: ZH.get(key), message });

/** Materials as written in one cell: 居民身份证[纸质]；近期照片[电子][可选]. Paper unless marked 电子; required unless 可选. */
export const materialsOf = (v: string): MaterialSpec[] =>
  listCell(v).map((m) => {
    const name = m.replace(/\[[^\]]*\]/g, '').trim();
    return { name, paper: !m.includes('[电子]'), copies: m.includes('[电子]') ? 0 : 1, required: !m.includes('[可选]') };
  });

/** A day count cell as a whole number of working days, or null. */
const days = (v: string): number | null => (/^\d{1,3}$/.test(v) ? Number(v) : null);

/** Reads one row into an item; `previous` keeps its application form. */
const itemOfRow = (cell: (k: string) => string, row: number, previous: Item | undefined, errors: ImportIssue[]): Item | null => {
  const before = errors.length;
  const code = cell('code');
  if (!/^[A-Z0-9-]{4,40}$/.test(code)) errors.push(issue(row, 'code', '事项编码只能用大写字母、数字和“-”，4到40位'));
  if (cell('name').length < 2) errors.push(issue(row, 'name', '请填写事项名称'));
  const level = LEVEL_WORDS.get(cell('level'));
  if (!level) errors.push(issue(row, 'level', `层级“${cell('level')}”不对，应为 村居、镇街 或 市级`));
  const audience = AUDIENCE_WORDS.get(cell('audience'));
  if (!audience) errors.push(issue(row, 'audience', `服务对象“${cell('audience')}”不对，应为 个人、企业 或 个人和企业`));
  const kind = KIND_WORDS.get(cell('kind'));
  if (!kind) errors.push(issue(row, 'kind', `办件类型“${cell('kind')}”不对，应为 即办件 或 承诺件`));
  const lists = listCell(cell('lists'));
  const unknown = lists.filter((l) => !LIST_WORDS.has(l));
  if (unknown.length) errors.push(issue(row, 'lists', `没有名为“${unknown.join('、')}”的清单`));
  const listCodes = lists.map((l) => LIST_WORDS.get(l)) as Item['lists'];
  // 区内事区内办 hands township and city powers to the zone branch; a village item cannot be on it
  if (listCodes.includes('zone') && level === 'village') errors.push(issue(row, 'lists', '村居事项不能列入开发区清单（开发区清单只收镇街或市级事项）'));
  const events = listCell(cell('lifeEvents'));
  const badEvents = events.filter((e) => !EVENTS.has(e));
  if (badEvents.length) errors.push(issue(row, 'lifeEvents', `没有“${badEvents.join('、')}”这个主题`));
  const promised = days(cell('promisedDays'));
  const statutory = days(cell('statutoryDays'));
  if (promised === null) errors.push(issue(row, 'promisedDays', '承诺时限应是工作日天数（整数）'));
  if (statutory === null) errors.push(issue(row, 'statutoryDays', '法定时限应是工作日天数（整数）'));
  const visits = cell('visits');
  if (visits !== '0' && visits !== '1') errors.push(issue(row, 'visits', '跑动次数应为 0 或 1'));
  for (const k of ['category', 'fee', 'department'] as const) if (!cell(k)) errors.push(issue(row, k, `请填写${ZH.get(k)}`));
  if (errors.length > before || !level || !audience || !kind) return null;
  return {
    code,
    name: cell('name'),
    audience,
    category: cell('category'),
    lifeEvents: events as Item['lifeEvents'],
    level,
    lists: listCodes,
    materials: materialsOf(cell('materials')),
    conditions: listCell(cell('conditions')),
    fee: cell('fee'),
    promisedDays: promised!,
    statutoryDays: statutory!,
    kind,
    visits: visits === '0' ? 0 : 1,
    department: cell('department'),
    formFields: previous?.formFields ?? STARTER_FORM,
    sample: false,
  };
};

/** Reads the catalogue; `current` is the catalogue now, whose application forms carry over. */
export const parseItems = (file: Rows, current: readonly Item[]): Parsed<Item> => {
  const { at, errors } = locateColumns(ITEM_COLUMNS, file.header);
  if (errors.length) return { records: [], errors, warnings: [] };
  const previous = new Map(current.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  const records: Item[] = [];
  file.rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = cellReader(at, cells);
    const first = seen.get(cell('code'));
    if (first) return void errors.push(issue(row, 'code', `事项编码“${cell('code')}”与第${first}行重复`));
    seen.set(cell('code'), row);
    const item = itemOfRow(cell, row, previous.get(cell('code')), errors);
    if (item) records.push(item);
  });
  const warnings = records
    .filter((r) => !previous.has(r.code))
    .slice(0, 1)
    .map(() => ({ message: '新事项使用默认申请表（联系电话、申请说明），如需更多填写项请联系技术人员' }));
  return { records, errors, warnings };
};
