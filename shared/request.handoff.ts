/**
 * The handoff (流转单) between two centers on a request's path: sending it up one step, with
 * the date by which the receiving clerk should sign for it, and finding the one still waiting.
 */
import { fail, type Result } from './errors';
import type { EventOf } from './request.events';
import { DEFAULT_HANDOFF_LIMIT_DAYS } from './lifecycle.limits';
import { EVENT_NOTES_ZH_CN } from './request.notes.zh-CN';
import type { Handoff, Request } from './request.schema';
import { applied, type Applied, type StepContext } from './request.step';

/** The handoff waiting for the holder's clerk. */
export const pendingHandoff = (r: Request): Handoff | undefined => r.handoffs.find((h) => h.state === 'in_transit' && h.toCenterId === r.holderCenterId);

/** The handoffs with one of them replaced by its next version. */
export const replaceHandoff = (r: Request, next: Handoff): Handoff[] => r.handoffs.map((h) => (h.id === next.id ? next : h));

/**
 * Sends the matter one step up its path. The slip carries its sign-by date (the handoff limit in
 * working days); a year the calendar lacks leaves it unset rather than guessed.
 */
export const sendHandoff = (r: Request, e: EventOf<'sendHandoff'>, c: StepContext): Result<Applied> => {
  const next = r.path[r.path.indexOf(r.holderCenterId) + 1];
  if (!r.path.includes(r.holderCenterId) || !next) return fail('ILLEGAL_TRANSITION', undefined, 'holder has no next center on the path');
  const signBy = c.calendar.addWorkingDays(c.now, c.options.handoffLimitDays ?? DEFAULT_HANDOFF_LIMIT_DAYS);
  const handoff: Handoff = {
    id: e.handoffId,
    code: e.code,
    fromCenterId: r.holderCenterId,
    toCenterId: next,
    checklist: e.checklist,
    sentBy: c.actor.userId,
    sentAt: c.now,
    state: 'in_transit',
    overdue: false,
    ...(signBy.ok ? { signBy: signBy.value } : {}),
  };
  const note = EVENT_NOTES_ZH_CN.sendHandoff({ materials: e.checklist.length });
  return applied({ handoffs: [...r.handoffs, handoff], holderCenterId: next }, note);
};
