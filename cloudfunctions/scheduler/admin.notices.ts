/**
 * Notices the scheduler queues for the administrators, once each: the holiday calendar about
 * to run out. The notice id says what it is about, so every later run finds it queued already.
 */
import { coverageOf } from '../../shared/calendar.entry';
import { chinaDateOf } from '../../shared/china.time';
import type { Deps } from '../core/services/context';
import type { OutboxRecord } from '../core/stores/outbox.port';
import type { UserRecord } from '../core/stores/user.port';

/** Kinds of the administrators' notices: in-app only (no subscribe template), see wechat.sender.ts. */
export const ADMIN_NOTICE_PREFIX = 'admin.';

/** Every administrator, page by page (there are a handful). */
const administrators = async (deps: Pick<Deps, 'users'>): Promise<UserRecord[]> => {
  const out: UserRecord[] = [];
  for (let page = 1; ; page += 1) {
    const res = await deps.users.listUsers({ role: 'admin' }, { page, pageSize: 100 });
    out.push(...res.items);
    if (res.items.length < 100) return out;
  }
};

/** Queues one notice a subject to every administrator; answers how many were new. */
export const queueForAdmins = async (
  deps: Pick<Deps, 'users' | 'outbox' | 'now'>,
  subject: string,
  n: Pick<OutboxRecord, 'kind' | 'title' | 'body'>,
): Promise<number> => {
  const at = deps.now().toISOString();
  let queued = 0;
  for (const admin of await administrators(deps)) {
    const added = await deps.outbox.addOutbox({
      ...n,
      id: `notice-${subject}-${admin.id}`,
      version: 1,
      to: { userId: admin.id },
      createdAt: at,
      state: 'pending',
      attempts: 0,
    });
    if (added.ok) queued += 1;
    else if (added.error.code !== 'DUPLICATE') throw added.error;
  }
  return queued;
};

/**
 * Tells each administrator once about every rectification case past its deadline (the case's
 * id names the notice, so a case is told once however many runs see it late). At most `limit`
 * cases a run, earliest deadline first; the next run goes on.
 */
export const queueRectificationNotices = async (deps: Pick<Deps, 'users' | 'outbox' | 'now' | 'indicators'>, limit = 200): Promise<number> => {
  const now = deps.now().toISOString();
  const late = await deps.indicators.listRectifications({ before: now }, { page: 1, pageSize: limit });
  let queued = 0;
  for (const r of late.items) {
    const deadline = chinaDateOf(r.rectification!.deadline);
    queued += await queueForAdmins(deps, `rectification-late-${r.id}`, {
      kind: `${ADMIN_NOTICE_PREFIX}rectification`,
      title: '差评整改已超期',
      body: `办件${r.trackingNo}（${r.itemName}）的差评整改期限${deadline}已过，尚未回访办结。请在“管理后台—差评整改”督促办理中心回访，或直接登记回访。`,
    });
  }
  return queued;
};

/** From 60 days before the covered years end, tells each administrator once to enter the next year. */
export const queueCalendarNotices = async (deps: Pick<Deps, 'users' | 'outbox' | 'now' | 'calendarSource'>): Promise<number> => {
  await deps.calendarSource.refresh();
  const c = coverageOf(deps.calendarSource.years(), chinaDateOf(deps.now().toISOString())!);
  if (!c.warn) return 0;
  return queueForAdmins(deps, `calendar-${c.coveredUntil}`, {
    kind: `${ADMIN_NOTICE_PREFIX}calendar`,
    title: '节假日日历即将到期',
    body: `节假日日历只覆盖到${c.coveredUntil}，还剩${Math.max(c.daysLeft, 0)}天。国务院办公厅公布下一年放假安排后，请在“管理后台—节假日日历”录入，否则新受理事项的办理期限将显示为“期限待定”。`,
  });
};
