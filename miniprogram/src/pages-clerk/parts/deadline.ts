/**
 * How a deadline reads on a clerk's screen: working days left on the holiday calendar, and
 * the flags the scheduler sets (即将到期, 已超期) or the calendar forces (期限待定). Pure: `now` comes in.
 */
import type { RequestView } from '@shared/api.schema';
import { workingDaysLeft } from '@shared/calendar';
import { chinaDateOf } from '@shared/china.time';

/** The words and the colour of a clerk's deadline tag. */
export type ClerkDeadline = { text: string; tone: 'ok' | 'warn' | 'bad' | 'gray'; date?: string };

type Clocked = Pick<RequestView, 'state' | 'deadline' | 'deadlinePending' | 'dueSoon' | 'overdue' | 'promisedDays' | 'handoffs'>;

const DONE: RequestView['state'][] = ['delivered', 'closed', 'withdrawn', 'rejected'];

/** The deadline of a request for its clerk; overdue wins over everything, a late handoff counts too. */
export const clerkDeadline = (r: Clocked, now: string): ClerkDeadline => {
  const date = r.deadline ? chinaDateOf(r.deadline) ?? undefined : undefined;
  if (r.overdue || r.handoffs.some((h) => h.state === 'in_transit' && h.overdue)) return { text: '已超期', tone: 'bad', date };
  if (DONE.includes(r.state)) return { text: '已结束', tone: 'gray', date };
  if (r.deadlinePending) return { text: '期限待定', tone: 'gray' };
  if (r.state === 'paused') return { text: '暂停计时', tone: 'gray' };
  if (!r.deadline) return { text: `受理后${r.promisedDays}个工作日`, tone: 'gray' };
  if (r.state === 'approved' || r.state === 'refused') return { text: '已办结', tone: 'ok', date };
  const left = workingDaysLeft(r.deadline, now);
  // the server knew the year's schedule but this build's calendar does not: show the date, not a count
  if (!left.ok) return { text: `截止${date}`, tone: r.dueSoon ? 'warn' : 'gray', date };
  const days = left.value === 0 ? '今天到期' : `剩${left.value}个工作日`;
  if (r.dueSoon) return { text: `即将到期 · ${days}`, tone: 'warn', date };
  return { text: days, tone: left.value <= 2 ? 'warn' : 'ok', date };
};
