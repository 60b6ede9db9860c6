import type { ErrorCode } from './errors';
import type { FieldIssue, FieldIssueCode } from './field.issues';

/** The Chinese text a user sees for each error code. One table, keyed by code. */
export const MESSAGES_ZH_CN: Record<ErrorCode, string> = {
  BAD_JSON: '请求格式不正确，请刷新后重试',
  BAD_URL: '网址不正确，请检查后重新打开',
  PAYLOAD_TOO_LARGE: '提交的内容太大，请减少照片数量或压缩后再试',
  UNKNOWN_FUNCTION: '没有这项服务',
  UNKNOWN_ACTION: '没有这个操作',
  VALIDATION_FAILED: '填写的内容有误，请按提示修改',
  INTERNAL: '系统开小差了，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  LOCAL_MODE_ONLY: '体验登录只在本地模式下可用',
  NOT_BOUND: '请先在“我的”页面完善实名信息和所属村居',
  NOT_FOUND: '没有找到这条记录',
  ITEM_NOT_FOUND: '没有找到这个事项',
  CENTER_NOT_FOUND: '没有找到这个服务中心',
  CONFLICT: '这条记录刚被别人修改过，请刷新后再试',
  DUPLICATE: '这条记录已经存在',
  IDEMPOTENCY_KEY_REUSED: '这个提交编号已用于另一份内容不同的申请，请刷新页面后重新提交',
  INVALID_ID_NUMBER: '身份证号码不正确，请核对后重新输入',
  INVALID_CREDIT_CODE: '统一社会信用代码不正确，请核对后重新输入',
  INVALID_PHONE: '手机号码不正确，请输入11位手机号',
  INVALID_CONTACT_PHONE: '电话号码不正确，请填写11位手机号，或带区号的固定电话（如0537-5212345）',
  COMPANY_ALREADY_BOUND: '该企业已由其他账号绑定，请联系企业已绑定的办事人员协助添加',
  ID_ALREADY_BOUND: '该身份证号已绑定其他微信账号，如需更换请到村居为民服务中心办理',
  NO_ROUTE_HOME_UNKNOWN: '还不知道您所在的村居，请先在“我的”页面选择所属村居',
  NO_ROUTE_CENTER_MISSING: '服务中心资料不全，暂时无法确定办理地点，请致电市政务服务中心',
  NO_ROUTE_TOWNSHIP_MISSING: '所属镇街服务中心资料缺失，暂时无法确定办理地点',
  NO_ROUTE_CITY_MISSING: '市政务服务中心资料缺失，暂时无法确定办理地点',
  NO_ROUTE_ZONE_MISSING: '经济开发区分局资料缺失，暂时无法确定办理地点',
  NO_ROUTE_AUDIENCE: '这个事项不面向您这类申请人办理',
  INTAKE_NOT_ALLOWED: '这个服务中心不能受理该事项，请选择推荐的办理地点',
  ILLEGAL_TRANSITION: '当前状态下不能进行这个操作',
  NOT_HOLDER: '这件事目前不在您所在的服务中心办理',
  REASON_REQUIRED: '请填写原因',
  HANDOFF_NOT_PENDING: '这份流转单已经处理过了',
  HANDOFF_CODE_MISMATCH: '流转单签收码不对，请核对',
  RATING_NOT_OPEN: '办结后才能评价',
  RATING_WINDOW_CLOSED: '评价期已过（办结后5个工作日内可评价）',
  ALREADY_RATED: '您已经评价过了',
  RATING_REASON_REQUIRED: '请至少选择一个不满意的原因，我们会据此整改',
  RECTIFICATION_NOT_OPEN: '这件办件没有待回访的整改',
  CALENDAR_OUT_OF_RANGE: '节假日日历尚未覆盖这个日期，无法计算办理期限',
  CALENDAR_INVALID: '节假日安排有误，请按提示修改后再保存',
  CALENDAR_YEAR_BUILT_IN: '这一年的节假日安排系统已内置，无需录入',
  IMPORT_INVALID: '导入文件有错误，请按报告修改后再导入',
  INVITE_NOT_FOUND: '邀请码不对，请核对后重新输入',
  INVITE_EXPIRED: '邀请码已过期（7天内有效），请联系管理员重新邀请',
  INVITE_USED: '这个邀请码已经使用过了，每个邀请码只能用一次',
  INVITE_REVOKED: '这个邀请码已被管理员作废',
  OWN_ROLE: '不能调整自己的角色，请由另一位管理员操作',
  CLAIM_PENDING: '您已提交过这家企业的认领，正在等待核验，请勿重复提交',
  CLAIM_NOT_PENDING: '这份认领已经处理过了（已通过或已退回）',
  MEMBER_NOT_FOUND: '这个人不是本企业的成员',
  OFFICER_NOT_CLERK: '企业管家须是企业所在镇街（或开发区分局）的工作人员',
  API_KEY_INVALID: 'api_key 缺失、无效或已被吊销，请向邹城市政务服务中心申请',
  RATE_LIMITED: '调用太频繁，请一分钟后再试',
  OUTSIDE_SERVICE_AREA: '这个位置不在邹城市范围内，邹城通办无法受理',
  DATE_RANGE_TOO_LONG: '查询的时间范围不能超过90天',
  SLOT_NOT_FOUND: '这个时段不开放预约，请重新选择',
  SLOT_FULL: '这个时段已约满，请选择其他时段',
  SLOT_PAST: '这个时段已经过去，请选择以后的时段',
  SLOT_ON_HOLIDAY: '节假日不能安排预约时段',
  CENTER_NOT_TAKING_ITEM: '这个服务中心不办理这个事项，请换一个中心预约',
  DOUBLE_BOOKING: '您当天已预约过这个事项，同一事项每天只能预约一次',
  BOOKING_BLOCKED: '您近期多次预约未到，暂时不能在线预约，可直接到大厅办理',
  CANCEL_TOO_LATE: '距离预约时间已不足1小时，不能取消了',
  BOOKING_NOT_ACTIVE: '这个预约已取消、已签到或已过期',
  BOOKING_NOT_TODAY: '只能在预约当天签到',
  NO_SHOW_TOO_EARLY: '预约时段结束后才能记为未到',
  CERTIFY_CLOSED: '这个人本期已经认证过或已核实不符合条件，不用再认证',
  PHOTO_REQUIRED: '这个项目认证时要拍一张本人照片',
};

