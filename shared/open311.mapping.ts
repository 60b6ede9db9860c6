/**
 * How our catalogue, forms and requests read in Open311 GeoReport v2 (docs/open311.md): a
 * catalogue item is a service, a form field an attribute, a request a service request. Pure:
 * the caller passes the directory's names and `now`; the edge renders the answer as XML or JSON.
 */
import type { FormField, Item } from './catalogue.schema';
import type { Directory, CenterDistance } from './directory';
import { nearestOf } from './directory';
import type { LatLng } from './directory.schema';
import { chinaW3cOf } from './china.time';
import { fail, ok, type Result } from './errors';
import { stateLabel } from './labels.zh-CN';
import { OPEN_STATES } from './queue';
import type { Request } from './request.schema';
import { MAX_WINDOW_DAYS, type Open311Query } from './open311.schema';

/** GET services: one element per service. */
export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
};

/** An attribute of a service definition. */
export type Open311Attribute = {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
};

/** GET service_requests: one request as a partner reads it. */
export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime?: string;
  address?: string;
  lat: number;
  long: number;
  media_url?: string;
};

const LEVEL_ZH_CN: Record<Item['level'], string> = { village: '村级事项', township: '镇街事项', city: '市级事项' };

/** Items a partner can file for a resident: everything but company-only matters. */
export const isResidentService = (item: Pick<Item, 'audience'>): boolean => item.audience !== 'company';

/** A catalogue item as an Open311 service; `metadata` says whether it has a form to fill in. */
export const serviceOf = (item: Item): Open311Service => ({
  service_code: item.code,
  service_name: item.name,
  description: `${item.department}办理，${item.kind === 'immediate' ? '即办件' : `承诺${item.promisedDays}个工作日办结`}；收费：${item.fee}${item.sample ? '（示例数据）' : ''}`,
  metadata: item.formFields.length > 0,
  type: 'realtime',
  keywords: [LEVEL_ZH_CN[item.level], ...item.lifeEvents].join(', '),
  group: item.category,
});

const DATATYPE: Record<FormField['type'], Open311Attribute['datatype']> = {
  text: 'string',
  textarea: 'text',
  number: 'number',
  date: 'datetime',
  select: 'singlevaluelist',
  phone: 'string',
  idNumber: 'string',
  idOrCreditCode: 'string',
  creditCode: 'string',
};
const DATATYPE_NOTE: Record<FormField['type'], string> = {
  text: '文字',
  textarea: '多行文字',
  number: '数字',
  date: '日期，YYYY-MM-DD',
  select: '从列表中选一项',
  phone: '11位手机号',
  idNumber: '18位居民身份证号',
  idOrCreditCode: '18位居民身份证号或统一社会信用代码',
  creditCode: '18位统一社会信用代码',
};

/** One form field as an attribute: its key is the code, its label the description. */
export const attributeOf = (field: FormField, index: number): Open311Attribute => ({
  variable: true,
  code: field.key,
  datatype: DATATYPE[field.type],
  required: field.required,
  datatype_description: field.maxLength ? `${DATATYPE_NOTE[field.type]}，不超过${field.maxLength}字` : DATATYPE_NOTE[field.type],
  order: index + 1,
  description: field.label,
  ...(field.type === 'select' ? { values: (field.options ?? []).map((o) => ({ key: o, name: o })) } : {}),
});

/** GET services/{code}: the item's form as attributes. */
export const serviceDefinitionOf = (item: Item): { service_code: string; attributes: Open311Attribute[] } => ({
  service_code: item.code,
  attributes: item.formFields.map(attributeOf),
});

/**
 * The form values of `attribute[code]`, as the app's form schema reads them: a datetime sent
 * for a date field counts by its day, so a client that only knows `datetime` still fits.
 */
export const formValuesOf = (fields: readonly FormField[], attributes: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = attributes[f.key];
    if (v === undefined) continue;
    out[f.key] = f.type === 'date' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v;
  }
  return out;
};

/** Farthest a filing may lie from the nearest village center and still be in Zoucheng (see docs/open311.md). */
export const SERVICE_AREA_VILLAGE_KM = 8;

/** The village center nearest a location, or OUTSIDE_SERVICE_AREA when none is near enough. */
export const homeVillageAt = (dir: Directory, point: LatLng): Result<CenterDistance> => {
  const [nearest] = nearestOf(dir, dir.ofKind('village'), point, 1);
  if (!nearest || nearest.distanceKm > SERVICE_AREA_VILLAGE_KM)
    return fail('OUTSIDE_SERVICE_AREA', { lat: 'OUTSIDE_SERVICE_AREA', long: 'OUTSIDE_SERVICE_AREA' });
  return ok(nearest);
};

/** A request as a partner reads it; the names of centers come from the directory. */
export const requestOf = (r: Request, dir: Pick<Directory, 'byId'>): Open311Request => {
  const channel = r.channel;
  return {
    service_request_id: r.id,
    status: OPEN_STATES.includes(r.state) ? 'open' : 'closed',
    status_notes: `${stateLabel(r.state)}（${r.trackingNo}）`,
    service_name: r.itemName,
    service_code: r.itemCode,
    description: channel?.description ?? '',
    agency_responsible: dir.byId.get(r.deciderId)?.name ?? r.deciderId,
    service_notice: channel?.notice ?? '',
    requested_datetime: chinaW3cOf(r.submittedAt),
    updated_datetime: chinaW3cOf(r.updatedAt),
    ...(r.deadline ? { expected_datetime: chinaW3cOf(r.deadline) } : {}),
    ...(channel?.address ? { address: channel.address } : {}),
    lat: channel?.location.lat ?? 0,
    long: channel?.location.lng ?? 0,
    ...(channel?.mediaUrl ? { media_url: channel.mediaUrl } : {}),
  };
};

const DAY_MS = 86_400_000;

/** The window GET requests searches: the given dates, at most 90 days apart; by default the last 90 days. */
export const searchWindow = (q: Pick<Open311Query, 'start_date' | 'end_date'>, nowMs: number): Result<{ fromMs: number; toMs: number }> => {
  const span = MAX_WINDOW_DAYS * DAY_MS;
  const start = q.start_date ? Date.parse(q.start_date) : undefined;
  const end = q.end_date ? Date.parse(q.end_date) : undefined;
  const fromMs = start ?? (end ?? nowMs) - span;
  const toMs = end ?? (start !== undefined ? start + span : nowMs);
  if (toMs < fromMs) return fail('VALIDATION_FAILED', { end_date: '结束时间不能早于开始时间' });
  if (toMs - fromMs > span) return fail('DATE_RANGE_TOO_LONG', { end_date: 'DATE_RANGE_TOO_LONG' });
  return ok({ fromMs, toMs });
};

/** Whether a request passes the filters of GET requests (the id list is handled before). */
export const matchesQuery = (r: Request, q: Pick<Open311Query, 'service_code' | 'status'>, window: { fromMs: number; toMs: number }): boolean => {
  const at = Date.parse(r.submittedAt);
  if (at < window.fromMs || at > window.toMs) return false;
  if (q.service_code && r.itemCode !== q.service_code) return false;
  return !q.status || (OPEN_STATES.includes(r.state) ? 'open' : 'closed') === q.status;
};
