/**
 * The Chinese notes of the request lifecycle: what each event's audit entry says on the
 * timeline a resident and a clerk read. One table keyed by event, so that the wording can be
 * reviewed and changed in one place (as routing.explain.zh-CN.ts does for routing).
 */
import { chinaDateOf } from './china.time';
import type { RaisedFlags } from './request.clock';
import type { EventType } from './request.events';
import type { RatingLevel } from './request.schema';

/** A term's deadline as the machine computed it; none while the calendar does not cover it. */
type DeadlineNames = { deadline?: string; deadlinePending: boolean };

/** A deadline as a resident reads it. */
const deadlineNote = (d: DeadlineNames): string => (d.deadline ? `办理期限至${chinaDateOf(d.deadline)}` : '节假日日历尚未覆盖办理期限，期限待定');

/** The audit note of each lifecycle event, and of the submission; a clerk's own words win where given. */
export const EVENT_NOTES_ZH_CN = {
  submit: (n: { itemName: string }) => `提交申请：${n.itemName}`,
  precheck: (n: { note?: string }) => n.note || '材料预审通过',
  // never the slip's code: it proves the papers arrived, so only the slip itself carries it
  sendHandoff: (n: { materials: number }) => `流转单已发出，随件材料${n.materials}项`,
  confirmHandoff: () => '流转单已签收，材料核对无误',
  returnHandoff: (n: { reason: string }) => n.reason,
  accept: (n: DeadlineNames) => deadlineNote(n),
  reject: (n: { reasons: string }) => n.reasons,
  pause: (n: { reason: string; missing: readonly string[]; supplementBy?: string }) =>
    [n.reason, n.missing.length && `需补正：${n.missing.join('、')}`, n.supplementBy && `请于${chinaDateOf(n.supplementBy)}前补正`].filter(Boolean).join('；'),
  supplement: (n: { materials: number; note?: string }) => [`补正材料${n.materials}份`, n.note].filter(Boolean).join('：'),
  resume: (n: DeadlineNames) => `恢复计时，${deadlineNote(n)}`,
  decide: (n: { reasons: string }) => n.reasons,
  deliver: (n: { note?: string }) => n.note || '办理结果已送达',
  withdraw: (n: { reason?: string }) => n.reason || '申请人撤回申请',
  rate: (n: { level: RatingLevel; rectificationDays?: number }) =>
    n.rectificationDays === undefined ? n.level : `${n.level}，已启动整改（${n.rectificationDays}个工作日内）`,
  returnCall: (n: { caller: string; satisfied: boolean; note: string }) =>
    `整改回访（${n.caller}）：${n.note}。申请人${n.satisfied ? '表示满意' : '仍不满意'}，整改已结案`,
  close: () => '办结归档',
  flagOverdue: (n: RaisedFlags) =>
    [n.handoffOverdue && '流转单超时未签收', n.overdue && '已超过办理期限', n.dueSoon && '临近办理期限'].filter(Boolean).join('；') || '超期检查：无变化',
} satisfies Record<EventType | 'submit', (names: never) => string>;

/** The return reason of a handoff called back because the applicant withdrew. */
export const WITHDRAWN_HANDOFF_REASON_ZH_CN = '申请人已撤回申请';