/** Looks up the Chinese message for a code. */
export const messageFor = (code: ErrorCode): string => MESSAGES_ZH_CN[code];

// ---------- field issues ----------

/** What a field is called, by field name; `scope.field` (function.action) and `parent.field` keys refine it. */
export const FIELD_LABELS_ZH_CN: Record<string, string> = {
  action: '操作',
  address_string: '地址',
  attribute: '申请表',
  end_date: '结束时间',
  first_name: '名',
  last_name: '姓',
  long: '经度',
  media_url: '照片链接',
  service_code: '服务编码',
  service_request_id: '办件编号',
  start_date: '开始时间',
  audience: '服务对象',
  centerId: '服务中心',
  checklist: '移交材料',
  code: '编码',
  comment: '评价内容',
  companyId: '企业',
  companyLocation: '企业所在地',
  contentType: '文件类型',
  creditCode: '统一社会信用代码',
  data: '内容',
  dataBase64: '图片内容',
  fileId: '文件',
  form: '申请表',
  homeVillageId: '村居',
  id: '编号',
  idempotencyKey: '提交编号',
  idNumber: '身份证号',
  intakeCenterId: '提交地点',
  itemCode: '事项',
  kind: '类型',
  lat: '纬度',
  level: '层级',
  lifeEvent: '主题',
  limit: '数量',
  lng: '经度',
  location: '企业所在地',
  materials: '材料',
  missing: '需要补正的材料',
  name: '姓名',
  note: '备注',
  outcome: '办理结果',
  page: '页码',
  pageSize: '每页条数',
  persona: '体验身份',
  phone: '手机号',
  position: '位置',
  q: '搜索词',
  queue: '队列',
  reason: '原因',
  reasons: '原因',
  sampleIdentity: '示例身份',
  state: '状态',
  townshipCode: '镇街',
  version: '版本',
  villageId: '村居',
  // refined by the parent field, or by the action (function.action)
  'checklist.count': '份数',
  'checklist.form': '材料形式',
  'checklist.name': '材料名称',
  'clerk.confirmHandoff.code': '签收码',
  'directory.getItem.code': '事项编码',
  'open311.requests.description': '情况描述',
  'open311.requests.status': '办件状态',
  'files.upload.name': '文件名',
  'materials.name': '材料名称',
  'materials.paperSeen': '纸质原件',
  'requests.rate.level': '评价等级',
  'company.claim.name': '企业名称',
  licenceFileId: '营业执照照片',
  officerId: '企业管家',
  title: '标题',
  description: '具体情况',
  category: '诉求类别',
  'demands.answer.text': '答复内容',
  'demands.forward.to': '承办中心',
  'demands.forward.note': '转办说明',
  'demands.returnCall.note': '回访记录',
  'session.redeemInvite.code': '邀请码',
  grant: '邀请的角色',
  'grant.role': '角色',
  userId: '人员',
  year: '年份',
  holidays: '放假日期',
  workdays: '调休上班日期',
  text: '节假日安排',
  dryRun: '仅检查',
  file: '导入文件',
  'file.name': '文件名',
  'file.dataBase64': '文件内容',
  confirmHash: '检查结果',
  actorId: '操作人',
  requestId: '办件编号',
  from: '开始日期',
  to: '结束日期',
  'admin.issuePartnerKey.name': '伙伴系统名称',
};

