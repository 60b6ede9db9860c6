/**
 * Who is told what after a lifecycle step. Pure: the handler queues the answer in the
 * outbox in the same write as the step, and the scheduler sends it (and retries).
 * The resident hears of acceptance, a pause, the decision, the delivery and the return call.
 * A center hears of every step that gives it work: a new application taken in there, a
 * handoff arriving, a handoff coming back, a result back for delivery, a supplement received,
 * a bad review to rectify, and anything overdue. The administrator hears of every bad review.
 */
import { chinaDateOf } from './china.time';
import type { Request } from './request.schema';
import type { EventType } from './request.events';

/** Who a notice is for: one user, every clerk of a center, or the city administrators. */
export type NoticeRecipient = { userId?: string; centerId?: string; role?: 'admin' };
export type Notice = { to: NoticeRecipient; kind: string; title: string; body: string };

const toApplicant = (r: Request, kind: string, title: string, body: string): Notice => ({ to: { userId: r.applicant.userId }, kind, title, body });
const toCenter = (centerId: string, kind: string, title: string, body: string): Notice => ({ to: { centerId }, kind, title, body });
const toAdmin = (kind: string, title: string, body: string): Notice => ({ to: { role: 'admin' }, kind, title, body });

const named = (r: Request): string => `“${r.itemName}”（${r.trackingNo}）`;
const lastPause = (r: Request) => r.pauses[r.pauses.length - 1];

/** A bad review: the deciding center must call back and rectify by the deadline; the administrator watches. */
const badReview = (r: Request): Notice[] => {
  if (r.rectification?.state !== 'open' || !r.rating) return [];
  const why = [...(r.rating.reasons ?? []), r.rating.comment].filter(Boolean).join('；');
  const by = chinaDateOf(r.rectification.deadline) ?? '';
  const body = `${named(r)}收到差评（${r.rating.level}）：${why}。请于${by}前回访整改。`;
  return [toCenter(r.deciderId, 'rectification', '收到差评，请回访整改', body), toAdmin('rectification', '新的差评待整改', body)];
};

const RULES: Partial<Record<EventType, (r: Request) => Notice[]>> = {
  accept: (r) => [toApplicant(r, 'accepted', '您的事项已受理', `“${r.itemName}”已受理，办件编号 ${r.trackingNo}。`)],
  pause: (r) => {
    const p = lastPause(r);
    const by = p?.supplementBy ? `请于${chinaDateOf(p.supplementBy)}前补齐，` : '';
    return [toApplicant(r, 'paused', '请补正材料', `“${r.itemName}”需要补正：${p?.missing.join('、') ?? ''}。${by}补齐后继续办理。`)];
  },
  decide: (r) => [
    toApplicant(
      r,
      'decided',
      r.state === 'approved' ? '您的事项已办结：准予办理' : '您的事项已办结：不予办理',
      `“${r.itemName}”：${r.decision?.reasons ?? ''}`,
    ),
    // the result goes back to where the matter was handed in; a center that decided its own intake needs no notice
    ...(r.intakeCenterId !== r.deciderId ? [toCenter(r.intakeCenterId, 'result_back', '办理结果待送达', `${named(r)}已办结，请把结果送达申请人。`)] : []),
  ],
  deliver: (r) => [toApplicant(r, 'delivered', '办理结果已送达', `“${r.itemName}”的办理结果已送达，欢迎评价。`)],
  reject: (r) => [toApplicant(r, 'rejected', '您的申请未被受理', `“${r.itemName}”不予受理：${r.rejection?.reasons ?? ''}`)],
  sendHandoff: (r) => [toCenter(r.holderCenterId, 'handoff', '有新的移交件待签收', `${named(r)}已移交到本中心，请核对材料后签收。`)],
  returnHandoff: (r) => [
    toCenter(r.holderCenterId, 'handoff_returned', '移交件被退回', `${named(r)}被退回：${r.handoffs[r.handoffs.length - 1]?.returnReason ?? ''}`),
  ],
  supplement: (r) => [toCenter(r.holderCenterId, 'supplemented', '申请人已补正材料', `${named(r)}已补正，请核对后恢复办理。`)],
  rate: badReview,
  returnCall: (r) => [toApplicant(r, 'rectified', '您的差评已回访', `“${r.itemName}”：${r.rectification?.returnCall?.note ?? ''}`)],
};

/** The notices a step causes, given the request after the step. */
export const noticesFor = (event: EventType, after: Request): Notice[] => RULES[event]?.(after) ?? [];

/** The notice of a new application, to the center it was handed in at (its clerks pre-check or accept it). */
export const submissionNotices = (r: Request): Notice[] => [
  toCenter(r.intakeCenterId, 'new_application', '有新的申请待处理', `${named(r)}，申请人 ${r.applicant.nameMasked}，请及时预审或受理。`),
];

/** Notices when the overdue scan newly flags a request: its holder, and a late handoff's sender. */
export const overdueNotices = (before: Request, after: Request): Notice[] => {
  if (before.overdue || !after.overdue) return [];
  const late = after.handoffs.find((h) => h.state === 'in_transit' && h.overdue);
  const body = late ? `${named(after)}的移交件超过规定时间未签收，请尽快处理。` : `${named(after)}已超过承诺办结期限，请尽快办理。`;
  const centers = late ? [late.toCenterId, late.fromCenterId] : [after.holderCenterId];
  return centers.map((centerId) => toCenter(centerId, 'overdue', late ? '移交件超期未签收' : '办件已超期', body));
};
