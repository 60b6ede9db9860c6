/**
 * Notices the scheduler queues for the administrators, once: the holiday calendar about to
 * run out, a rectification case past its deadline. The notice id says what it is about, so every
 * later run finds it queued already.
 */
import { coverageOf } from '../../shared/calendar.entry';
import { chinaDateOf } from '../../shared/china.time';
import type { Deps } from '../core/services/context';
import type { OutboxRecord } from '../core/stores/outbox.port';

/** Kinds of the administrators' notices: in-app only (no subscribe template), see wechat.sender.ts. */
export const ADMIN_NOTICE_PREFIX = 'admin.';

/**
 * Queues one notice about a subject to the administrators (`to.role: 'admin'`, as a bad review's
 * notice is): every administrator, also one appointed later, sees it once and reads it for
 * themself (read state is per reader). Answers 1 when it is new, 0 when it was queued already.
 */
export const queueForAdmins = async (
  deps: Pick<Deps, 'outbox' | 'now'>,
  subject: string,
  n: Pick<OutboxRecord, 'kind' | 'title' | 'body'>,
): Promise<number> => {
  const added = await deps.outbox.addOutbox({
    ...n,
    id: `notice-${subject}`,
    version: 1,
    to: { role: 'admin' },
    createdAt: deps.now().toISOString(),
    state: 'pending',
    attempts: 0,
  });
  if (added.ok) return 1;
  if (added.error.code !== 'DUPLICATE') throw added.error;
  return 0;
};

/**
 * Tells the administrators once about every rectification case past its deadline (the case's
 * id names the notice, so a case is told once however many runs see it late). At most `limit`
 * cases a run, earliest deadline first; the next run goes on.
 */
export const queueRectificationNotices = async (deps: Pick<Deps, 'outbox' | 'now' | 'indicators'>, limit = 200): Promise<number> => {
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

/** From 60 days before the covered years end, tells the administrators once to enter the next year. */
export const queueCalendarNotices = async (deps: Pick<Deps, 'outbox' | 'now' | 'calendarSource'>): Promise<number> => {
  await deps.calendarSource.refresh();
  const c = coverageOf(deps.calendarSource.years(), chinaDateOf(deps.now().toISOString())!);
  if (!c.warn) return 0;
  return queueForAdmins(deps, `calendar-${c.coveredUntil}`, {
    kind: `${ADMIN_NOTICE_PREFIX}calendar`,
    title: '节假日日历即将到期',
    body: `节假日日历只覆盖到${c.coveredUntil}，还剩${Math.max(c.daysLeft, 0)}天。国务院办公厅公布下一年放假安排后，请在“管理后台—节假日日历”录入，否则新受理事项的办理期限将显示为“期限待定”。`,
  });
};