/** A field the label table does not name. */
export const FALLBACK_FIELD_LABEL_ZH_CN = '此项';

/** Label keys of fields a person picks from a list rather than types: "请选择…", not "请填写…". */
const PICKED_FIELDS = new Set([
  'audience',
  'category',
  'demands.forward.to',
  'licenceFileId',
  'officerId',
  'centerId',
  'checklist.form',
  'companyId',
  'companyLocation',
  'contentType',
  'homeVillageId',
  'intakeCenterId',
  'itemCode',
  'grant',
  'grant.role',
  'kind',
  'level',
  'requests.rate.level',
  'userId',
  'lifeEvent',
  'location',
  'outcome',
  'persona',
  'queue',
  'state',
  'townshipCode',
  'villageId',
]);

type Wording = { label: string; picked: boolean; min?: number; max?: number };

/** The Chinese text of each field issue code, given the field's label and the bound. */
export const FIELD_ISSUE_MESSAGES_ZH_CN: Record<FieldIssueCode, (w: Wording) => string> = {
  required: (w) => (w.picked ? `请选择${w.label}` : `请填写${w.label}`),
  wrong_type: (w) => `${w.label}格式不正确`,
  not_integer: (w) => `${w.label}必须是整数`,
  too_short: (w) => `${w.label}不能少于${w.min}个字`,
  too_long: (w) => `${w.label}不能超过${w.max}个字`,
  too_few: (w) => `${w.label}至少需要${w.min}项`,
  too_many: (w) => `${w.label}不能超过${w.max}项`,
  too_small: (w) => `${w.label}不能小于${w.min}`,
  too_big: (w) => `${w.label}不能大于${w.max}`,
  bad_format: (w) => `${w.label}格式不正确`,
  bad_option: (w) => `${w.label}不在可选范围内，请重新选择`,
  unknown_field: () => '有无法识别的填写项',
  invalid: (w) => `${w.label}填写有误`,
};

/** Wordings one field needs beyond the general table, keyed by label key and issue code. */
export const FIELD_MESSAGE_OVERRIDES_ZH_CN: Record<string, string> = {
  'checklist.too_few': '请勾选随件移交的材料',
  'clerk.confirmHandoff.code.bad_format': '签收码是6位字母或数字',
  'dataBase64.too_long': '图片太大，请压缩后再试',
  'materials.too_few': '请上传补正材料',
  'missing.too_few': '请写明需要补正的材料',
  'session.redeemInvite.code.bad_format': '邀请码是8位字母或数字',
  'file.dataBase64.too_long': '文件太大，请分批导入（每个文件不超过约3兆字节）',
  'confirmHash.bad_format': '请先检查这份文件，再确认导入',
};

// Maps, so a field named like a built-in (`constructor`, `__proto__`) finds no label by accident.
const LABELS = new Map(Object.entries(FIELD_LABELS_ZH_CN));
const OVERRIDES = new Map(Object.entries(FIELD_MESSAGE_OVERRIDES_ZH_CN));

/** The label key of a path: the scoped key, then the parent-qualified one, then the bare field name. */
const labelKeyOf = (path: string, scope?: string): string | undefined => {
  const named = path.split('.').filter((s) => s !== '_' && !/^\d+$/.test(s));
  const field = named[named.length - 1];
  if (!field) return undefined;
  const parent = named[named.length - 2];
  const keys = [scope ? `${scope}.${field}` : '', parent ? `${parent}.${field}` : '', field];
  return keys.find((k) => k && LABELS.has(k));
};

/** Words a field issue in Chinese for the person who filled the field in; `scope` is `function.action`. */
export const fieldMessageZhCN = (issue: FieldIssue, scope?: string): string => {
  const key = labelKeyOf(issue.path, scope);
  const override = key && OVERRIDES.get(`${key}.${issue.code}`);
  if (override) return override;
  const label = (key && LABELS.get(key)) || FALLBACK_FIELD_LABEL_ZH_CN;
  return FIELD_ISSUE_MESSAGES_ZH_CN[issue.code]({ label, picked: !!key && PICKED_FIELDS.has(key), ...issue.params });
};

/** Tells whether a text is fit to show a person: Chinese, with no Latin letters (no code, id or English). */
export const isWordedForPeople = (text: string): boolean => /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]/.test(text);
