/**
 * What the resident reads on a request: every step (what, where, when, by whom), the deadline
 * and the working days left, and what they may do now. Pure: the page passes `now` in.
 */
import type { AuditEntry, RequestState } from '@shared/request.schema';
import type { RequestView } from '@shared/api.schema';
import { ACTION_LABELS_ZH_CN, actionLabel, stateLabel } from '@shared/labels.zh-CN';
import { workingDaysLeft, chinaDateOf } from '@shared/calendar';

/** One line of the timeline as the resident sees it. */
export type TimelineStep = { key: string; title: string; state?: string; where?: string; when: string; who: string; note?: string };

/** Names of centers by id, for "where". */
export type CenterNames = Record<string, string>;

/** An instant as China wall-clock time, e.g. 2026-03-02 09:30. */
export const chinaTime = (instant: string): string => {
  const t = new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
};

const ROLE_WORD: Record<AuditEntry['actor']['role'], string> = { resident: '申请人', company: '企业申请人', clerk: '工作人员', admin: '管理员', system: '系统' };

/** Who acted, with the masked name the server sent; never an unmasked one, since the server masks. */
const whoOf = (e: AuditEntry): string => (e.actor.role === 'system' ? '系统' : [ROLE_WORD[e.actor.role], e.actor.name].filter(Boolean).join(' '));

/** Audit lines that are steps of the matter (reads of the record are not). */
const isStep = (e: AuditEntry): boolean => e.action in ACTION_LABELS_ZH_CN || e.toState !== undefined;

/** The steps of a request, oldest first, with the center names filled in where known. */
export const timelineSteps = (entries: readonly AuditEntry[], names: CenterNames): TimelineStep[] =>
  entries
    .filter(isStep)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map(({ e, i }) => {
      const centerId = e.centerId ?? e.actor.centerId;
      return {
        key: `${e.at}-${i}`,
        title: actionLabel(e.action),
        state: e.toState && e.toState !== e.fromState ? stateLabel(e.toState) : undefined,
        where: centerId ? names[centerId] ?? '服务中心' : undefined,
        when: chinaTime(e.at),
        who: whoOf(e),
        note: e.note,
      };
    });

/** The center ids a request's timeline needs names for. */
export const centerIdsOf = (r: Pick<RequestView, 'path' | 'intakeCenterId' | 'deciderId'>, entries: readonly AuditEntry[]): string[] => {
  const ids = [...r.path, r.intakeCenterId, r.deciderId, ...entries.map((e) => e.centerId ?? e.actor.centerId)];
  return [...new Set(ids.filter((x): x is string => !!x))];
};

/** How the deadline reads: the words, and a tone for colour. */
export type DeadlineView = { text: string; detail?: string; tone: 'ok' | 'warn' | 'bad' | 'gray' };

const FINISHED: RequestState[] = ['approved', 'refused', 'delivered', 'closed'];
const STOPPED: RequestState[] = ['withdrawn', 'rejected'];

/** The deadline and working days left, or why there is none (not accepted yet, paused, calendar not published). */
export const deadlineView = (r: Pick<RequestView, 'state' | 'deadline' | 'deadlinePending' | 'promisedDays' | 'overdue'>, now: string): DeadlineView => {
  if (STOPPED.includes(r.state)) return { text: stateLabel(r.state), tone: 'gray' };
  if (FINISHED.includes(r.state)) return { text: '已办结', tone: 'ok' };
  if (r.deadlinePending) return { text: '期限待定', detail: '明年的节假日安排尚未公布，公布后自动计算办理期限', tone: 'gray' };
  if (r.state === 'paused') return { text: '待补正，期限暂停计算', detail: '补齐材料后继续计时', tone: 'warn' };
  if (!r.deadline) return { text: `受理后${r.promisedDays}个工作日内办结`, detail: '受理之日起开始计算', tone: 'gray' };
  const date = chinaDateOf(r.deadline) ?? '';
  const left = workingDaysLeft(r.deadline, now);
  // the server knew the year's schedule but this build's calendar does not: show the date, not a count
  if (!left.ok) return { text: `截止日期 ${date}`, detail: '请在截止日期前留意办理进度', tone: r.overdue ? 'bad' : 'gray' };
  if (left.value < 0 || r.overdue) return { text: '已超过承诺期限', detail: `截止日期 ${date}，可拨打服务中心电话催办`, tone: 'bad' };
  if (left.value === 0) return { text: '今天到期', detail: `截止日期 ${date}`, tone: 'warn' };
  return { text: `还剩${left.value}个工作日`, detail: `截止日期 ${date}`, tone: left.value <= 2 ? 'warn' : 'ok' };
};

/** What the applicant may do now. */
export const applicantActions = (r: Pick<RequestView, 'state' | 'rating'>) => ({
  withdraw: ['submitted', 'prechecked', 'in_transit', 'accepted', 'paused'].includes(r.state),
  supplement: r.state === 'paused',
  rate: FINISHED.includes(r.state) && !r.rating,
});
