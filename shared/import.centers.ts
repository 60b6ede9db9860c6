/**
 * The official list of service centers, one row a center (layout in docs/imports.md,
 * templates in data/templates/). The file is the whole list: a center missing from it retires.
 */
import { CenterKindSchema, type Center, type CenterKind } from './directory.schema';
import { ItemListSchema } from './catalogue.schema';
import { townshipByCode } from './townships';
import { cellReader, listCell, locateColumns, type Column, type ImportIssue, type Parsed, type Rows } from './import.report';

/** The centers layout: key, Chinese heading, required. */
export const CENTER_COLUMNS: readonly Column[] = [
  { key: 'id', zh: '编号', required: true },
  { key: 'kind', zh: '类型', required: true },
  { key: 'townshipCode', zh: '镇街代码', required: true },
  { key: 'parentId', zh: '上级编号', required: true },
  { key: 'name', zh: '名称', required: true },
  { key: 'address', zh: '地址', required: true },
  { key: 'phone', zh: '电话', required: true },
  { key: 'hours', zh: '办公时间', required: true },
  { key: 'lat', zh: '纬度', required: true },
  { key: 'lng', zh: '经度', required: true },
  { key: 'entrustedLists', zh: '承接清单', required: false },
];

/** Kind words a file may use, Chinese or the code. */
const KIND_WORDS = new Map<string, CenterKind>([
  ['市级', 'city'],
  ['镇街', 'township'],
  ['村居', 'village'],
  ['开发区', 'zone'],
  ['银行', 'bank'],
  ...CenterKindSchema.options.map((k) => [k, k] as [string, CenterKind]),
]);
/** The list words a file may use for a center's entrusted lists. */
export const LIST_WORDS = new Map<string, string>([
  ['开发区', 'zone'],
  ['太平', 'taiping'],
  ['三级同权', 'sameAuthority'],
  ['政银合作', 'bank'],
  ['全市通办', 'citywide'],
  ['网办', 'online'],
  ...ItemListSchema.options.map((l) => [l, l] as [string, string]),
]);
/** Zoucheng and a margin around it: a point outside is a typing mistake, not a center. */
const BOUNDS = { lat: [34.9, 35.7], lng: [116.6, 117.4] } as const;
/** The kind each kind's parent must be. */
const PARENT_KIND: Record<CenterKind, CenterKind[] | null> = {
  city: null,
  township: ['city'],
  zone: ['city'],
  village: ['township'],
  bank: ['township', 'city'],
};

const ZH = new Map(CENTER_COLUMNS.map((c) => [c.key, c.zh]));
const issue = (row: number, key: string, message: string): ImportIssue => ({ row, column: ZH.get(key), message });

/** A coordinate cell as a number inside Zoucheng, or an error message. */
const coordinate = (v: string, axis: 'lat' | 'lng'): number | string => {
  const n = Number(v);
  if (!v || !Number.isFinite(n)) return `${axis === 'lat' ? '纬度' : '经度'}不是数字`;
  const [lo, hi] = BOUNDS[axis];
  return n < lo || n > hi ? `${axis === 'lat' ? '纬度' : '经度'} ${v} 不在邹城市范围内（${lo}～${hi}）` : n;
};

/** Reads one row into a center; `previous` keeps what the file does not carry (the offers). */
const centerOfRow = (cell: (k: string) => string, row: number, previous: Center | undefined, errors: ImportIssue[]): Center | null => {
  const before = errors.length;
  const id = cell('id');
  if (!/^[a-z0-9-]{2,40}$/.test(id)) errors.push(issue(row, 'id', '编号只能用小写字母、数字和“-”，2到40位'));
  const kind = KIND_WORDS.get(cell('kind'));
  if (!kind) errors.push(issue(row, 'kind', `类型“${cell('kind')}”不对，应为 市级、镇街、村居、开发区 或 银行`));
  const code = cell('townshipCode');
  if (kind !== 'city' && !townshipByCode(code)) errors.push(issue(row, 'townshipCode', `镇街代码“${code}”不在邹城市16个镇街之中`));
  if (!cell('name') || cell('name').length < 2) errors.push(issue(row, 'name', '请填写名称'));
  const lat = coordinate(cell('lat'), 'lat');
  const lng = coordinate(cell('lng'), 'lng');
  if (typeof lat === 'string') errors.push(issue(row, 'lat', lat));
  if (typeof lng === 'string') errors.push(issue(row, 'lng', lng));
  const lists = listCell(cell('entrustedLists'));
  const unknown = lists.filter((l) => !LIST_WORDS.has(l));
  if (unknown.length) errors.push(issue(row, 'entrustedLists', `没有名为“${unknown.join('、')}”的清单`));
  if (errors.length > before || !kind) return null;
  return {
    id,
    kind,
    name: cell('name'),
    townshipCode: kind === 'city' ? null : code,
    parentId: cell('parentId') || null,
    location: { lat: lat as number, lng: lng as number, approximate: false },
    address: cell('address'),
    phone: cell('phone'),
    hours: cell('hours'),
    offers: previous?.offers ?? [],
    entrustedLists: lists.map((l) => LIST_WORDS.get(l)) as Center['entrustedLists'],
    sample: false,
  };
};

/** Checks the chain: every parent exists in the file and has the right kind; one city center. */
const checkChain = (centers: { center: Center; row: number }[], errors: ImportIssue[]) => {
  const byId = new Map(centers.map((c) => [c.center.id, c.center]));
  for (const { center, row } of centers) {
    const kinds = PARENT_KIND[center.kind];
    if (!kinds) continue;
    const parent = center.parentId ? byId.get(center.parentId) : undefined;
    if (!parent) errors.push(issue(row, 'parentId', `上级“${center.parentId ?? ''}”不在这份名录中`));
    else if (!kinds.includes(parent.kind)) errors.push(issue(row, 'parentId', `上级“${parent.name}”的类型不对`));
    else if (center.kind === 'village' && parent.townshipCode !== center.townshipCode)
      errors.push(issue(row, 'townshipCode', `镇街代码与上级“${parent.name}”不一致`));
  }
  if (centers.filter((c) => c.center.kind === 'city').length !== 1) errors.push({ message: '名录中应有且只有一个市级中心' });
};

/** Reads the centers list; `current` is the directory now, whose offers carry over. */
export const parseCenters = (file: Rows, current: readonly Center[]): Parsed<Center> => {
  const { at, errors } = locateColumns(CENTER_COLUMNS, file.header);
  if (errors.length) return { records: [], errors, warnings: [] };
  const previous = new Map(current.map((c) => [c.id, c]));
  const seen = new Map<string, number>();
  const read: { center: Center; row: number }[] = [];
  file.rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = cellReader(at, cells);
    const first = seen.get(cell('id'));
    if (first) return void errors.push(issue(row, 'id', `编号“${cell('id')}”与第${first}行重复`));
    seen.set(cell('id'), row);
    const center = centerOfRow(cell, row, previous.get(cell('id')), errors);
    if (center) read.push({ center, row });
  });
  checkChain(read, errors);
  const warnings = read
    .filter((c) => c.center.kind === 'village' && !c.center.offers.length)
    .map((c) => ({ row: c.row, message: `${c.center.name}还没有可办事项，请随后导入村居事项清单` }));
  return { records: read.map((c) => c.center), errors, warnings };
};
