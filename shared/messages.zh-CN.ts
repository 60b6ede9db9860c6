import type { ErrorCode } from './errors';

/** The Chinese text a user sees for each error code. One table, keyed by code. */
export const MESSAGES_ZH_CN: Record<ErrorCode, string> = {
  BAD_JSON: '请求格式不正确，请刷新后重试',
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
  INVALID_ID_NUMBER: '身份证号码不正确，请核对后重新输入',
  INVALID_CREDIT_CODE: '统一社会信用代码不正确，请核对后重新输入',
  INVALID_PHONE: '手机号码不正确，请输入11位手机号',
  COMPANY_ALREADY_BOUND: '该企业已由其他账号绑定，请联系企业已绑定的办事人员协助添加',
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
  CALENDAR_OUT_OF_RANGE: '节假日日历尚未覆盖这个日期，无法计算办理期限',
  IMPORT_INVALID: '导入文件有错误，请按报告修改后再导入',
};

/** Looks up the Chinese message for a code. */
export const messageFor = (code: ErrorCode): string => MESSAGES_ZH_CN[code];
