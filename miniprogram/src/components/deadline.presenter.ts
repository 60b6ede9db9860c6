/**
 * How a request's deadline reads, for the applicant and for the clerk: the clock is read once
 * (the deadline's China date, the working days left on the holiday calendar, the flags the
 * scheduler sets, 期限待定 where the calendar is not published) and worded for each audience.
 * Pure: `now` comes in.
 */
import type { RequestView } from '@shared/api.schema';
import type { RequestState } from '@shared/request.schema';
import { workingDaysLeft } from '@shared/calendar';
import { chinaDateOf } from '@shared/china.time';

/** The colour of a deadline tag. */
export type DeadlineTone = 'ok' | 'warn' | 'bad' | 'gray';

/** How a deadline reads: the words, a tone for colour, and a line under them or the bare date. */
export type DeadlineView = { text: string; tone: DeadlineTone; detail?: string; date?: string };

/** Who reads it: the applicant on their own requests, or a clerk in a queue and on a request. */
export type DeadlineAudience = 'resident' | 'clerk';

/** What the presenter reads of a request. */
export type Clocked = Pick<RequestView, 'state' | 'deadline' | 'deadlinePending' | 'dueSoon' | 'overdue' | 'promisedDays' | 'handoffs'> &
  Partial<Pick<RequestView, 'pauses'>>;

/** The clock read once: the deadline's China date, and the working days left (null where this build's calendar lacks the year). */
type Reading = { r: Clocked; now: string; date?: string; left?: number | null };

const STOPPED: RequestState[] = ['withdrawn', 'rejected'];
const DECIDED: RequestState[] = ['approved', 'refused'];
const ENDED: RequestState[] = ['delivered', 'closed'];

const read = (r: Clocked, now: string): Reading => {
  if (!r.deadline) return { r, now };
  const left = workingDaysLeft(r.deadline, now);
  return { r, now, date: chinaDateOf(r.deadline) ?? undefined, left: left.ok ? left.value : null };
};

/** The date the applicant was asked to supplement by, and whether it has passed. */
const supplementDue = (r: Clocked, now: string): { date: string; passed: boolean } | null => {
  const open = [...(r.pauses ?? [])].reverse().find((p) => !p.to);
  if (!open?.supplementBy || open.supplementedAt) return null;
  return { date: chinaDateOf(open.supplementBy) ?? '', passed: Date.parse(now) > Date.parse(open.supplementBy) };
};

/** The promised term before acceptance: a 即办件 (0 days) is settled on the spot. */
const termWords = (days: number, audience: DeadlineAudience): string =>
  days === 0 ? '当场办结' : audience === 'resident' ? `受理后${days}个工作日内办结` : `受理后${days}个工作日`;

/** The applicant's words: is the promise kept, and by which date; why there is no count yet. */
const forResident = ({ r, now, date = '', left }: Reading): DeadlineView => {
  // the state tag beside it already names the state: the badge says what it means for the term
  if (STOPPED.includes(r.state)) return { text: '不再计算期限', tone: 'gray' };
  if (DECIDED.includes(r.state) || ENDED.includes(r.state)) return r.overdue ? { text: '超期办结', tone: 'bad' } : { text: '按期办结', tone: 'ok' };
  if (r.deadlinePending) return { text: '期限待定', detail: '明年的节假日安排尚未公布，公布后自动计算办理期限', tone: 'gray' };
  if (r.state === 'paused') {
    const due = supplementDue(r, now);
    const detail = due ? `请于${due.date}前补齐材料，补齐后继续计时` : '补齐材料后继续计时';
    return { text: due?.passed ? '补正期限已过，请尽快补齐' : '待补正，期限暂停计算', detail, tone: due?.passed ? 'bad' : 'warn' };
  }
  if (left === undefined)
    return { text: termWords(r.promisedDays, 'resident'), detail: r.promisedDays === 0 ? '材料齐全的，受理当天办结' : '受理之日起开始计算', tone: 'gray' };
  // the server knew the year's schedule but this build's calendar does not: show the date, not a count
  if (left === null) return { text: `截止日期 ${date}`, detail: '请在截止日期前留意办理进度', tone: r.overdue ? 'bad' : 'gray' };
  if (left < 0 || r.overdue) return { text: '已超过承诺期限', detail: `截止日期 ${date}，可拨打服务中心电话催办`, tone: 'bad' };
  if (left === 0) return { text: '今天到期', detail: `截止日期 ${date}`, tone: 'warn' };
  return { text: `还剩${left}个工作日`, detail: `截止日期 ${date}`, tone: left <= 2 ? 'warn' : 'ok' };
};

/** The clerk's words: overdue wins over everything (a late handoff counts too), then the flags the scheduler set. */
const forClerk = ({ r, now, date, left }: Reading): DeadlineView => {
  if (r.overdue || r.handoffs.some((h) => h.state === 'in_transit' && h.overdue)) return { text: '已超期', tone: 'bad', date };
  if (STOPPED.includes(r.state) || ENDED.includes(r.state)) return { text: '已结束', tone: 'gray', date };
  if (r.deadlinePending) return { text: '期限待定', tone: 'gray' };
  if (r.state === 'paused') {
    const due = supplementDue(r, now);
    if (due?.passed) return { text: `补正已逾期（应于${due.date}前）`, tone: 'bad', date };
    return due ? { text: `暂停计时 · 补正至${due.date}`, tone: 'gray' } : { text: '暂停计时', tone: 'gray' };
  }
  if (left === undefined) return { text: termWords(r.promisedDays, 'clerk'), tone: 'gray' };
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
