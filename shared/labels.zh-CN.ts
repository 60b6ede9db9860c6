/** Chinese labels for request states and lifecycle actions, as the timeline and lists show them. */
import type { Request, RequestState } from './request.schema';
import type { EventType } from './request.events';

/** The label of each request state. */
export const STATE_LABELS_ZH_CN: Record<RequestState, string> = {
  submitted: '已提交',
  prechecked: '已预审',
  in_transit: '流转中',
  accepted: '已受理',
  paused: '待补正',
  approved: '准予办理',
  refused: '不予办理',
  delivered: '已送达',
  closed: '已办结',
  withdrawn: '已撤回',
  rejected: '不予受理',
};

/** The timeline label of each audit action: the lifecycle events plus the submission. */
export const ACTION_LABELS_ZH_CN: Record<EventType | 'submit', string> = {
  submit: '提交申请',
  precheck: '预审通过',
  sendHandoff: '移交',
  confirmHandoff: '签收',
  returnHandoff: '退回',
  accept: '受理',
  reject: '不予受理',
  pause: '要求补正',
  supplement: '补正材料',
  resume: '恢复办理',
  decide: '办结',
  deliver: '送达',
  withdraw: '撤回',
  rate: '评价',
  returnCall: '整改回访',
  close: '归档',
  flagOverdue: '超期提醒',
};

/** The label of a state. */
export const stateLabel = (state: RequestState): string => STATE_LABELS_ZH_CN[state];

/** The label of an audit action; an action outside the lifecycle (e.g. a read) shows as itself. */
export const actionLabel = (action: string): string => (ACTION_LABELS_ZH_CN as Record<string, string>)[action] ?? action;

/**
 * The status line of a request: its state, said where that alone would mislead. After 签收 the
 * state is prechecked again, but the matter now lies with the receiving center: 已签收，待受理
 * at the deciding center, 已签收，待移交 at a center further down the path.
 */
export const requestStatusLabel = (
  r: Pick<Request, 'state' | 'holderCenterId' | 'deciderId'> & { handoffs: readonly Pick<Request['handoffs'][number], 'state' | 'toCenterId'>[] },
): string => {
  const last = r.handoffs[r.handoffs.length - 1];
  const signedHere = r.state === 'prechecked' && last?.state === 'received' && last.toCenterId === r.holderCenterId;
  if (!signedHere) return stateLabel(r.state);
  return r.holderCenterId === r.deciderId ? '已签收，待受理' : '已签收，待移交';
};
