/**
 * How a request's deadline reads, for the applicant and for the clerk: the clock is read once
 * (the deadline's China date, the working days left on the holiday calendar, the flags the
 * scheduler sets, 期限待定 where the calendar is not published) and worded for each audience.
 * Pure: `now` comes in.
 */
import type { RequestView } from '@shared/api.schema';
import type { RequestState } from '@shared/request.schema';
import { stateLabel } from '@shared/labels.zh-CN';
import { workingDaysLeft } from '@shared/calendar';
import { chinaDateOf } from '@shared/china.time';

/** The colour of a deadline tag. */
export type DeadlineTone = 'ok' | 'warn' | 'bad' | 'gray';

/** How a deadline reads: the words, a tone for colour, and a line under them or the bare date. */
export type DeadlineView = { text: string; tone: DeadlineTone; detail?: string; date?: string };

/** Who reads it: the applicant on their own requests, or a clerk in a queue and on a request. */
export type DeadlineAudience = 'resident' | 'clerk';

/** What the presenter reads of a request. */
export type Clocked = Pick<RequestView, 'state' | 'deadline' | 'deadlinePending' | 'dueSoon' | 'overdue' | 'promisedDays' | 'handoffs'>;

/** The clock read once: the deadline's China date, and the working days left (null where this build's calendar lacks the year). */
type Reading = { r: Clocked; date?: string; left?: number | null };

const STOPPED: RequestState[] = ['withdrawn', 'rejected'];
const DECIDED: RequestState[] = ['approved', 'refused'];
const ENDED: RequestState[] = ['delivered', 'closed'];

const read = (r: Clocked, now: string): Reading => {
  if (!r.deadline) return { r };
  const left = workingDaysLeft(r.deadline, now);
  return { r, date: chinaDateOf(r.deadline) ?? undefined, left: left.ok ? left.value : null };
};

/** The applicant's words: is the promise kept, and by which date; why there is no count yet. */
const forResident = ({ r, date = '', left }: Reading): DeadlineView => {
  if (STOPPED.includes(r.state)) return { text: stateLabel(r.state), tone: 'gray' };
  if (DECIDED.includes(r.state) || ENDED.includes(r.state)) return { text: '已办结', tone: 'ok' };
  if (r.deadlinePending) return { text: '期限待定', detail: '明年的节假日安排尚未公布，公布后自动计算办理期限', tone: 'gray' };
  if (r.state === 'paused') return { text: '待补正，期限暂停计算', detail: '补齐材料后继续计时', tone: 'warn' };
  if (left === undefined) return { text: `受理后${r.promisedDays}个工作日内办结`, detail: '受理之日起开始计算', tone: 'gray' };
  // the server knew the year's schedule but this build's calendar does not: show the date, not a count
  if (left === null) return { text: `截止日期 ${date}`, detail: '请在截止日期前留意办理进度', tone: r.overdue ? 'bad' : 'gray' };
  if (left < 0 || r.overdue) return { text: '已超过承诺期限', detail: `截止日期 ${date}，可拨打服务中心电话催办`, tone: 'bad' };
  if (left === 0) return { text: '今天到期', detail: `截止日期 ${date}`, tone: 'warn' };
  return { text: `还剩${left}个工作日`, detail: `截止日期 ${date}`, tone: left <= 2 ? 'warn' : 'ok' };
};

/** The clerk's words: overdue wins over everything (a late handoff counts too), then the flags the scheduler set. */
const forClerk = ({ r, date, left }: Reading): DeadlineView => {
  if (r.overdue || r.handoffs.some((h) => h.state === 'in_transit' && h.overdue)) return { text: '已超期', tone: 'bad', date };
  if (STOPPED.includes(r.state) || ENDED.includes(r.state)) return { text: '已结束', tone: 'gray', date };
  if (r.deadlinePending) return { text: '期限待定', tone: 'gray' };
  if (r.state === 'paused') return { text: '暂停计时', tone: 'gray' };
  if (left === undefined) return { text: `受理后${r.promisedDays}个工作日`, tone: 'gray' };
  if (DECIDED.includes(r.state)) return { text: '已办结', tone: 'ok', date };
  // the server knew the year's schedule but this build's calendar does not: show the date, not a count
  if (left === null) return { text: `截止${date}`, tone: r.dueSoon ? 'warn' : 'gray', date };
  const days = left === 0 ? '今天到期' : `剩${left}个工作日`;
  if (r.dueSoon) return { text: `即将到期 · ${days}`, tone: 'warn', date };
  return { text: days, tone: left <= 2 ? 'warn' : 'ok', date };
};

const WORDING: Record<DeadlineAudience, (reading: Reading) => DeadlineView> = { resident: forResident, clerk: forClerk };

/** How a request's deadline reads for its audience at `now`. */
export const presentDeadline = (r: Clocked, now: string, audience: DeadlineAudience): DeadlineView => WORDING[audience](read(r, now));
