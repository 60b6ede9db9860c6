/**
 * Who is told what after a lifecycle step. Pure: the handler queues the answer in the
 * outbox in the same write as the step, and the scheduler sends it (and retries).
 * The resident hears of acceptance, a pause, the decision and the delivery; a clerk hears
 * of a handoff arriving at their center, and of a returned handoff coming back.
 */
import type { Request } from './request.schema';
import type { EventType } from './request.events';

export type Notice = { to: { userId?: string; centerId?: string }; kind: string; title: string; body: string };

const toApplicant = (r: Request, kind: string, title: string, body: string): Notice => ({ to: { userId: r.applicant.userId }, kind, title, body });
const toCenter = (centerId: string, kind: string, title: string, body: string): Notice => ({ to: { centerId }, kind, title, body });

const RULES: Partial<Record<EventType, (r: Request) => Notice[]>> = {
  accept: (r) => [toApplicant(r, 'accepted', '您的事项已受理', `“${r.itemName}”已受理，办件编号 ${r.trackingNo}。`)],
  pause: (r) => [
    toApplicant(r, 'paused', '请补正材料', `“${r.itemName}”需要补正：${r.pauses[r.pauses.length - 1]?.missing.join('、') ?? ''}。补齐后继续办理。`),
  ],
  decide: (r) => [
    toApplicant(
      r,
      'decided',
      r.state === 'approved' ? '您的事项已办结：准予办理' : '您的事项已办结：不予办理',
      `“${r.itemName}”：${r.decision?.reasons ?? ''}`,
    ),
  ],
  deliver: (r) => [toApplicant(r, 'delivered', '办理结果已送达', `“${r.itemName}”的办理结果已送达，欢迎评价。`)],
  reject: (r) => [toApplicant(r, 'rejected', '您的申请未被受理', `“${r.itemName}”不予受理：${r.rejection?.reasons ?? ''}`)],
  sendHandoff: (r) => [toCenter(r.holderCenterId, 'handoff', '有新的移交件待签收', `“${r.itemName}”（${r.trackingNo}）已移交到本中心，请核对材料后签收。`)],
  returnHandoff: (r) => [
    toCenter(
      r.holderCenterId,
      'handoff_returned',
      '移交件被退回',
      `“${r.itemName}”（${r.trackingNo}）被退回：${r.handoffs[r.handoffs.length - 1]?.returnReason ?? ''}`,
    ),
  ],
  supplement: (r) => [toCenter(r.holderCenterId, 'supplemented', '申请人已补正材料', `“${r.itemName}”（${r.trackingNo}）已补正，请核对后恢复办理。`)],
};

/** The notices a step causes, given the request after the step. */
export const noticesFor = (event: EventType, after: Request): Notice[] => RULES[event]?.(after) ?? [];

/** Notices when the overdue scan newly flags a request: its holder, and a late handoff's sender. */
export const overdueNotices = (before: Request, after: Request): Notice[] => {
  if (before.overdue || !after.overdue) return [];
  const late = after.handoffs.find((h) => h.state === 'in_transit' && h.overdue);
  const body = late
    ? `“${after.itemName}”（${after.trackingNo}）的移交件超过规定时间未签收，请尽快处理。`
    : `“${after.itemName}”（${after.trackingNo}）已超过承诺办结期限，请尽快办理。`;
  const centers = late ? [late.toCenterId, late.fromCenterId] : [after.holderCenterId];
  return centers.map((centerId) => toCenter(centerId, 'overdue', late ? '移交件超期未签收' : '办件已超期', body));
};
